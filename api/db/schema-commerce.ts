/**
 * Marketplace money tables: licence tiers, coupons, orders, granted licences, processed payment
 * events, the collaborator-split ledger and producer subscriptions. Re-exported by schema.ts so
 * drizzle-kit and the typed database see one schema.
 */
export {};
