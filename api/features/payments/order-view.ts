import type { Order } from '../../../shared/schemas/commerce.ts';
import { isTier } from '../licences/tier-defaults.ts';
import { disputeState } from './disputes.ts';
import type { OrderItemRow, OrderRow } from './queries.ts';

const STATUSES = ['pending', 'paid', 'declined', 'refunding', 'refunded'] as const;

export function toOrder(order: OrderRow, items: { item: OrderItemRow; licenceId: string | null }[]): Order {
  return {
    id: order.id,
    status: STATUSES.find((status) => status === order.status) ?? 'pending',
    mode: order.mode === 'stripe' ? 'stripe' : 'test',
    currency: 'usd',
    items: items
      .filter(({ item }) => item.orderId === order.id)
      .map(({ item, licenceId }) => ({
        beatId: item.beatId,
        beatTitle: item.beatTitle,
        producerId: item.producerId,
        tier: isTier(item.tier) ? item.tier : 'basic',
        price: item.priceCents / 100,
        discount: item.discountCents / 100,
        licenceId,
      })),
    subtotal: order.subtotalCents / 100,
    discount: order.discountCents / 100,
    total: order.totalCents / 100,
    couponCode: order.couponCode,
    refundReason: order.refundReason,
    refunded: (order.status === 'refunded' ? order.totalCents : order.refundedCents) / 100,
    dispute: disputeState(order.disputeStatus),
    createdAt: order.createdAt.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
    refundedAt: order.refundedAt?.toISOString() ?? null,
  };
}
