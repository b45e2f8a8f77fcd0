import type { Database } from '../../db/database.ts';
import type { Logger } from '../../platform/logger.ts';
import type { PaymentEvent } from '../payments/gateway.ts';
import * as queries from './queries.ts';
import { isNewer, periodOf, StripeSubscriptionObject } from './subscription-events.ts';

export const SUBSCRIPTION_EVENT_TYPES = ['customer.subscription.created', 'customer.subscription.updated', 'customer.subscription.deleted'] as const;

/**
 * Applies a customer.subscription.* event inside the caller's transaction (which also records the
 * event id). The state only moves forward: an event older than the stored one is ignored, so events
 * delivered late or out of order cannot bring back an old status.
 */
export async function applySubscriptionEvent(tx: Database, event: PaymentEvent, now: Date, logger: Logger): Promise<void> {
  const parsed = StripeSubscriptionObject.safeParse(event.data.object);
  if (!parsed.success) {
    logger.warn('subscription event without a readable subscription', { eventId: event.id });
    return;
  }
  const subscription = parsed.data;
  const userId = subscription.metadata?.userId ?? (await queries.findByCustomer(tx, subscription.customer))?.userId;
  if (!userId) {
    logger.warn('subscription event for an unknown customer', { eventId: event.id, customer: subscription.customer });
    return;
  }
  const stored = await queries.lockSubscription(tx, userId);
  // `deleted` always describes a canceled subscription, whatever status the object shows.
  const status = event.type === 'customer.subscription.deleted' ? 'canceled' : subscription.status;
  if (!isNewer(stored, { created: event.created, subscriptionId: subscription.id, status })) return;
  const { interval, currentPeriodEnd } = periodOf(subscription);
  await queries.saveSubscription(tx, {
    userId,
    stripeCustomerId: subscription.customer,
    stripeSubscriptionId: subscription.id,
    plan: subscription.metadata?.plan === 'pro' || !subscription.metadata?.plan ? 'pro' : 'free',
    status,
    interval,
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    currentPeriodEnd,
    eventCreated: event.created,
    updatedAt: now,
  });
}
