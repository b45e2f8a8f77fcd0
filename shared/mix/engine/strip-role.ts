/**
 * What a strip is: its role decides where its input comes from (clips, the
 * strips routed to it). Its own module so the worklet bundle, which imports
 * it, does not pull in the document model and zod with `engine-config.ts`.
 */
export const StripRole = { track: 'track', bus: 'bus', master: 'master' } as const;
export type StripRole = (typeof StripRole)[keyof typeof StripRole];
