import { z } from 'zod';
import { type BILLING_INTERVALS, SUBSCRIPTION_STATUSES, type SubscriptionStatusValue } from '../../../shared/schemas/commerce.ts';

/** The fields of a Stripe subscription object this app reads (from webhooks or locally built test events). */
export const StripeSubscriptionObject = z.object({
  id: z.string(),
  object: z.literal('subscription'),
  customer: z.union([z.string(), z.object({ id: z.string() })]).transform((customer) => (typeof customer === 'string' ? customer : customer.id)),
  status: z.enum(SUBSCRIPTION_STATUSES.filter((status) => status !== 'none') as [SubscriptionStatusValue, ...SubscriptionStatusValue[]]),
  cancel_at_period_end: z.boolean().default(false),
  // Newer API versions carry the period on the items; older ones on the subscription.
  current_period_end: z.number().int().nullish(),
  items: z
    .object({ data: z.array(z.object({ current_period_end: z.number().int().nullish(), price: z.object({ recurring: z.object({ interval: z.string() }).nullish() }).nullish() }).loose()) })
    .loose()
    .nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
});
export type StripeSubscriptionObject = z.infer<typeof StripeSubscriptionObject>;

export interface StoredSubscription {
  stripeSubscriptionId: string | null;
  status: string;
  eventCreated: number;
}

/**
 * Where each status sits on a subscription's timeline, for events with the same `created` second:
 * incomplete comes first, the live statuses next, canceled last (a deleted subscription never revives).
 */
const TIMELINE_RANK: Record<string, number> = {
  incomplete: 0,
  trialing: 1,
  active: 1,
  past_due: 1,
  unpaid: 1,
  paused: 1,
  incomplete_expired: 2,
  canceled: 2,
};

/**
 * Whether an event (its `created` time, the subscription it describes and that subscription's status)
 * is newer than what is stored, so applying it moves the state forward. Webhooks arrive in any order
 * and more than once: an older event must never overwrite a newer one.
 */
export function isNewer(stored: StoredSubscription | undefined, event: { created: number; subscriptionId: string; status: string }): boolean {
  if (!stored || stored.stripeSubscriptionId === null) return true;
  const sameSubscription = stored.stripeSubscriptionId === event.subscriptionId;
  if (sameSubscription && TIMELINE_RANK[stored.status] === 2) return false;
  // The end of an older subscription (its deletion at the end of a cancelled period, say) must not
  // end the one the producer pays for now: only a live subscription's own events replace it.
  if (!sameSubscription && TIMELINE_RANK[event.status] === 2 && TIMELINE_RANK[stored.status] !== 2) return false;
  if (event.created !== stored.eventCreated) return event.created > stored.eventCreated;
  if (!sameSubscription) return false;
  return (TIMELINE_RANK[event.status] ?? 1) >= (TIMELINE_RANK[stored.status] ?? 1);
}

/** The billing interval and period end of a subscription object, wherever the API version put them. */
export function periodOf(subscription: StripeSubscriptionObject): { interval: (typeof BILLING_INTERVALS)[number] | null; currentPeriodEnd: Date | null } {
  const item = subscription.items?.data[0];
  const end = item?.current_period_end ?? subscription.current_period_end ?? null;
  const rawInterval = subscription.metadata?.interval ?? item?.price?.recurring?.interval ?? null;
  const interval = rawInterval === 'month' || rawInterval === 'year' ? rawInterval : null;
  return { interval, currentPeriodEnd: end === null ? null : new Date(end * 1000) };
}
