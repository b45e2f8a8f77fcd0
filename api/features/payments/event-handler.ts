import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { orders } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import { applySubscriptionEvent, SUBSCRIPTION_EVENT_TYPES } from '../subscriptions/apply-event.ts';
import type { PaymentEvent, PaymentGateway } from './gateway.ts';
import { grantOrder } from './grant.ts';
import { applyDispute, DISPUTE_EVENTS } from './disputes.ts';
import { applyProviderRefund, ChargeObject, DisputeObject, PROVIDER_REFUND_EVENT } from './provider-refund.ts';
import * as queries from './queries.ts';

/** The fields of a Stripe Checkout Session this app reads. */
const CheckoutSessionObject = z.object({
  id: z.string(),
  object: z.literal('checkout.session'),
  mode: z.string().nullish(),
  payment_status: z.string().nullish(),
  payment_intent: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
  client_reference_id: z.string().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  amount_total: z.number().int().nullish(),
  currency: z.string().nullish(),
});

const GRANTING = new Set(['checkout.session.completed', 'checkout.session.async_payment_succeeded']);
const DECLINING = new Set(['checkout.session.expired', 'checkout.session.async_payment_failed']);

export interface EventHandlerDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  gateway: PaymentGateway;
  /**
   * Test seam: runs inside the event's transaction after its effects were written and before commit.
   * Throwing there is what a crash at that moment looks like to the database: the transaction rolls back.
   */
  beforeCommit?: ((event: PaymentEvent) => Promise<void>) | undefined;
  /** After the commit that made an order paid (not on a redelivery): receipts and sale notices. */
  onOrderPaid?: ((orderId: string) => Promise<void>) | undefined;
}

export type HandleResult = { duplicate: boolean };

/**
 * The one place payment events take effect, whether they came from a verified Stripe webhook or were
 * built locally in test mode. Each event is recorded in the same transaction as its effect, so a
 * redelivery (Stripe retries until it gets a 2xx) is a no-op, and a crash before commit leaves no
 * trace: the redelivery then applies it once. Orders only move forward (pending → paid | declined |
 * refunding → refunded, and paid → refunded by a refund made in Stripe), so events arriving out of
 * order cannot undo one another.
 */
export function createEventHandler(deps: EventHandlerDeps) {
  const { db, clock, logger, gateway } = deps;

  function orderIdOf(event: PaymentEvent): string | undefined {
    const session = CheckoutSessionObject.safeParse(event.data.object);
    if (!session.success || session.data.mode === 'subscription') return undefined;
    return session.data.metadata?.orderId ?? session.data.client_reference_id ?? undefined;
  }

  /** Applies a checkout event to its pending order; true when this very event made the order paid. */
  async function applyCheckoutEvent(tx: Database, event: PaymentEvent, now: Date): Promise<boolean> {
    const session = CheckoutSessionObject.safeParse(event.data.object);
    const orderId = orderIdOf(event);
    if (!session.success || !orderId) return false;
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    if (!order || order.status !== 'pending') return false;
    // A Stripe event must be about this order's own session (test orders have none).
    if (order.mode === 'stripe' && order.stripeSessionId !== session.data.id) {
      logger.warn('checkout event for another session of the order', { eventId: event.id, orderId });
      return false;
    }
    if (DECLINING.has(event.type)) {
      await tx.update(orders).set({ status: 'declined', updatedAt: now }).where(eq(orders.id, order.id));
      return false;
    }
    // A completed session with a delayed payment method is not paid yet; async_payment_succeeded follows.
    if (event.type === 'checkout.session.completed' && session.data.payment_status !== 'paid' && session.data.payment_status !== 'no_payment_required') return false;
    const paymentIntent = session.data.payment_intent;
    const paymentIntentId = typeof paymentIntent === 'string' ? paymentIntent : (paymentIntent?.id ?? null);
    // The session was created with the order's frozen total; anything else paid is not this order's
    // price (a session edited in the dashboard, a bug between us and Stripe): grant nothing, refund it.
    if (order.mode === 'stripe' && (session.data.amount_total !== order.totalCents || session.data.currency?.toLowerCase() !== order.currency.toLowerCase())) {
      logger.warn('checkout paid another amount than the order total; refunding', {
        eventId: event.id,
        orderId: order.id,
        paid: session.data.amount_total ?? null,
        currency: session.data.currency ?? null,
        expected: order.totalCents,
      });
      await tx
        .update(orders)
        .set({ status: 'refunding', refundReason: 'amount_mismatch', stripePaymentIntentId: paymentIntentId, paidAt: now, updatedAt: now })
        .where(eq(orders.id, order.id));
      return false;
    }
    await tx.update(orders).set({ stripePaymentIntentId: paymentIntentId }).where(eq(orders.id, order.id));
    return (await grantOrder(tx, { ...order, stripePaymentIntentId: paymentIntentId }, now)).outcome === 'granted';
  }

  /** Records and applies an event once; `paid` when it is the one that made its order paid. */
  async function applyInTransaction(event: PaymentEvent): Promise<{ applied: boolean; paid: boolean }> {
    const now = clock.now();
    return db.transaction(async (tx) => {
      if (!(await queries.recordEvent(tx, event, now))) return { applied: false, paid: false };
      let paid = false;
      if (GRANTING.has(event.type) || DECLINING.has(event.type)) paid = await applyCheckoutEvent(tx, event, now);
      else if ((SUBSCRIPTION_EVENT_TYPES as readonly string[]).includes(event.type)) await applySubscriptionEvent(tx, event, now, logger);
      else if (event.type === PROVIDER_REFUND_EVENT) {
        const charge = ChargeObject.safeParse(event.data.object);
        if (charge.success) await applyProviderRefund(tx, charge.data, now, logger);
        else logger.warn('refund event without the charge fields we read; ignored', { eventId: event.id });
      } else if (DISPUTE_EVENTS.includes(event.type)) {
        const dispute = DisputeObject.safeParse(event.data.object);
        if (dispute.success) await applyDispute(tx, dispute.data, now, logger);
        else logger.warn('dispute event without the fields we read; ignored', { eventId: event.id });
      }
      await deps.beforeCommit?.(event);
      return { applied: true, paid };
    });
  }

  /** The exclusive went to a concurrent order between our check and insert: record the event and set this order to be refunded. */
  async function lostExclusiveRace(event: PaymentEvent, orderId: string): Promise<boolean> {
    const now = clock.now();
    return db.transaction(async (tx) => {
      if (!(await queries.recordEvent(tx, event, now))) return false;
      await tx
        .update(orders)
        .set({ status: 'refunding', refundReason: 'exclusive_sold', paidAt: now, updatedAt: now })
        .where(eq(orders.id, orderId));
      return true;
    });
  }

  /** Refunds an order left `refunding`, then marks it refunded. Idempotent per order, so a retry after a crash is safe. */
  async function settleRefund(orderId: string): Promise<void> {
    const order = await queries.findOrder(db, orderId);
    if (order?.status !== 'refunding') return;
    const { refundId } = order.mode === 'stripe' ? await gateway.refund({ orderId, paymentIntentId: order.stripePaymentIntentId }) : { refundId: null };
    await queries.markRefunded(db, orderId, refundId, clock.now());
  }

  return {
    async handle(event: PaymentEvent): Promise<HandleResult> {
      let applied: boolean;
      let paid = false;
      try {
        ({ applied, paid } = await applyInTransaction(event));
      } catch (error) {
        const orderId = orderIdOf(event);
        if (!orderId || !isUniqueViolation(error)) throw error;
        applied = await lostExclusiveRace(event, orderId);
      }
      const orderId = orderIdOf(event);
      // Only the event that made the order paid: a later event about the same paid order (another id,
      // so not a redelivery) must not send the e-mails again.
      if (paid && orderId && deps.onOrderPaid) {
        // Best effort and not awaited: the sale stands whether or not its e-mails go out, and a slow
        // mail server must not hold Stripe's webhook call (or the buyer's test checkout) open.
        void deps.onOrderPaid(orderId).catch((error: unknown) => logger.error('order paid, but its e-mails failed', { orderId, error }));
      }
      // Also on a redelivery: if a refund failed or the process died before it, the retry finishes it.
      if (orderId) {
        try {
          await settleRefund(orderId);
        } catch (error) {
          logger.error('refund failed; the order stays refunding until the event is redelivered', { orderId, error });
          // Not a 2xx: Stripe redelivers, and the redelivery retries the refund.
          throw error instanceof AppError ? error : new AppError('payment_provider_unavailable', { cause: error });
        }
      }
      return { duplicate: !applied };
    },
  };
}

export type EventHandler = ReturnType<typeof createEventHandler>;
