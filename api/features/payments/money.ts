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
  const exact = basisPoints.map((points) => (totalCents * points) / 10_000);
  const parts = exact.map(Math.floor);
  let left = totalCents - parts.reduce((sum, part) => sum + part, 0);
  const order = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let i = 0; left > 0 && order.length > 0; i = (i + 1) % order.length, left--) parts[order[i]!.index]! += 1;
  return parts;
}

/** Percent with two decimals ↔ basis points. */
export const toBasisPoints = (percent: number) => Math.round(percent * 100);
export const toPercent = (basisPoints: number) => basisPoints / 100;
export const toCents = (amount: number) => Math.round(amount * 100);
export const toAmount = (cents: number) => cents / 100;
