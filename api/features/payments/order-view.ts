import type { Order } from '../../../shared/schemas/commerce.ts';
import { isTier } from '../licences/tier-defaults.ts';
import { disputeState } from './disputes.ts';
import type { OrderItemRow, OrderRow } from './queries.ts';

const STATUSES = ['pending', 'paid', 'declined', 'refunding', 'refunded'] as const;

/** The app's own payment page for a test-mode order. */
export const testCheckoutPath = (orderId: string) => `/checkout/test/${orderId}`;

/**
 * Where the buyer can still pay a pending order: Stripe's page for its session until Stripe closes it
 * (24 hours by default), the test page in test mode; null for anything else.
 */
function paymentUrlOf(order: OrderRow, now: Date): string | null {
  if (order.status !== 'pending') return null;
  if (order.mode !== 'stripe') return testCheckoutPath(order.id);
  if (!order.checkoutUrl || (order.checkoutExpiresAt && order.checkoutExpiresAt.getTime() <= now.getTime())) return null;
  return order.checkoutUrl;
}

export function toOrder(order: OrderRow, items: { item: OrderItemRow; licenceId: string | null }[], now: Date): Order {
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
    paymentUrl: paymentUrlOf(order, now),
  };
}
