import { allocateByWeights } from './money.ts';

/** One line of an order as a refund sees it. */
export interface RefundLine {
  id: string;
  producerId: string;
  /** What the buyer paid for it (price less discount). */
  amountCents: number;
  /** Given back on it so far. */
  refundedCents: number;
  /** Refunded in full by its producer already. */
  inFull: boolean;
}

/** A producer's refund of their own lines, waiting for the payment provider to confirm it. */
export interface PendingPart {
  id: string;
  producerId: string;
  amountCents: number;
}

export interface RefundAllocation {
  /** The pending parts this refund confirms (their producers' lines are now refunded in full). */
  claimedPartIds: string[];
  /** Each line's cumulative refunded cents and whether it is now refunded in full. */
  lines: Array<{ id: string; refundedCents: number; inFull: boolean }>;
}

/**
 * Who a refund of an order belongs to, given its new cumulative total (Stripe reports refunds as a
 * running total). First the producers' own refunds waiting for confirmation, oldest first, each only
 * when the new money covers it whole: their lines are refunded in full. The rest of the new money is
 * a refund of the whole order: it is spread over the other lines in proportion to what is left to
 * refund on each. Only new money is spread, so no line ever gets less back than before (spreading
 * the running total afresh could move a rounding cent away from a line). Pure: provider-refund.ts
 * applies it to the rows, the ledger and the licences.
 */
export function allocateRefund(input: { refundedBefore: number; refundedNow: number; lines: readonly RefundLine[]; pending: readonly PendingPart[] }): RefundAllocation {
  const total = input.lines.reduce((sum, line) => sum + line.amountCents, 0);
  const refundedNow = Math.min(input.refundedNow, total);
  let fresh = Math.max(0, refundedNow - input.refundedBefore);
  const claimed: PendingPart[] = [];
  for (const part of input.pending) {
    if (part.amountCents > fresh) break;
    fresh -= part.amountCents;
    claimed.push(part);
  }
  const claimedProducers = new Set(claimed.map((part) => part.producerId));
  const inFull = input.lines.map((line) => line.inFull || claimedProducers.has(line.producerId));
  const fullCents = input.lines.reduce((sum, line, index) => sum + (inFull[index] ? line.amountCents : 0), 0);
  const others = input.lines.filter((_, index) => !inFull[index]);
  const room = others.map((line) => line.amountCents - line.refundedCents);
  const already = others.reduce((sum, line) => sum + line.refundedCents, 0);
  const added = allocateByWeights(Math.min(Math.max(0, refundedNow - fullCents - already), room.reduce((sum, cents) => sum + cents, 0)), room);
  const shares = new Map(others.map((line, index) => [line.id, line.refundedCents + added[index]!]));
  return {
    claimedPartIds: claimed.map((part) => part.id),
    lines: input.lines.map((line, index) => ({ id: line.id, refundedCents: inFull[index] ? line.amountCents : shares.get(line.id)!, inFull: inFull[index]! })),
  };
}
