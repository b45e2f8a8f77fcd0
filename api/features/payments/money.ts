/**
 * Pure money arithmetic in whole cents: coupon discounts, the platform fee and splitting an amount
 * between collaborators so the parts always add up to the whole.
 */

export interface CouponTerms {
  kind: 'percent' | 'amount';
  /** Whole percent for `percent`, cents for `amount`. */
  value: number;
}

/** The discount on one item; never more than the item's price. */
export function discountCents(coupon: CouponTerms, priceCents: number): number {
  const raw = coupon.kind === 'percent' ? Math.round((priceCents * coupon.value) / 100) : coupon.value;
  return Math.max(0, Math.min(priceCents, raw));
}

/** The platform's fee on an amount, rounded to the nearest cent. */
export function feeCents(amountCents: number, feeBasisPoints: number): number {
  return Math.round((amountCents * feeBasisPoints) / 10_000);
}

/**
 * Splits `totalCents` by basis points (summing to 10,000) with the largest-remainder method: each part
 * is floored, then the leftover cents go to the largest remainders (ties to the earlier share), so the
 * parts sum exactly to the total.
 */
export function allocate(totalCents: number, basisPoints: readonly number[]): number[] {
  return allocateByWeights(totalCents, basisPoints);
}

/**
 * `allocate` for any non-negative weights (a refund split in proportion to what each ledger row
 * earned): parts proportional to the weights that sum exactly to the total. With no weight at all
 * there is nothing to be proportional to, so only a zero total can be split.
 */
export function allocateByWeights(totalCents: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((total, weight) => total + weight, 0);
  if (sum <= 0) {
    if (totalCents !== 0) throw new RangeError('cannot split a non-zero amount by weights that sum to zero');
    return weights.map(() => 0);
  }
  const exact = weights.map((weight) => (totalCents * weight) / sum);
  // `|| 0`: a zero weight of a negative total would otherwise be -0.
  const parts = exact.map((value) => Math.floor(value) || 0);
  let left = totalCents - parts.reduce((total, part) => total + part, 0);
  const order = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let i = 0; left > 0 && order.length > 0; i = (i + 1) % order.length, left--) parts[order[i]!.index]! += 1;
  return parts;
}

/** Percent with two decimals ↔ basis points. */
export const toBasisPoints = (percent: number) => Math.round(percent * 100);
export const toPercent = (basisPoints: number) => basisPoints / 100;
export const toCents = (amount: number) => Math.round(amount * 100);
export const toAmount = (cents: number) => cents / 100;
