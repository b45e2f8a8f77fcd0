import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Fader, faderGain, faderRampSeconds } from './fader.ts';

describe('Fader', () => {
  it('applies its dB setting exactly once settled', () => {
    const fader = new Fader(48000, -6);
    const block = new Float32Array(128).fill(1);
    fader.process([block], 128);
    expect(block[127]).toBeCloseTo(Math.pow(10, -6 / 20), 6);
  });

  it('closes completely at and below -96 dB', () => {
    expect(faderGain(-96)).toBe(0);
    expect(faderGain(-Infinity)).toBe(0);
    expect(faderGain(Number.NaN)).toBe(0);
  });

  it('moves without steps larger than one ramp increment (no zipper noise)', () => {
    fc.assert(
      fc.property(fc.double({ min: -60, max: 12, noNaN: true }), fc.double({ min: -60, max: 12, noNaN: true }), (fromDb, toDb) => {
        const sampleRate = 48000;
        const fader = new Fader(sampleRate, fromDb);
        fader.setGainDb(toDb);
        // A DC input shows the gain trajectory directly.
        const left = new Float32Array(2048).fill(1);
        const right = new Float32Array(2048).fill(1);
        for (let start = 0; start < 2048; start += 128) {
          fader.process([left.subarray(start), right.subarray(start)], 128);
        }
        const rampSamples = Math.round(sampleRate * faderRampSeconds);
        const largestStep = Math.abs(faderGain(toDb) - faderGain(fromDb)) / rampSamples;
        for (let n = 1; n < 2048; n++) {
          expect(Math.abs(left[n]! - left[n - 1]!)).toBeLessThanOrEqual(largestStep * 1.001 + 1e-6);
          expect(right[n]).toBe(left[n]);
        }
        expect(left[2047]).toBeCloseTo(faderGain(toDb), 5);
      }),
      { numRuns: 50 },
    );
  });
});
