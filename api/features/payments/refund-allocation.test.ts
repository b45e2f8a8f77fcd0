import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateRefund, type RefundLine } from './refund-allocation.ts';

const line = (id: string, producerId: string, amountCents: number, refundedCents = 0, inFull = false): RefundLine => ({ id, producerId, amountCents, refundedCents, inFull });

describe('allocateRefund', () => {
  it('spreads a refund of the whole order over the lines in proportion', () => {
    const result = allocateRefund({ refundedBefore: 0, refundedNow: 30, lines: [line('a', 'p', 100), line('b', 'q', 200)], pending: [] });
    expect(result).toEqual({ claimedPartIds: [], lines: [{ id: 'a', refundedCents: 10, inFull: false }, { id: 'b', refundedCents: 20, inFull: false }] });
  });

  it('gives a producer’s confirmed refund to their lines alone', () => {
    const lines = [line('a', 'p', 100), line('b', 'q', 200), line('c', 'q', 50)];
    const result = allocateRefund({ refundedBefore: 0, refundedNow: 250, lines, pending: [{ id: 'part', producerId: 'q', amountCents: 250 }] });
    expect(result.claimedPartIds).toEqual(['part']);
    expect(result.lines.map((entry) => [entry.id, entry.refundedCents, entry.inFull])).toEqual([['a', 0, false], ['b', 200, true], ['c', 50, true]]);
  });

  it('leaves a part waiting when the new money does not cover it (another refund came first)', () => {
    const result = allocateRefund({ refundedBefore: 0, refundedNow: 30, lines: [line('a', 'p', 100), line('b', 'q', 200)], pending: [{ id: 'part', producerId: 'q', amountCents: 200 }] });
    expect(result.claimedPartIds).toEqual([]);
    expect(result.lines.map((entry) => entry.refundedCents)).toEqual([10, 20]);
  });

  it('keeps what a line got from an earlier refund of the whole order when another producer refunds theirs', () => {
    // 20 of 100 back on the whole order (10 each), then q refunds the 40 left of their line.
    const lines = [line('a', 'p', 50), line('b', 'q', 50)];
    const first = allocateRefund({ refundedBefore: 0, refundedNow: 20, lines, pending: [] });
    expect(first.lines.map((entry) => entry.refundedCents)).toEqual([10, 10]);
    const after = [line('a', 'p', 50, 10), line('b', 'q', 50, 10)];
    const second = allocateRefund({ refundedBefore: 20, refundedNow: 60, lines: after, pending: [{ id: 'part', producerId: 'q', amountCents: 40 }] });
    expect(second.lines.map((entry) => [entry.refundedCents, entry.inFull])).toEqual([[10, false], [50, true]]);
  });

  it('always accounts for exactly the refunded total, never more than a line’s amount, and never takes back from a line', () => {
    const order = fc.array(fc.record({ producer: fc.constantFrom('p', 'q', 'r'), amount: fc.integer({ min: 50, max: 10_000 }) }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(order, fc.array(fc.oneof(fc.record({ kind: fc.constant('whole' as const), cents: fc.integer({ min: 0, max: 5000 }) }), fc.record({ kind: fc.constant('producer' as const), producer: fc.constantFrom('p', 'q', 'r') })), { maxLength: 6 }), (entries, steps) => {
        let lines = entries.map((entry, index) => line(`l${index}`, entry.producer, entry.amount));
        const total = lines.reduce((sum, entry) => sum + entry.amountCents, 0);
        let refunded = 0;
        let previous = lines.map(() => 0);
        for (const step of steps) {
          let pending: Array<{ id: string; producerId: string; amountCents: number }> = [];
          let next: number;
          if (step.kind === 'whole') next = Math.min(total, refunded + step.cents);
          else {
            const owed = lines.filter((entry) => entry.producerId === step.producer && !entry.inFull).reduce((sum, entry) => sum + entry.amountCents - entry.refundedCents, 0);
            if (owed === 0) continue;
            pending = [{ id: 'part', producerId: step.producer, amountCents: owed }];
            next = refunded + owed;
          }
          const result = allocateRefund({ refundedBefore: refunded, refundedNow: next, lines, pending });
          const amounts = result.lines.map((entry) => entry.refundedCents);
          expect(amounts.reduce((sum, cents) => sum + cents, 0)).toBe(Math.min(next, total));
          amounts.forEach((cents, index) => {
            expect(cents).toBeLessThanOrEqual(lines[index]!.amountCents);
            expect(cents).toBeGreaterThanOrEqual(previous[index]!);
          });
          lines = lines.map((entry, index) => ({ ...entry, refundedCents: result.lines[index]!.refundedCents, inFull: result.lines[index]!.inFull }));
          previous = amounts;
          refunded = Math.min(next, total);
        }
      }),
      { numRuns: Number(process.env.REFUND_RUNS ?? 200) },
    );
  });
});
