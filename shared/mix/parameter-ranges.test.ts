import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clampToRange, parameterRanges } from './parameter-ranges.ts';

describe('parameterRanges', () => {
  it('has min < max and a default inside every range', () => {
    for (const [name, range] of Object.entries(parameterRanges)) {
      expect(range.min, name).toBeLessThan(range.max);
      expect(range.default, name).toBeGreaterThanOrEqual(range.min);
      expect(range.default, name).toBeLessThanOrEqual(range.max);
      if (range.scale === 'log') expect(range.min, name).toBeGreaterThan(0);
    }
  });

  it('keeps the safety limits the DSP kernels rely on', () => {
    expect(parameterRanges.limiterCeilingDb.max).toBeLessThanOrEqual(0);
    expect(parameterRanges.delayFeedback.max).toBeLessThan(1);
    expect(parameterRanges.faderDb.min).toBe(-96);
  });

  it('clamps anything into range, defaulting non-numbers', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(parameterRanges)), fc.anything(), (range, value) => {
        const clamped = clampToRange(value, range);
        expect(clamped).toBeGreaterThanOrEqual(range.min);
        expect(clamped).toBeLessThanOrEqual(range.max);
        if (typeof value !== 'number' || Number.isNaN(value)) expect(clamped).toBe(range.default);
      }),
    );
  });
});
