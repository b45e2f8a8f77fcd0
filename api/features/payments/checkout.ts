import { randomUUID } from 'node:crypto';
import type { CheckoutRequest, CheckoutResponse, Order, OrderList } from '../../../shared/schemas/commerce.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Clock } from '../../platform/clock.ts';
import { findUserById } from '../auth/queries.ts';
import type { CouponsService } from '../coupons/service.ts';
import * as licenceQueries from '../licences/queries.ts';
import type { LicencesService } from '../licences/service.ts';
import { mergeTiers } from '../licences/tier-defaults.ts';
import type { EventHandler } from './event-handler.ts';
import type { PaymentGateway } from './gateway.ts';
import { discountCents } from './money.ts';
import { toOrder } from './order-view.ts';
import * as queries from './queries.ts';
import { testCheckoutEvent } from './test-events.ts';

/** Stripe's smallest USD charge. */
export const MINIMUM_CHARGE_CENTS = 50;

export interface CheckoutDeps {
  db: Database;
  clock: Clock;
  gateway: PaymentGateway;
  coupons: CouponsService;
  licences: LicencesService;
  events: EventHandler;
}

/**
 * Turns a cart into a pending order and a place to pay. Prices are read from the beats' tiers now and
 * frozen in the order; nothing is granted here — only a verified payment event grants (event-handler).
 */
export function createCheckoutService(deps: CheckoutDeps) {
  const { db, clock, gateway } = deps;

  async function view(orderId: string): Promise<Order> {
    const order = await queries.findOrder(db, orderId);
    if (!order) throw new AppError('order_not_found');
    return toOrder(order, await queries.itemsOf(db, [orderId]), clock.now());
  }

  /** The buyer's own order; anyone else's does not exist for them. */
  async function ownOrder(buyerId: string, orderId: string) {
    const order = await queries.findOrder(db, orderId);
    if (!order || order.buyerId !== buyerId) throw new AppError('order_not_found');
    return order;
  }

  return {
    async checkout(buyerId: string, request: CheckoutRequest, origin: string): Promise<CheckoutResponse> {
      const buyer = await findUserById(db, buyerId);
      if (!buyer) throw new AppError('unauthenticated');
      const lines = [];
      for (const item of request.items) {
        const beat = await licenceQueries.findBeat(db, item.beatId);
        if (!beat || (beat.status !== 'published' && beat.status !== 'sold' && beat.producerId !== buyerId)) throw new AppError('beat_not_found');
        if (beat.producerId === buyerId) throw new AppError('cannot_buy_own_beat');
        if (beat.status === 'sold' || (await licenceQueries.exclusiveSold(db, beat.id))) throw new AppError('exclusive_sold');
        if (beat.status !== 'published') throw new AppError('beat_not_for_sale');
        const terms = mergeTiers(beat.priceCents, await licenceQueries.tierRows(db, beat.id)).find((tier) => tier.tier === item.tier)!;
        if (!terms.enabled) throw new AppError('licence_tier_disabled');
        if (await licenceQueries.ownsLicence(db, buyerId, beat.id, item.tier)) throw new AppError('licence_already_owned');
        // The grant reads tier rows (and an exclusive sale switches them off), so they must exist.
        await deps.licences.materialiseTiers(beat.id, beat.priceCents);
        lines.push({ beat, tier: item.tier, priceCents: Math.round(terms.price * 100) });
      }
      const coupon = request.couponCode ? await deps.coupons.forCart(request.couponCode, [...new Set(lines.map((line) => line.beat.producerId))]) : undefined;
      const priced = lines.map((line) => ({
        ...line,
        discountCents: coupon && coupon.producerId === line.beat.producerId ? discountCents({ kind: coupon.kind === 'amount' ? 'amount' : 'percent', value: coupon.value }, line.priceCents) : 0,
      }));
      const subtotal = priced.reduce((sum, line) => sum + line.priceCents, 0);
      const discount = priced.reduce((sum, line) => sum + line.discountCents, 0);
      const total = subtotal - discount;
      if (total < MINIMUM_CHARGE_CENTS || priced.some((line) => line.priceCents - line.discountCents <= 0)) {
        throw new AppError('order_total_too_low', { params: { minimum: (MINIMUM_CHARGE_CENTS / 100).toFixed(2) } });
      }

      const now = clock.now();
      const orderId = randomUUID();
      await queries.insertOrder(
        db,
        {
          id: orderId,
          buyerId,
          status: 'pending',
          mode: gateway.mode,
          currency: 'usd',
          subtotalCents: subtotal,
          discountCents: discount,
          totalCents: total,
          couponId: coupon?.id ?? null,
          couponCode: coupon?.code ?? null,
          createdAt: now,
          updatedAt: now,
        },
        priced.map((line) => ({
          id: randomUUID(),
          orderId,
          beatId: line.beat.id,
          beatTitle: line.beat.title,
          producerId: line.beat.producerId,
          tier: line.tier,
          priceCents: line.priceCents,
          discountCents: line.discountCents,
        })),
      );
      const session = await gateway.createOrderCheckout({
        orderId,
        email: buyer.email,
        lines: priced.map((line) => ({ name: `${line.beat.title} — ${line.tier} licence`, amountCents: line.priceCents - line.discountCents })),
        successUrl: `${origin}/orders/${orderId}?checkout=success`,
        cancelUrl: `${origin}/orders/${orderId}?checkout=cancelled`,
      });
      if (session.sessionId) await queries.setCheckoutSession(db, orderId, { sessionId: session.sessionId, url: session.url, expiresAt: session.expiresAt }, now);
      return { order: await view(orderId), checkoutUrl: session.url, mode: gateway.mode };
    },

    async orders(buyerId: string): Promise<OrderList> {
      const rows = await queries.ordersOf(db, buyerId);
      const items = await queries.itemsOf(db, rows.map((row) => row.id));
      const now = clock.now();
      return { orders: rows.map((row) => toOrder(row, items, now)) };
    },

    async order(buyerId: string, orderId: string): Promise<Order> {
      await ownOrder(buyerId, orderId);
      return view(orderId);
    },

    /**
     * The buyer gives up on a pending order (they left the payment page, or want to change the cart):
     * its checkout session is expired at the provider first, so it can never be paid afterwards, and
     * the expiry goes through the handler a webhook uses, which declines the order. Stripe's own
     * `checkout.session.expired` event for it then finds the order declined and changes nothing. A
     * session Stripe will not expire is being paid (or was): 409, and its own event settles the order.
     */
    async cancel(buyerId: string, orderId: string): Promise<Order> {
      const order = await ownOrder(buyerId, orderId);
      if (order.status !== 'pending') throw new AppError('order_not_pending');
      const created = Math.floor(clock.now().getTime() / 1000);
      if (order.mode === 'test') {
        await deps.events.handle(testCheckoutEvent(orderId, 'expire', created));
        return view(orderId);
      }
      if (!order.stripeSessionId) {
        // Stripe never opened a session for it (the call failed after the order was written): nothing can pay it.
        if (!(await queries.declineSessionlessOrder(db, orderId, clock.now()))) throw new AppError('order_not_pending');
        return view(orderId);
      }
      const session = await gateway.expireOrderCheckout(order.stripeSessionId);
      if (!session) throw new AppError('order_not_pending');
      await deps.events.handle({ id: `evt_local_expire_${order.stripeSessionId}`, type: 'checkout.session.expired', created, data: { object: session } });
      return view(orderId);
    },

    /** TEST MODE's payment page reports here; the outcome becomes an event fed to the webhook's handler. */
    async testCheckout(buyerId: string, orderId: string, outcome: 'succeed' | 'decline'): Promise<Order> {
      if (gateway.mode !== 'test') throw new AppError('test_checkout_unavailable');
      const order = await ownOrder(buyerId, orderId);
      if (order.mode !== 'test') throw new AppError('test_checkout_unavailable');
      if (order.status !== 'pending') throw new AppError('order_not_pending');
      await deps.events.handle(testCheckoutEvent(orderId, outcome, Math.floor(clock.now().getTime() / 1000)));
      return view(orderId);
    },
  };
}

export type CheckoutService = ReturnType<typeof createCheckoutService>;
