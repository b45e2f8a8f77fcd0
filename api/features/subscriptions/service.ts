import type { BillingPortal, PlanList, SubscribeRequest, SubscribeResponse, SubscriptionStatus, UpgradeRequest } from '../../../shared/schemas/commerce.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import { findUserById } from '../auth/queries.ts';
import type { EventHandler } from '../payments/event-handler.ts';
import type { PaymentGateway } from '../payments/gateway.ts';
import { testSubscriptionEvent } from '../payments/test-events.ts';
import { effectivePlan, PLANS } from './plans.ts';
import * as queries from './queries.ts';
import { uploadLimitFor } from './upload-limit.ts';

const DAY_SECONDS = 24 * 3600;
const LIVE = new Set(['active', 'trialing', 'past_due', 'incomplete', 'unpaid', 'paused']);
/** Statuses of a subscription whose renewal payment failed (Stripe retrying, or given up) but which still exists. */
const PAYMENT_FAILED = new Set(['past_due', 'unpaid']);
/** Addresses passed to Stripe per retry run: a backlog after an outage drains over a few minutes, gently. */
const RETRY_BATCH = 50;

/**
 * Free and Pro. In Stripe mode every change is a Stripe call, and the stored state changes only when
 * Stripe's customer.subscription.* webhooks arrive. In TEST MODE the same handler is fed events
 * built here, so the state machine is the same one.
 */
export function createSubscriptionsService(deps: { db: Database; clock: Clock; gateway: PaymentGateway; events: EventHandler; logger: Logger }) {
  const { db, clock, gateway, events, logger } = deps;
  const seconds = () => Math.floor(clock.now().getTime() / 1000);

  async function status(userId: string): Promise<SubscriptionStatus> {
    const [row, uploadsUsed] = await Promise.all([queries.findSubscription(db, userId), queries.countBeats(db, userId)]);
    const plan = PLANS[effectivePlan(row, clock.now())];
    return {
      plan: plan.id,
      status: (row?.status ?? 'none') as SubscriptionStatus['status'],
      interval: row?.interval === 'month' || row?.interval === 'year' ? row.interval : null,
      cancelAtPeriodEnd: row?.cancelAtPeriodEnd ?? false,
      currentPeriodEnd: row?.currentPeriodEnd?.toISOString() ?? null,
      uploadsUsed,
      uploadLimit: plan.uploadLimit,
      feePercent: plan.feePercent,
      mode: gateway.mode,
    };
  }

  /** The live subscription to change; `subscription_not_found` when there is none. */
  async function live(userId: string) {
    const row = await queries.findSubscription(db, userId);
    if (!row?.stripeSubscriptionId || !LIVE.has(row.status)) throw new AppError('subscription_not_found');
    return { ...row, stripeSubscriptionId: row.stripeSubscriptionId };
  }

  /** Keeps the live subscription going on `interval` (prorated by Stripe when it changes) and undoes a pending cancellation. */
  async function continuePro(userId: string, interval: 'month' | 'year'): Promise<SubscriptionStatus> {
    const row = await live(userId);
    if (gateway.mode === 'test') await events.handle(testEvent(userId, row, { interval, cancelAtPeriodEnd: false }));
    else await gateway.changeSubscriptionInterval({ subscriptionId: row.stripeSubscriptionId, interval, priceCents: PLANS.pro.priceCents[interval] });
    return status(userId);
  }

  /** A test-mode event continuing the stored subscription with some fields changed. */
  function testEvent(userId: string, row: queries.SubscriptionRow & { stripeSubscriptionId: string }, change: { interval?: 'month' | 'year'; cancelAtPeriodEnd?: boolean }) {
    // One second after the stored event at least, so a change is never older than what it changes.
    const created = Math.max(seconds(), row.eventCreated + 1);
    const interval = change.interval ?? (row.interval === 'year' ? 'year' : 'month');
    return testSubscriptionEvent({
      eventId: `evt_test_sub_${row.stripeSubscriptionId}_${created}`,
      type: 'customer.subscription.updated',
      created,
      userId,
      subscriptionId: row.stripeSubscriptionId,
      status: row.status,
      interval,
      cancelAtPeriodEnd: change.cancelAtPeriodEnd ?? row.cancelAtPeriodEnd,
      currentPeriodEnd: Math.floor((row.currentPeriodEnd?.getTime() ?? clock.now().getTime()) / 1000),
    });
  }

  return {
    status,

    plans(): PlanList {
      return { plans: Object.values(PLANS).map(({ feeBasisPoints: _fee, priceCents: _cents, ...plan }) => plan) };
    },

    /** Beats the producer may have under their current plan; null is unlimited. */
    uploadLimitOf: uploadLimitFor(db, clock),

    async subscribe(userId: string, request: SubscribeRequest, origin: string): Promise<SubscribeResponse> {
      const row = await queries.findSubscription(db, userId);
      // The subscription lives on at Stripe while it retries or after it gave up on a renewal: a new
      // card revives it (the billing portal), whereas a second subscription would bill twice.
      if (row?.stripeSubscriptionId && PAYMENT_FAILED.has(row.status)) throw new AppError('subscription_payment_failed');
      if (effectivePlan(row, clock.now()) === 'pro') {
        if (!row?.cancelAtPeriodEnd) throw new AppError('already_subscribed');
        // Changing their mind before a cancelled period ends: the paid subscription simply goes on.
        return { subscription: await continuePro(userId, request.interval), checkoutUrl: null };
      }
      if (gateway.mode === 'test') {
        const now = seconds();
        const created = Math.max(now, (row?.eventCreated ?? 0) + 1);
        await events.handle(
          testSubscriptionEvent({
            eventId: `evt_test_sub_created_${userId}_${created}`,
            type: 'customer.subscription.created',
            created,
            userId,
            subscriptionId: `sub_test_${userId}_${created}`,
            status: 'active',
            interval: request.interval,
            cancelAtPeriodEnd: false,
            currentPeriodEnd: now + (request.interval === 'year' ? 365 : 30) * DAY_SECONDS,
          }),
        );
        return { subscription: await status(userId), checkoutUrl: null };
      }
      const user = await findUserById(db, userId);
      if (!user) throw new AppError('unauthenticated');
      const customerId = await gateway.ensureCustomer({ userId, email: user.email, existingId: row?.stripeCustomerId ?? null });
      if (!customerId) throw new AppError('payments_not_configured');
      if (customerId !== row?.stripeCustomerId) await queries.rememberCustomer(db, userId, customerId, clock.now());
      const { url } = await gateway.createSubscriptionCheckout({
        userId,
        customerId,
        interval: request.interval,
        priceCents: PLANS.pro.priceCents[request.interval],
        successUrl: `${origin}/studio?checkout=success`,
        cancelUrl: `${origin}/studio?checkout=cancelled`,
      });
      return { subscription: await status(userId), checkoutUrl: url };
    },

    /** Switches the Pro billing interval, prorated by Stripe, and undoes a pending cancellation. */
    upgrade: (userId: string, request: UpgradeRequest): Promise<SubscriptionStatus> => continuePro(userId, request.interval),

    /** Cancels at the end of the paid period: Pro until then, Free after. */
    async cancel(userId: string): Promise<SubscriptionStatus> {
      const row = await live(userId);
      if (gateway.mode === 'test') await events.handle(testEvent(userId, row, { cancelAtPeriodEnd: true }));
      else await gateway.cancelSubscriptionAtPeriodEnd(row.stripeSubscriptionId);
      return status(userId);
    },

    /**
     * Where a producer paying through Stripe manages billing: their card (the one to fix when a renewal
     * failed), invoices and receipts, in Stripe's customer portal; it returns them to the studio.
     */
    async billingPortal(userId: string, origin: string): Promise<BillingPortal> {
      const row = await queries.findSubscription(db, userId);
      if (!row?.stripeCustomerId) throw new AppError('subscription_not_found');
      return gateway.createBillingPortal({ customerId: row.stripeCustomerId, returnUrl: `${origin}/studio` });
    },

    /**
     * The account changed its e-mail address: Stripe's invoices and receipts for the plan go to the
     * new one. Noted first, so that if Stripe cannot be reached now `retryBillingEmails` sends it later.
     */
    async billingEmailChanged(userId: string, email: string): Promise<void> {
      const customerId = await queries.markBillingEmailPending(db, userId, email);
      if (!customerId) return;
      await gateway.updateCustomerEmail(customerId, email);
      await queries.clearBillingEmailPending(db, userId, email);
    },

    /**
     * Gives Stripe the addresses an earlier attempt could not (run each minute). Each that fails again
     * stays for the next run. How many reached Stripe.
     */
    async retryBillingEmails(): Promise<number> {
      let delivered = 0;
      for (const pending of await queries.pendingBillingEmails(db, RETRY_BATCH)) {
        try {
          await gateway.updateCustomerEmail(pending.customerId, pending.email);
          await queries.clearBillingEmailPending(db, pending.userId, pending.email);
          delivered++;
        } catch (error) {
          logger.warn('could not pass a changed e-mail address to Stripe; trying again later', { userId: pending.userId, error: String(error) });
        }
      }
      return delivered;
    },
  };
}

export type SubscriptionsService = ReturnType<typeof createSubscriptionsService>;
