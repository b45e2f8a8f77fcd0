import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AlgorithmicReverb, defaultReverbParameters } from './algorithmic-reverb.ts';

const anyNumber = fc.oneof(fc.double(), fc.double({ min: 0, max: 1, noNaN: true }));

/** Impulse response of the wet signal (left channel), `seconds` long. */
function impulseResponse(reverb: AlgorithmicReverb, sampleRate: number, seconds: number): Float32Array {
  const left = new Float32Array(Math.round(seconds * sampleRate));
  const right = new Float32Array(left.length);
  left[0] = 1;
  right[0] = 1;
  for (let start = 0; start < left.length; start += 128) reverb.process(left.subarray(start), right.subarray(start), Math.min(128, left.length - start));
  return left;
}

/** RT60 from Schroeder backward integration, extrapolated from the -5 … -25 dB slope (T20). */
function measuredRt60(response: Float32Array, sampleRate: number): number {
  const decay = new Float64Array(response.length);
  let sum = 0;
  for (let n = response.length - 1; n >= 0; n--) {
    sum += response[n]! ** 2;
    decay[n] = sum;
  }
  const total = decay[0]!;
  const timeAt = (db: number) => decay.findIndex((value) => 10 * Math.log10(value / total) <= db) / sampleRate;
  return ((timeAt(-25) - timeAt(-5)) * 60) / 20;
}

describe('AlgorithmicReverb', () => {
  it('decays at the RT60 it is set to (±15 %) with no damping', () => {
    for (const decaySeconds of [0.5, 1.5, 3]) {
      const sampleRate = 16000;
      const reverb = new AlgorithmicReverb(sampleRate, { preDelaySeconds: 0, decaySeconds, damping: 0, size: 1, mix: 1 });
      const rt60 = measuredRt60(impulseResponse(reverb, sampleRate, decaySeconds * 1.5), sampleRate);
      expect(Math.abs(rt60 / decaySeconds - 1)).toBeLessThan(0.15);
    }
  });

  it('starts the tail after the pre-delay', () => {
    const sampleRate = 16000;
    const reverb = new AlgorithmicReverb(sampleRate, { ...defaultReverbParameters, preDelaySeconds: 0.1, mix: 1 });
    const response = impulseResponse(reverb, sampleRate, 0.5);
    const firstSound = response.findIndex((value) => Math.abs(value) > 1e-6);
    expect(firstSound).toBeGreaterThanOrEqual(0.1 * sampleRate);
  });

  it('sends a mono impulse to both sides differently (stereo width)', () => {
    const sampleRate = 16000;
    const reverb = new AlgorithmicReverb(sampleRate, { ...defaultReverbParameters, mix: 1 });
    const left = new Float32Array(8000);
    const right = new Float32Array(8000);
    left[0] = right[0] = 1;
    reverb.process(left, right);
    let correlation = 0;
    let leftPower = 0;
    let rightPower = 0;
    for (let n = 0; n < 8000; n++) {
      correlation += left[n]! * right[n]!;
      leftPower += left[n]! ** 2;
      rightPower += right[n]! ** 2;
    }
    expect(Math.abs(correlation) / Math.sqrt(leftPower * rightPower)).toBeLessThan(0.5);
  });

  it('stays finite and dies away for any parameter values', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber.map((value) => value * 30), anyNumber, anyNumber, anyNumber, (preDelaySeconds, decaySeconds, damping, size, mix) => {
        const sampleRate = 8000;
        const parameters = { preDelaySeconds, decaySeconds, damping, size, mix };
        const reverb = new AlgorithmicReverb(sampleRate, parameters);
        reverb.setParameters({ ...parameters, mix: 1 });
        // Loud noise burst, then silence for the longest RT60 (30 s) plus pre-delay.
        const burst = 800;
        const length = burst + 31 * sampleRate;
        const left = new Float32Array(length);
        const right = new Float32Array(length);
        let seed = 99;
        for (let n = 0; n < burst; n++) {
          seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
          left[n] = 4 * (seed / 2 ** 31 - 1);
          right[n] = -0.5 * left[n]!;
        }
        for (let start = 0; start < length; start += 256) reverb.process(left.subarray(start), right.subarray(start), Math.min(256, length - start));
        expect(left.every(Number.isFinite) && right.every(Number.isFinite)).toBe(true);
        let early = 1e-30;
        for (let n = burst; n < burst + sampleRate; n++) early += left[n]! ** 2 + right[n]! ** 2;
        let late = 0;
        for (let n = length - sampleRate / 2; n < length; n++) late += left[n]! ** 2 + right[n]! ** 2;
        // After at least one full RT60 the tail is ≥ 60 dB down; allow a generous margin.
        expect(late).toBeLessThan(early * 1e-4);
      }),
      { numRuns: 25, endOnFailure: true },
    );
  });
});
