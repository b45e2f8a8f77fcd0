import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, allocateByWeights, discountCents, feeCents } from './money.ts';

describe('money', () => {
  it('splits any amount into parts that sum to it exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 10 }), (total, weights) => {
        // Turn arbitrary weights into basis points summing to 10,000.
        const sum = weights.reduce((a, b) => a + b, 0);
        const points = weights.map((w) => Math.floor((w * 10_000) / sum));
        points[0]! += 10_000 - points.reduce((a, b) => a + b, 0);
        const parts = allocate(total, points);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        parts.forEach((part, i) => expect(Math.abs(part - (total * points[i]!) / 10_000)).toBeLessThan(1));
      }),
    );
  });

  it('splits by any weights, zeros included, within a cent of the exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 12 }), (total, weights) => {
        fc.pre(weights.some((weight) => weight > 0));
        const parts = allocateByWeights(total, weights);
        const sum = weights.reduce((a, b) => a + b, 0);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        parts.forEach((part, i) => {
          expect(Math.abs(part - (total * weights[i]!) / sum)).toBeLessThan(1);
          if (weights[i] === 0) expect(part).toBe(0);
        });
      }),
    );
    expect(allocateByWeights(0, [0, 0])).toEqual([0, 0]);
    expect(() => allocateByWeights(1, [0, 0])).toThrow(RangeError);
  });

  it('gives the odd cent to the largest remainder', () => {
    expect(allocate(100, [3333, 3333, 3334])).toEqual([33, 33, 34]);
    expect(allocate(1, [5000, 5000])).toEqual([1, 0]);
  });

  it('never discounts more than the price, and rounds fees to the cent', () => {
    expect(discountCents({ kind: 'amount', value: 5000 }, 2999)).toBe(2999);
    expect(discountCents({ kind: 'percent', value: 15 }, 2999)).toBe(450);
    expect(feeCents(2999, 1000)).toBe(300);
    expect(feeCents(2999, 300)).toBe(90);
  });
});
