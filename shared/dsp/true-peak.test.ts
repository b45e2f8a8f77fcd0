import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { measureTruePeak, truePeakInterpolationBound } from './true-peak.ts';

/** A sine with 10 ms raised-cosine fades, so onset and end add no overshoot of their own. */
function sine(frequency: number, sampleRate: number, amplitude: number, phase: number, length: number): Float32Array {
  const fade = Math.round(sampleRate / 100);
  return Float32Array.from({ length }, (_, n) => {
    const edge = Math.min(n, length - 1 - n);
    const envelope = edge < fade ? 0.5 - 0.5 * Math.cos((Math.PI * edge) / fade) : 1;
    return envelope * amplitude * Math.sin((2 * Math.PI * frequency * n) / sampleRate + phase);
  });
}

describe('measureTruePeak (4× oversampling)', () => {
  it('is never below the sample peak', () => {
    fc.assert(
      fc.property(fc.float32Array({ minLength: 1, maxLength: 64, noDefaultInfinity: true, noNaN: true, min: -4, max: 4 }), (samples) => {
        const samplePeak = samples.reduce((peak, value) => Math.max(peak, Math.abs(value)), 0);
        expect(measureTruePeak([samples])).toBeGreaterThanOrEqual(samplePeak);
      }),
    );
  });

  it('is never above the sample peak times truePeakInterpolationBound (what lets the limiter skip quiet blocks)', () => {
    fc.assert(
      fc.property(fc.float32Array({ minLength: 1, maxLength: 64, noDefaultInfinity: true, noNaN: true, min: -4, max: 4 }), (samples) => {
        const samplePeak = samples.reduce((peak, value) => Math.max(peak, Math.abs(value)), 0);
        expect(measureTruePeak([samples])).toBeLessThanOrEqual(samplePeak * truePeakInterpolationBound);
      }),
    );
  });

  it('can reach that bound, about +6 dB: a rule of thumb of +3 dB would not be safe', () => {
    // Full-scale samples carrying the signs of the half-sample kernel's taps around one point.
    const worst = Float32Array.from({ length: 64 }, (_, n) => (Math.sin(Math.PI * (n - 31.5)) / (n - 31.5) >= 0 ? 1 : -1));
    expect(measureTruePeak([worst])).toBeGreaterThan(0.999 * truePeakInterpolationBound);
    expect(20 * Math.log10(truePeakInterpolationBound)).toBeCloseTo(6.08, 1);
  });

  it('finds the peak of sines between samples within +0.2/-0.4 dB up to 16 kHz at 48 kHz', () => {
    let worst = 0;
    for (let frequency = 500; frequency <= 16000; frequency += 500) {
      for (const phase of [0, 0.3, 0.7, 1.1, 1.5]) {
        const readingDb = 20 * Math.log10(measureTruePeak([sine(frequency, 48000, 1, phase, 4800)]));
        expect(readingDb).toBeLessThanOrEqual(0.2);
        expect(readingDb).toBeGreaterThanOrEqual(-0.4);
        worst = Math.max(worst, Math.abs(readingDb));
      }
    }
    expect(worst).toBeLessThan(0.4);
  });
});
