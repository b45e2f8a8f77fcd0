import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, lt, or } from 'drizzle-orm';
import type { Sale, SaleListQuery, SalePage, SaleRefundResult } from '../../../shared/schemas/commerce.ts';
import type { Database } from '../../db/database.ts';
import { licences, orderItems, orders, sellerRefunds, users } from '../../db/schema.ts';
import { AppError } from '../../errors/app-error.ts';
import { decodeTimeIdCursor, encodeTimeIdCursor } from '../../http/time-id-cursor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import { isTier } from '../licences/tier-defaults.ts';
import { disputeState } from './disputes.ts';
import type { PaymentGateway } from './gateway.ts';
import { applySellerRefund, refundPaidOrderInFull } from './provider-refund.ts';

/**
 * A producer's sales: every licence of theirs that was paid for (refunded ones stay listed as such),
 * and refunding them. An order of their beats alone is refunded whole; in a cart with other
 * producers' beats, a producer refunds their own lines (what the buyer paid for them), and the other
 * producers' sales stand. In TEST MODE a refund takes effect at once; with Stripe the money goes back
 * through Stripe (idempotent per order, or per producer for a part) and takes effect when its
 * `charge.refunded` webhook arrives, like any refund (a part is recorded first, so that event is
 * known to be theirs: provider-refund.ts).
 */
export function createSalesService(deps: { db: Database; clock: Clock; logger: Logger; gateway: PaymentGateway }) {
  const { db, clock, logger, gateway } = deps;

  return {
    async list(producerId: string, query: SaleListQuery): Promise<SalePage> {
      const after = query.cursor ? decodeTimeIdCursor(query.cursor) : undefined;
      const rows = await db
        .select({ item: orderItems, order: orders, licenceId: licences.id, buyerName: users.displayName, partAppliedAt: sellerRefunds.appliedAt, partId: sellerRefunds.id })
        .from(orderItems)
        .innerJoin(orders, eq(orders.id, orderItems.orderId))
        .innerJoin(users, eq(users.id, orders.buyerId))
        .leftJoin(licences, eq(licences.orderItemId, orderItems.id))
        .leftJoin(sellerRefunds, and(eq(sellerRefunds.orderId, orderItems.orderId), eq(sellerRefunds.producerId, orderItems.producerId)))
        .where(
          and(
            eq(orderItems.producerId, producerId),
            inArray(orders.status, ['paid', 'refunded']),
            after ? or(lt(orders.paidAt, after.at), and(eq(orders.paidAt, after.at), lt(orderItems.id, after.id))) : undefined,
          ),
        )
        .orderBy(desc(orders.paidAt), desc(orderItems.id))
        .limit(query.limit + 1);
      const page = rows.slice(0, query.limit);
      const sales = page.map(({ item, order, licenceId, buyerName, partId, partAppliedAt }): Sale => {
        const dispute = disputeState(order.disputeStatus);
        const refunded = order.status === 'refunded' || item.refundedAt !== null;
        const refundRequested = partId !== null && partAppliedAt === null;
        return {
          orderId: order.id,
          licenceId,
          beatId: item.beatId,
          beatTitle: item.beatTitle,
          tier: isTier(item.tier) ? item.tier : 'basic',
          buyerName,
          price: (item.priceCents - item.discountCents) / 100,
          currency: 'usd',
          paidAt: (order.paidAt ?? order.createdAt).toISOString(),
          status: refunded ? 'refunded' : 'paid',
          refunded: item.refundedCents / 100,
          orderRefunded: order.refundedCents / 100,
          refundRequested,
          dispute,
          // Stripe refuses to refund a charge under an open chargeback: the bank decides it.
          refundable: order.status === 'paid' && !refunded && !refundRequested && dispute !== 'open',
        };
      });
      const last = page.at(-1);
      return { sales, nextCursor: rows.length > query.limit && last ? encodeTimeIdCursor(last.order.paidAt ?? last.order.createdAt, last.item.id) : null };
    },

    async refund(producerId: string, orderId: string): Promise<SaleRefundResult> {
      const now = clock.now();
      const outcome = await db.transaction(async (tx) => {
        const [row] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
        const items = row ? await tx.select().from(orderItems).where(eq(orderItems.orderId, orderId)) : [];
        const mine = items.filter((item) => item.producerId === producerId);
        // Someone else's order is not found, as if it did not exist.
        if (!row || mine.length === 0) throw new AppError('sale_not_found');
        if (row.status !== 'paid' || disputeState(row.disputeStatus) === 'open') throw new AppError('sale_not_refundable');
        if (mine.length === items.length) {
          if (row.mode !== 'stripe') await refundPaidOrderInFull(tx, row, 'refunded_by_seller', now);
          return { order: row, part: undefined };
        }
        // Their part of a cart. Asked before (Stripe failed, or a second click): the same request again.
        const [asked] = await tx.select().from(sellerRefunds).where(and(eq(sellerRefunds.orderId, orderId), eq(sellerRefunds.producerId, producerId)));
        if (asked?.appliedAt || mine.every((item) => item.refundedAt !== null)) throw new AppError('sale_not_refundable');
        const part = asked ?? { id: randomUUID(), orderId, producerId, amountCents: mine.reduce((sum, item) => sum + item.priceCents - item.discountCents - item.refundedCents, 0), createdAt: now, appliedAt: null };
        if (!asked) await tx.insert(sellerRefunds).values(part);
        if (row.mode !== 'stripe') await applySellerRefund(tx, row, part.amountCents, now);
        return { order: row, part };
      });
      const { order, part } = outcome;
      if (order.mode !== 'stripe') return { status: 'refunded' };
      logger.info('producer asked for a refund', { orderId, producerId, part: part?.amountCents });
      await gateway.refund({ orderId, paymentIntentId: order.stripePaymentIntentId, ...(part ? { part: { producerId, amountCents: part.amountCents } } : {}) });
      return { status: 'requested' };
    },
  };
}

export type SalesService = ReturnType<typeof createSalesService>;
