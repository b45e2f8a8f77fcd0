import { and, desc, eq, inArray, lt, or } from 'drizzle-orm';
import type { Sale, SaleListQuery, SalePage, SaleRefundResult } from '../../../shared/schemas/commerce.ts';
import type { Database } from '../../db/database.ts';
import { licences, orderItems, orders, users } from '../../db/schema.ts';
import { AppError } from '../../errors/app-error.ts';
import { decodeTimeIdCursor, encodeTimeIdCursor } from '../../http/time-id-cursor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import { isTier } from '../licences/tier-defaults.ts';
import { disputeState } from './disputes.ts';
import type { PaymentGateway } from './gateway.ts';
import { refundPaidOrderInFull } from './provider-refund.ts';

/**
 * A producer's sales: every licence of theirs that was paid for (refunded ones stay listed as such),
 * and refunding one. A refund is of the whole order, so only an order whose licences are all the
 * producer's can be refunded here (a cart with other producers' beats goes through support). In
 * TEST MODE the refund takes effect at once; with Stripe the money goes back through Stripe
 * (idempotent per order) and takes effect when its `charge.refunded` webhook arrives, like any refund.
 */
export function createSalesService(deps: { db: Database; clock: Clock; logger: Logger; gateway: PaymentGateway }) {
  const { db, clock, logger, gateway } = deps;

  return {
    async list(producerId: string, query: SaleListQuery): Promise<SalePage> {
      const after = query.cursor ? decodeTimeIdCursor(query.cursor) : undefined;
      const rows = await db
        .select({ item: orderItems, order: orders, licenceId: licences.id, buyerName: users.displayName })
        .from(orderItems)
        .innerJoin(orders, eq(orders.id, orderItems.orderId))
        .innerJoin(users, eq(users.id, orders.buyerId))
        .leftJoin(licences, eq(licences.orderItemId, orderItems.id))
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
      // An order with another producer's licence in it cannot be refunded from here.
      const orderIds = [...new Set(page.map((row) => row.order.id))];
      const mixed = new Set(
        orderIds.length === 0
          ? []
          : (await db.select({ orderId: orderItems.orderId, producerId: orderItems.producerId }).from(orderItems).where(inArray(orderItems.orderId, orderIds)))
              .filter((row) => row.producerId !== producerId)
              .map((row) => row.orderId),
      );
      const sales = page.map(({ item, order, licenceId, buyerName }): Sale => {
        const dispute = disputeState(order.disputeStatus);
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
          status: order.status === 'refunded' ? 'refunded' : 'paid',
          orderRefunded: order.refundedCents / 100,
          dispute,
          // Stripe refuses to refund a charge under an open chargeback: the bank decides it.
          refundable: order.status === 'paid' && !mixed.has(order.id) && dispute !== 'open',
        };
      });
      const last = page.at(-1);
      return { sales, nextCursor: rows.length > query.limit && last ? encodeTimeIdCursor(last.order.paidAt ?? last.order.createdAt, last.item.id) : null };
    },

    async refund(producerId: string, orderId: string): Promise<SaleRefundResult> {
      const now = clock.now();
      const order = await db.transaction(async (tx) => {
        const [row] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
        const sellers = row ? await tx.select({ producerId: orderItems.producerId }).from(orderItems).where(eq(orderItems.orderId, orderId)) : [];
        // Someone else's order is not found, as if it did not exist.
        if (!row || !sellers.some((seller) => seller.producerId === producerId)) throw new AppError('sale_not_found');
        if (sellers.some((seller) => seller.producerId !== producerId)) throw new AppError('sale_has_other_sellers');
        if (row.status !== 'paid' || disputeState(row.disputeStatus) === 'open') throw new AppError('sale_not_refundable');
        if (row.mode !== 'stripe') await refundPaidOrderInFull(tx, row, 'refunded_by_seller', now);
        return row;
      });
      if (order.mode !== 'stripe') return { status: 'refunded' };
      logger.info('producer asked for a refund', { orderId, producerId });
      await gateway.refund({ orderId, paymentIntentId: order.stripePaymentIntentId });
      return { status: 'requested' };
    },
  };
}

export type SalesService = ReturnType<typeof createSalesService>;
