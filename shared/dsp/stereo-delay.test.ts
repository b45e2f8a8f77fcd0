import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { StereoDelay, defaultStereoDelayParameters } from './stereo-delay.ts';
import { NoteDivision, noteDurationSeconds } from './tempo-sync.ts';

/** Any number at all, including NaN and ±Infinity, to show the delay sanitises its settings. */
const anyNumber = fc.oneof(fc.double(), fc.double({ min: 0, max: 2, noNaN: true }));

function energy(samples: Float32Array, start: number, end: number): number {
  let sum = 0;
  for (let n = start; n < end; n++) sum += samples[n]! ** 2;
  return sum;
}

describe('StereoDelay', () => {
  it('echoes an impulse after a tempo-synced time', () => {
    const sampleRate = 48000;
    const timeSeconds = noteDurationSeconds(120, NoteDivision.eighth); // 0.25 s
    const delay = new StereoDelay(sampleRate, 2, { timeSeconds, feedback: 0.5, lowCutHz: 1, highCutHz: 24000, pingPong: false, mix: 1 });
    const left = new Float32Array(sampleRate);
    const right = new Float32Array(sampleRate);
    left[0] = 1;
    delay.process(left, right);
    const first = Math.round(timeSeconds * sampleRate);
    let peakIndex = 0;
    for (let n = 1; n < first * 1.5; n++) if (Math.abs(left[n]!) > Math.abs(left[peakIndex]!)) peakIndex = n;
    expect(Math.abs(peakIndex - first)).toBeLessThanOrEqual(2);
  });

  it('alternates echoes between sides in ping-pong mode', () => {
    const sampleRate = 8000;
    const delay = new StereoDelay(sampleRate, 1, { ...defaultStereoDelayParameters, timeSeconds: 0.1, feedback: 0.8, pingPong: true, mix: 1, lowCutHz: 1, highCutHz: 4000 });
    const left = new Float32Array(sampleRate);
    const right = new Float32Array(sampleRate);
    left[0] = 1;
    right[0] = 1;
    delay.process(left, right);
    const window = (n: number): [number, number] => [energy(left, n * 800 - 100, n * 800 + 100), energy(right, n * 800 - 100, n * 800 + 100)];
    const [firstLeft, firstRight] = window(1);
    const [secondLeft, secondRight] = window(2);
    expect(firstLeft).toBeGreaterThan(100 * firstRight);
    expect(secondRight).toBeGreaterThan(100 * secondLeft);
  });

  it('stays finite and dies away for any parameter values', () => {
    fc.assert(
      fc.property(
        anyNumber,
        anyNumber,
        anyNumber.map((value) => value * 10000),
        anyNumber.map((value) => value * 10000),
        fc.boolean(),
        anyNumber,
        (timeSeconds, feedback, lowCutHz, highCutHz, pingPong, mix) => {
          const sampleRate = 8000;
          const maxDelaySeconds = 1;
          const delay = new StereoDelay(sampleRate, maxDelaySeconds, { timeSeconds, feedback, lowCutHz, highCutHz, pingPong, mix: Number.isFinite(mix) ? mix : 1 });
          // A full-scale noise burst, then enough silence for 0.95^n to fall below -40 dB at the longest time.
          const burst = 400;
          const length = burst + 95 * maxDelaySeconds * sampleRate;
          const left = new Float32Array(length);
          const right = new Float32Array(length);
          let seed = 12345;
          for (let n = 0; n < burst; n++) {
            seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
            left[n] = seed / 2 ** 31 - 1;
            right[n] = -left[n]!;
          }
          delay.setParameters({ timeSeconds, feedback, lowCutHz, highCutHz, pingPong, mix: 1 });
          for (let start = 0; start < length; start += 128) delay.process(left.subarray(start), right.subarray(start), Math.min(128, length - start));
          expect(left.every(Number.isFinite) && right.every(Number.isFinite)).toBe(true);
          const second = sampleRate;
          const early = energy(left, burst, burst + 2 * second) + energy(right, burst, burst + 2 * second) + 1e-30;
          const late = energy(left, length - second, length) + energy(right, length - second, length);
          expect(late).toBeLessThan(early * 1e-4);
        },
      ),
      { numRuns: 40, endOnFailure: true },
    );
  });

  it('crossfades to a new time without a jump larger than the signal', () => {
    const sampleRate = 8000;
    const delay = new StereoDelay(sampleRate, 1, { ...defaultStereoDelayParameters, timeSeconds: 0.1, mix: 1, feedback: 0 });
    const left = Float32Array.from({ length: 4000 }, (_, n) => Math.sin(n * 0.05));
    const right = left.slice();
    delay.process(left.subarray(0, 2000), right.subarray(0, 2000), 2000);
    delay.setParameters({ ...defaultStereoDelayParameters, timeSeconds: 0.3, mix: 1, feedback: 0 });
    delay.process(left.subarray(2000), right.subarray(2000), 2000);
    for (let n = 1000; n < 4000; n++) expect(Math.abs(left[n]! - left[n - 1]!)).toBeLessThan(0.1);
  });
});
