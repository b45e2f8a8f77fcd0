import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/database.ts';
import { beats, ledgerEntries, licences, orderItems, orders, sellerRefunds } from '../../db/schema.ts';
import type { Logger } from '../../platform/logger.ts';
import { allocateByWeights } from './money.ts';
import { allocateRefund } from './refund-allocation.ts';

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

/**
 * A producer's refund of their own lines of a cart, recorded (seller_refunds) by the caller, who holds
 * the order's row lock: without a payment provider (TEST MODE) it takes effect at once.
 */
export async function applySellerRefund(tx: Executor, order: typeof orders.$inferSelect, amountCents: number, now: Date): Promise<void> {
  await applyRefundedCents(tx, order, order.refundedCents + amountCents, 'refunded_by_seller', now);
}

/**
 * Brings a paid order (row locked by the caller) to `total` cents refunded: which lines it pays back
 * (refund-allocation.ts: a producer's confirmed refund of their own lines first, the rest over the
 * other lines), the ledger, the order's status, and the licences of every line refunded in full.
 */
async function applyRefundedCents(tx: Executor, order: typeof orders.$inferSelect, total: number, reason: string, now: Date): Promise<void> {
  const refunded = Math.min(total, order.totalCents);
  if (refunded <= order.refundedCents) return;
  const full = refunded >= order.totalCents;
  const items = await tx.select().from(orderItems).where(eq(orderItems.orderId, order.id)).orderBy(asc(orderItems.id));
  const pending = await tx
    .select()
    .from(sellerRefunds)
    .where(and(eq(sellerRefunds.orderId, order.id), isNull(sellerRefunds.appliedAt)))
    .orderBy(asc(sellerRefunds.createdAt), asc(sellerRefunds.id));
  const allocation = allocateRefund({
    refundedBefore: order.refundedCents,
    refundedNow: refunded,
    lines: items.map((item) => ({ id: item.id, producerId: item.producerId, amountCents: lineAmount(item), refundedCents: item.refundedCents, inFull: item.refundedAt !== null })),
    pending,
  });

  const newlyInFull: string[] = [];
  for (const [index, line] of allocation.lines.entries()) {
    const before = items[index]!;
    const nowInFull = line.inFull && before.refundedAt === null;
    if (nowInFull) newlyInFull.push(line.id);
    if (line.refundedCents === before.refundedCents && !nowInFull) continue;
    await tx
      .update(orderItems)
      .set({ refundedCents: line.refundedCents, ...(nowInFull ? { refundedAt: now } : {}) })
      .where(eq(orderItems.id, line.id));
  }
  if (allocation.claimedPartIds.length > 0) await tx.update(sellerRefunds).set({ appliedAt: now }).where(inArray(sellerRefunds.id, allocation.claimedPartIds));
  await reverseLedger(tx, order.id, new Map(allocation.lines.map((line, index) => [line.id, { refundedCents: line.refundedCents, amountCents: lineAmount(items[index]!) }])), now);
  await tx
    .update(orders)
    .set(full ? { refundedCents: refunded, status: 'refunded', refundReason: reason, refundedAt: now, updatedAt: now } : { refundedCents: refunded, updatedAt: now })
    .where(eq(orders.id, order.id));
  if (full) await revokeLicences(tx, order.id, 'order_refunded', now);
  else if (newlyInFull.length > 0) await revokeLicences(tx, order.id, 'refunded_by_seller', now, newlyInFull);
}

const lineAmount = (item: { priceCents: number; discountCents: number }) => item.priceCents - item.discountCents;

/**
 * Brings the order's refund rows up to what each line has given back: per line, the cumulative
 * target of each of its sale rows is computed afresh (gross by what the row earned, the fee in the
 * same proportion as the line's refund) and only the difference to what was already reversed is
 * written. A line refunded in full thus nets every collaborator's rows of it to exactly zero,
 * however many partial refunds came first.
 */
async function reverseLedger(tx: Executor, orderId: string, lines: ReadonlyMap<string, { refundedCents: number; amountCents: number }>, now: Date): Promise<void> {
  const rows = await tx
    .select({ entry: ledgerEntries, itemId: licences.orderItemId })
    .from(ledgerEntries)
    .innerJoin(licences, eq(licences.id, ledgerEntries.licenceId))
    .where(eq(ledgerEntries.orderId, orderId))
    .orderBy(asc(ledgerEntries.id));
  const reversed = new Map<string, { gross: number; fee: number }>();
  for (const { entry } of rows) {
    if (entry.kind !== 'refund' || !entry.reversesId) continue;
    const sum = reversed.get(entry.reversesId) ?? { gross: 0, fee: 0 };
    reversed.set(entry.reversesId, { gross: sum.gross - entry.grossCents, fee: sum.fee - entry.feeCents });
  }
  const entries = [];
  for (const [itemId, line] of lines) {
    const sales = rows.filter((row) => row.itemId === itemId && row.entry.kind === 'sale').map((row) => row.entry);
    if (sales.length === 0 || line.amountCents <= 0) continue;
    const feeTotal = sales.reduce((sum, row) => sum + row.feeCents, 0);
    const grossTargets = allocateByWeights(line.refundedCents, sales.map((row) => row.grossCents));
    const feeTargets = allocateByWeights(Math.round((feeTotal * line.refundedCents) / line.amountCents), sales.map((row) => row.feeCents));
    for (const [index, sale] of sales.entries()) {
      const already = reversed.get(sale.id) ?? { gross: 0, fee: 0 };
      const gross = grossTargets[index]! - already.gross;
      const fee = feeTargets[index]! - already.fee;
      if (gross === 0 && fee === 0) continue;
      const { id: _saleId, createdAt: _saleDate, ...copied } = sale;
      entries.push({ ...copied, id: randomUUID(), kind: 'refund', reversesId: sale.id, grossCents: -gross, feeCents: -fee, netCents: -(gross - fee), createdAt: now });
    }
  }
  if (entries.length > 0) await tx.insert(ledgerEntries).values(entries);
}

/** Revokes the order's licences (only those of `itemIds` when given); a refunded exclusive frees its beat. */
async function revokeLicences(tx: Executor, orderId: string, reason: string, now: Date, itemIds?: readonly string[]): Promise<void> {
  const revoked = await tx
    .update(licences)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(licences.orderId, orderId), isNull(licences.revokedAt), itemIds ? inArray(licences.orderItemId, [...itemIds]) : undefined))
    .returning({ beatId: licences.beatId, tier: licences.tier });
  for (const licence of revoked) {
    await tx.update(beats).set({ saleCount: sql`greatest(${beats.saleCount} - 1, 0)` }).where(eq(beats.id, licence.beatId));
    if (licence.tier === 'exclusive') {
      await tx.update(beats).set({ status: 'draft', updatedAt: now }).where(and(eq(beats.id, licence.beatId), eq(beats.status, 'sold')));
    }
  }
}
