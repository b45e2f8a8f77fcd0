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

/**
 * A refund made at the payment provider after the order was paid — in Stripe's dashboard, in full or
 * in part — applied inside the event's transaction:
 * - the ledger gets `refund` rows that take the refunded money (and the platform fee on it) back from
 *   each collaborator in proportion to what they earned, so every payout sum stays true;
 * - a full refund also marks the order refunded and revokes its licences: no more downloads or
 *   contract, the sale leaves the analytics, and a refunded exclusive frees its beat (back to draft,
 *   tiers off, for the producer to review and publish again).
 *
 * `amount_refunded` is cumulative, so an older event arriving after a newer one changes nothing, and
 * two partial refunds add up to exactly what Stripe says. Refunds this app made itself (an order it
 * could not grant) find the order `refunding`/`refunded` and are left alone.
 */
export async function applyProviderRefund(tx: Executor, charge: ChargeObject, now: Date, logger: Logger): Promise<void> {
  const paymentIntentId = typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
  if (!paymentIntentId) return;
  const [order] = await tx.select().from(orders).where(eq(orders.stripePaymentIntentId, paymentIntentId)).for('update');
  if (!order || order.status !== 'paid') return;
  if (charge.currency.toLowerCase() !== order.currency.toLowerCase()) {
    logger.warn('refund in another currency than the order; not applied', { chargeId: charge.id, orderId: order.id });
    return;
  }
  const refunded = Math.min(charge.amount_refunded, order.totalCents);
  if (refunded <= order.refundedCents) return;
  const full = refunded >= order.totalCents;

  await reverseLedger(tx, order.id, order.totalCents, refunded, now);
  await tx
    .update(orders)
    .set(full ? { refundedCents: refunded, status: 'refunded', refundReason: 'refunded_by_provider', refundedAt: now, updatedAt: now } : { refundedCents: refunded, updatedAt: now })
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
