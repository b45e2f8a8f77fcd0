import { describe, expect, it } from 'vitest';
import { biquadMagnitude } from './biquad-coefficients.ts';
import { kWeightingCoefficients, kWeightingHighPass48k, kWeightingShelf48k } from './k-weighting.ts';

function responseDb(sampleRate: number, frequency: number): number {
  const [shelf, highPass] = kWeightingCoefficients(sampleRate);
  return 20 * Math.log10(biquadMagnitude(shelf, frequency, sampleRate) * biquadMagnitude(highPass, frequency, sampleRate));
}

describe('K-weighting', () => {
  it('reproduces the BS.1770-4 48 kHz table exactly at 48 kHz', () => {
    const [shelf, highPass] = kWeightingCoefficients(48000);
    for (const key of ['b0', 'b1', 'b2', 'a1', 'a2'] as const) {
      expect(shelf[key]).toBeCloseTo(kWeightingShelf48k[key], 12);
      expect(highPass[key]).toBeCloseTo(kWeightingHighPass48k[key], 12);
    }
  });

  it('has the curve the standard describes: ~+0.7 dB at 1 kHz, +4 dB shelf, high-pass below 100 Hz', () => {
    expect(responseDb(48000, 997)).toBeCloseTo(0.691, 1);
    expect(responseDb(48000, 10000)).toBeGreaterThan(3.9);
    expect(responseDb(48000, 10000)).toBeLessThan(4.1);
    expect(responseDb(48000, 20)).toBeLessThan(-10);
  });

  it('gives the same response at 44.1 kHz as at 48 kHz within 0.05 dB up to 10 kHz', () => {
    for (let frequency = 20; frequency <= 10000; frequency *= 1.1) {
      expect(Math.abs(responseDb(44100, frequency) - responseDb(48000, frequency))).toBeLessThan(0.05);
    }
  });
});
