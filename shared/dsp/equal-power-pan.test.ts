import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MonoPanner, equalPowerPanGains } from './equal-power-pan.ts';

describe('equal-power pan', () => {
  it('keeps left² + right² = 1 at every position', () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2 }), (pan) => {
        const { left, right } = equalPowerPanGains(pan);
        expect(left * left + right * right).toBeCloseTo(1, 12);
        expect(left).toBeGreaterThanOrEqual(0);
        expect(right).toBeGreaterThanOrEqual(-1e-16);
      }),
    );
  });

  it('puts centre 3 dB down in each side and the extremes hard over', () => {
    const centre = equalPowerPanGains(0);
    expect(20 * Math.log10(centre.left)).toBeCloseTo(-3.0103, 3);
    expect(centre.right).toBeCloseTo(centre.left, 12);
    expect(equalPowerPanGains(-1).left).toBeCloseTo(1, 12);
    expect(equalPowerPanGains(-1).right).toBeCloseTo(0, 12);
    expect(equalPowerPanGains(1).right).toBeCloseTo(1, 12);
  });

  it('keeps the law during a pan move', () => {
    const panner = new MonoPanner(48000, -1);
    panner.setPan(1);
    const input = new Float32Array(2000).fill(1);
    const left = new Float32Array(2000);
    const right = new Float32Array(2000);
    panner.process(input, left, right);
    for (let n = 0; n < 2000; n++) expect(left[n]! ** 2 + right[n]! ** 2).toBeCloseTo(1, 5);
    expect(right[1999]).toBeCloseTo(1, 6);
  });
});
