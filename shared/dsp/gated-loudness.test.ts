import { describe, expect, it } from 'vitest';
import { integratedLoudness, loudnessRange } from './gated-loudness.ts';
import { loudnessToPower } from './loudness-series.ts';

const blocks = (...levels: number[]) => Float64Array.from(levels, loudnessToPower);

describe('integratedLoudness (BS.1770-4 gating)', () => {
  it('averages in the power domain', () => {
    const expected = 10 * Math.log10((3 * loudnessToPower(-20) + loudnessToPower(-26)) / 4) - 0.691;
    expect(integratedLoudness(blocks(-20, -20, -20, -26))).toBeCloseTo(expected, 9);
    expect(expected).toBeCloseTo(-20.9, 2);
  });

  it('drops blocks below -70 LUFS and more than 10 LU under the ungated level', () => {
    expect(integratedLoudness(blocks(-23, -23, -80, -80, -80))).toBeCloseTo(-23, 9);
    expect(integratedLoudness(blocks(-23, -23, -23, -40))).toBeCloseTo(-23, 9);
  });

  it('is -Infinity when nothing passes', () => {
    expect(integratedLoudness(blocks(-75, -90))).toBe(-Infinity);
    expect(integratedLoudness(new Float64Array())).toBe(-Infinity);
  });
});

describe('loudnessRange (EBU Tech 3342)', () => {
  it('spans the 10th to the 95th percentile', () => {
    const values = Array.from({ length: 101 }, (_, index) => -40 + index * 0.2); // -40 … -20 LUFS
    expect(loudnessRange(blocks(...values))).toBeCloseTo(0.85 * 20, 6);
  });

  it('ignores values more than 20 LU under the mean', () => {
    expect(loudnessRange(blocks(-20, -20, -20, -60))).toBe(0);
  });
});
