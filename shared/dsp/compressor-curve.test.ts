import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compressorGainDb } from './compressor-curve.ts';

describe('compressorGainDb', () => {
  it('is continuous with a continuous slope across the knee edges', () => {
    fc.assert(
      fc.property(fc.double({ min: -60, max: 0, noNaN: true }), fc.double({ min: 1, max: 40, noNaN: true }), fc.double({ min: 0.5, max: 24, noNaN: true }), (threshold, ratio, knee) => {
        for (const edge of [threshold - knee / 2, threshold + knee / 2]) {
          const h = 1e-6;
          expect(compressorGainDb(edge - h, threshold, ratio, knee)).toBeCloseTo(compressorGainDb(edge + h, threshold, ratio, knee), 5);
          const slopeBelow = (compressorGainDb(edge - h, threshold, ratio, knee) - compressorGainDb(edge - 2 * h, threshold, ratio, knee)) / h;
          const slopeAbove = (compressorGainDb(edge + 2 * h, threshold, ratio, knee) - compressorGainDb(edge + h, threshold, ratio, knee)) / h;
          expect(Math.abs(slopeBelow - slopeAbove)).toBeLessThan(1e-3);
        }
      }),
    );
  });

  it('never adds gain and is monotonic in the output level', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 20, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), (input, step) => {
        const gain = compressorGainDb(input, -20, 4, 6);
        expect(gain).toBeLessThanOrEqual(0);
        expect(input + step + compressorGainDb(input + step, -20, 4, 6)).toBeGreaterThanOrEqual(input + gain - 1e-9);
      }),
    );
  });
});
