import type { OrderStatus } from '../../../shared/schemas/commerce.ts';
import { messageId } from '../../app/message-id.ts';

/** An order's state in the buyer's words. */
export const ORDER_STATUS_IDS = {
  pending: messageId('library.orders.status.pending'),
  paid: messageId('library.orders.status.paid'),
  declined: messageId('library.orders.status.declined'),
  refunding: messageId('library.orders.status.refunding'),
  refunded: messageId('library.orders.status.refunded'),
} as const satisfies Record<OrderStatus, string>;

/** Why an order was refunded, in the buyer's words; unknown reasons get no explanation. */
export const REFUND_REASON_IDS: Record<string, string> = {
  exclusive_sold: messageId('library.orders.reason.exclusiveSold'),
  beat_unavailable: messageId('library.orders.reason.beatUnavailable'),
  coupon_exhausted: messageId('library.orders.reason.couponExhausted'),
  amount_mismatch: messageId('library.orders.reason.amountMismatch'),
  refunded_by_seller: messageId('library.orders.reason.bySeller'),
  refunded_by_provider: messageId('library.orders.reason.bySeller'),
  dispute_lost: messageId('library.orders.reason.disputeLost'),
};
