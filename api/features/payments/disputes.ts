import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { licences, orders } from '../../db/schema.ts';
import type { DisputeState } from '../../../shared/schemas/commerce.ts';
import type { Logger } from '../../platform/logger.ts';
import { applyLostDispute, paymentIntentOf, type DisputeObject } from './provider-refund.ts';

export const DISPUTE_EVENTS: readonly string[] = ['charge.dispute.created', 'charge.dispute.updated', 'charge.dispute.closed'];

/**
 * Stripe's dispute statuses, by what they mean for the buyer's licences:
 * - a chargeback still open (the bank has taken the money back for now): licences on hold;
 * - an inquiry (`warning_*`, no money moved yet) or a chargeback won or prevented: licences as before;
 * - lost: treated as a refund of the disputed amount (revoking the licences when it is all of it).
 * A closed status is final: an older event arriving after it changes nothing.
 */
const HOLDING = new Set(['needs_response', 'under_review']);
const FINAL = new Set(['won', 'lost', 'warning_closed', 'prevented']);

/**
 * Applies one dispute event inside the event's transaction. Stripe does not promise to deliver
 * events in order, so the order remembers the dispute's latest status and a dispute that closed
 * never reopens from a late `created` or `updated`.
 */
export async function applyDispute(tx: Executor, dispute: DisputeObject, now: Date, logger: Logger): Promise<void> {
  const paymentIntentId = paymentIntentOf(dispute);
  if (!paymentIntentId) return;
  const [order] = await tx.select().from(orders).where(eq(orders.stripePaymentIntentId, paymentIntentId)).for('update');
  if (!order) {
    logger.warn('dispute for a payment that is not an order here; ignored', { disputeId: dispute.id });
    return;
  }
  if (order.disputeId === dispute.id && order.disputeStatus !== null && FINAL.has(order.disputeStatus)) return;
  await tx.update(orders).set({ disputeId: dispute.id, disputeStatus: dispute.status, updatedAt: now }).where(eq(orders.id, order.id));
  if (HOLDING.has(dispute.status)) {
    await tx
      .update(licences)
      .set({ heldAt: now })
      .where(and(eq(licences.orderId, order.id), isNull(licences.heldAt), isNull(licences.revokedAt)));
    return;
  }
  await tx.update(licences).set({ heldAt: null }).where(eq(licences.orderId, order.id));
  if (dispute.status === 'lost') await applyLostDispute(tx, dispute, now, logger);
}

/** A Stripe dispute status as buyers and producers see it (an unknown status reads as an inquiry: nothing is held). */
export function disputeState(status: string | null): DisputeState | null {
  if (status === null) return null;
  if (HOLDING.has(status)) return 'open';
  if (status === 'won' || status === 'prevented') return 'won';
  if (status === 'lost') return 'lost';
  return 'inquiry';
}
