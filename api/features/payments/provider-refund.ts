import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/database.ts';
import { beats, ledgerEntries, licences, orders } from '../../db/schema.ts';
import type { Logger } from '../../platform/logger.ts';
import { allocateByWeights } from './money.ts';

/** The fields of a Stripe Charge this app reads from `charge.refunded`. */
export const ChargeObject = z.object({
  id: z.string(),
  object: z.literal('charge'),
  payment_intent: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
  currency: z.string(),
  /** Cumulative: everything refunded on this charge so far. */
  amount_refunded: z.number().int().nonnegative(),
});
export type ChargeObject = z.infer<typeof ChargeObject>;

export const PROVIDER_REFUND_EVENT = 'charge.refunded';

/** The fields of a Stripe Dispute this app reads from `charge.dispute.*` events. */
export const DisputeObject = z.object({
  id: z.string(),
  object: z.literal('dispute'),
  payment_intent: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
  currency: z.string(),
  /** What the buyer's bank took back when the dispute is lost. */
  amount: z.number().int().nonnegative(),
  status: z.string(),
});
export type DisputeObject = z.infer<typeof DisputeObject>;

export const paymentIntentOf = (object: { payment_intent?: string | { id: string } | null | undefined }) =>
  typeof object.payment_intent === 'string' ? object.payment_intent : object.payment_intent?.id;

/**
 * A refund made at the payment provider after the order was paid — in Stripe's dashboard, in full or
 * in part — applied inside the event's transaction (see applyRefundedTotal). `amount_refunded` is
 * cumulative, so an older event arriving after a newer one changes nothing, and two partial refunds
 * add up to exactly what Stripe says.
 */
export async function applyProviderRefund(tx: Executor, charge: ChargeObject, now: Date, logger: Logger): Promise<void> {
  await applyRefundedTotal(tx, { paymentIntentId: paymentIntentOf(charge), currency: charge.currency, source: charge.id, reason: 'refunded_by_provider', total: () => charge.amount_refunded }, now, logger);
}

/**
 * A dispute (chargeback) the seller lost: the buyer's bank took the disputed amount back, which is a
 * refund in all but name. Called once per dispute (see disputes.ts: a closed dispute is final), so
 * its amount adds to what was refunded before.
 */
export async function applyLostDispute(tx: Executor, dispute: DisputeObject, now: Date, logger: Logger): Promise<void> {
  if (dispute.status !== 'lost') return;
  await applyRefundedTotal(tx, { paymentIntentId: paymentIntentOf(dispute), currency: dispute.currency, source: dispute.id, reason: 'dispute_lost', total: (before) => before + dispute.amount }, now, logger);
}

/**
 * Money the buyer got back after the order was paid, as a new cumulative total:
 * - the ledger gets `refund` rows that take it (and the platform fee on it) back from each
 *   collaborator in proportion to what they earned, so every payout sum stays true;
 * - all of it back also marks the order refunded and revokes its licences: no more downloads or
 *   contract, the sale leaves the analytics, and a refunded exclusive frees its beat (back to draft,
 *   tiers off, for the producer to review and publish again).
 * Refunds this app made itself (an order it could not grant) find the order `refunding`/`refunded`
 * and are left alone.
 */
async function applyRefundedTotal(
  tx: Executor,
  refund: { paymentIntentId: string | undefined; currency: string; source: string; reason: string; total: (refundedBefore: number) => number },
  now: Date,
  logger: Logger,
): Promise<void> {
  if (!refund.paymentIntentId) return;
  const [order] = await tx.select().from(orders).where(eq(orders.stripePaymentIntentId, refund.paymentIntentId)).for('update');
  if (!order || order.status !== 'paid') return;
  if (refund.currency.toLowerCase() !== order.currency.toLowerCase()) {
    logger.warn('refund in another currency than the order; not applied', { source: refund.source, orderId: order.id });
    return;
  }
  await applyRefundedCents(tx, order, refund.total(order.refundedCents), refund.reason, now);
}

/**
 * Refunds a paid order in full without a payment provider: TEST MODE, where no money moved. The
 * caller holds the order's row lock (select … for update) and checked it is paid.
 */
export async function refundPaidOrderInFull(tx: Executor, order: typeof orders.$inferSelect, reason: string, now: Date): Promise<void> {
  await applyRefundedCents(tx, order, order.totalCents, reason, now);
}

/** Brings a paid order (row locked by the caller) to `total` cents refunded: ledger, status, licences. */
async function applyRefundedCents(tx: Executor, order: typeof orders.$inferSelect, total: number, reason: string, now: Date): Promise<void> {
  const refunded = Math.min(total, order.totalCents);
  if (refunded <= order.refundedCents) return;
  const full = refunded >= order.totalCents;

  await reverseLedger(tx, order.id, order.totalCents, refunded, now);
  await tx
    .update(orders)
    .set(full ? { refundedCents: refunded, status: 'refunded', refundReason: reason, refundedAt: now, updatedAt: now } : { refundedCents: refunded, updatedAt: now })
    .where(eq(orders.id, order.id));
  if (full) await revokeLicences(tx, order.id, now);
}

/**
 * Brings the order's refund rows up to `refundedCents` of its `totalCents`: the cumulative target of
 * each sale row is computed afresh (gross by what the row earned, fee in the same proportion of the
 * order's fee) and only the difference to what was already reversed is written. A full refund thus
 * nets every collaborator's rows of the order to exactly zero, however many partial refunds came first.
 */
async function reverseLedger(tx: Executor, orderId: string, totalCents: number, refundedCents: number, now: Date): Promise<void> {
  const rows = await tx.select().from(ledgerEntries).where(eq(ledgerEntries.orderId, orderId)).orderBy(asc(ledgerEntries.id));
  const sales = rows.filter((row) => row.kind === 'sale');
  if (sales.length === 0) return;
  const reversed = new Map<string, { gross: number; fee: number }>();
  for (const row of rows) {
    if (row.kind !== 'refund' || !row.reversesId) continue;
    const sum = reversed.get(row.reversesId) ?? { gross: 0, fee: 0 };
    reversed.set(row.reversesId, { gross: sum.gross - row.grossCents, fee: sum.fee - row.feeCents });
  }
  const feeTotal = sales.reduce((sum, row) => sum + row.feeCents, 0);
  const grossTargets = allocateByWeights(refundedCents, sales.map((row) => row.grossCents));
  const feeTargets = allocateByWeights(Math.round((feeTotal * refundedCents) / totalCents), sales.map((row) => row.feeCents));
  const entries = sales.flatMap((sale, index) => {
    const already = reversed.get(sale.id) ?? { gross: 0, fee: 0 };
    const gross = grossTargets[index]! - already.gross;
    const fee = feeTargets[index]! - already.fee;
    if (gross === 0 && fee === 0) return [];
    const { id: _saleId, createdAt: _saleDate, ...copied } = sale;
    return [{ ...copied, id: randomUUID(), kind: 'refund', reversesId: sale.id, grossCents: -gross, feeCents: -fee, netCents: -(gross - fee), createdAt: now }];
  });
  if (entries.length > 0) await tx.insert(ledgerEntries).values(entries);
}

async function revokeLicences(tx: Executor, orderId: string, now: Date): Promise<void> {
  const revoked = await tx
    .update(licences)
    .set({ revokedAt: now, revokedReason: 'order_refunded' })
    .where(and(eq(licences.orderId, orderId), isNull(licences.revokedAt)))
    .returning({ beatId: licences.beatId, tier: licences.tier });
  for (const licence of revoked) {
    await tx.update(beats).set({ saleCount: sql`greatest(${beats.saleCount} - 1, 0)` }).where(eq(beats.id, licence.beatId));
    if (licence.tier === 'exclusive') {
      await tx.update(beats).set({ status: 'draft', updatedAt: now }).where(and(eq(beats.id, licence.beatId), eq(beats.status, 'sold')));
    }
  }
}
