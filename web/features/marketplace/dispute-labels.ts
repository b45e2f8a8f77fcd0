import type { DisputeState } from '../../../shared/schemas/commerce.ts';
import { messageId } from '../../app/message-id.ts';

/** How a dispute about a payment reads to its buyer and its producer (orders, sales). */
export const DISPUTE_IDS = {
  inquiry: messageId('marketplace.dispute.inquiry'),
  open: messageId('marketplace.dispute.open'),
  won: messageId('marketplace.dispute.won'),
  lost: messageId('marketplace.dispute.lost'),
} as const satisfies Record<DisputeState, string>;
