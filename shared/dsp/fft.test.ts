import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Fft } from './fft.ts';

describe('Fft', () => {
  it('inverse restores the input', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }).chain((bits) =>
          fc.tuple(
            fc.float64Array({ minLength: 2 ** bits, maxLength: 2 ** bits, min: -10, max: 10, noNaN: true, noDefaultInfinity: true }),
            fc.float64Array({ minLength: 2 ** bits, maxLength: 2 ** bits, min: -10, max: 10, noNaN: true, noDefaultInfinity: true }),
          ),
        ),
        ([re, im]) => {
          const fft = new Fft(re.length);
          const workRe = re.slice();
          const workIm = im.slice();
          fft.forward(workRe, workIm);
          fft.inverse(workRe, workIm);
          for (let n = 0; n < re.length; n++) {
            expect(workRe[n]).toBeCloseTo(re[n]!, 9);
            expect(workIm[n]).toBeCloseTo(im[n]!, 9);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('turns an impulse into a flat spectrum (and a delayed one into a pure phase ramp)', () => {
    for (const delay of [0, 3]) {
      const fft = new Fft(256);
      const re = new Float64Array(256);
      const im = new Float64Array(256);
      re[delay] = 1;
      fft.forward(re, im);
      for (let k = 0; k < 256; k++) {
        expect(Math.hypot(re[k]!, im[k]!)).toBeCloseTo(1, 12);
        expect(re[k]).toBeCloseTo(Math.cos((2 * Math.PI * k * delay) / 256), 9);
        expect(im[k]).toBeCloseTo(-Math.sin((2 * Math.PI * k * delay) / 256), 9);
      }
    }
  });

  it('puts a bin-centred sine into its bin and its mirror only', () => {
    const fft = new Fft(1024);
    const re = Float64Array.from({ length: 1024 }, (_, n) => Math.sin((2 * Math.PI * 37 * n) / 1024));
    const im = new Float64Array(1024);
    fft.forward(re, im);
    for (let k = 0; k < 1024; k++) {
      const magnitude = Math.hypot(re[k]!, im[k]!);
      if (k === 37 || k === 1024 - 37) expect(magnitude).toBeCloseTo(512, 9);
      else expect(magnitude).toBeLessThan(1e-9);
    }
  });

  it('keeps energy (Parseval)', () => {
    const fft = new Fft(512);
    const re = Float64Array.from({ length: 512 }, (_, n) => Math.sin(n * n * 0.001) + 0.1 * Math.cos(n));
    const im = new Float64Array(512);
    const timeEnergy = re.reduce((sum, value) => sum + value * value, 0);
    fft.forward(re, im);
    let frequencyEnergy = 0;
    for (let k = 0; k < 512; k++) frequencyEnergy += re[k]! ** 2 + im[k]! ** 2;
    expect(frequencyEnergy / 512).toBeCloseTo(timeEnergy, 9);
  });

  it('rejects sizes that are not powers of two', () => {
    expect(() => new Fft(1000)).toThrow(RangeError);
  });
});
