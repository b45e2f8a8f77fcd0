import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Compressor, defaultCompressorParameters, fastAmplitudeToDb, fastDbToGain } from './compressor.ts';

/**
 * The static curve as the threshold/ratio/knee definitions state it, written
 * independently of the implementation: unity below the knee, 1:ratio above it,
 * and inside the knee the quadratic that meets both lines tangentially.
 */
function expectedOutputDb(inputDb: number, thresholdDb: number, ratio: number, kneeDb: number): number {
  const kneeStart = thresholdDb - kneeDb / 2;
  const kneeEnd = thresholdDb + kneeDb / 2;
  if (inputDb <= kneeStart) return inputDb;
  if (inputDb >= kneeEnd) return thresholdDb + (inputDb - thresholdDb) / ratio;
  // Tangent to y = x at kneeStart and to y = T + (x - T)/R at kneeEnd.
  const t = inputDb - kneeStart;
  return inputDb + ((1 / ratio - 1) * t * t) / (2 * kneeDb);
}

/** Settled output level of a constant-magnitude square wave at `inputDb`. */
function measureSteadyOutputDb(compressor: Compressor, inputDb: number): number {
  const amplitude = Math.pow(10, inputDb / 20);
  const block = new Float32Array(128);
  let last = 0;
  // 0.5 s at 48 kHz: many time constants of the slowest setting used here.
  for (let blockIndex = 0; blockIndex < 190; blockIndex++) {
    for (let n = 0; n < 128; n++) block[n] = n % 2 === 0 ? amplitude : -amplitude;
    compressor.process([block], 128);
    last = Math.abs(block[127]!);
  }
  return 20 * Math.log10(last);
}

describe('Compressor', () => {
  it('follows the threshold/ratio/knee static curve within 0.1 dB', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -40, max: -6, noNaN: true }),
        fc.double({ min: 1, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 12, noNaN: true }),
        fc.double({ min: -60, max: 0, noNaN: true }),
        fc.double({ min: 0, max: 12, noNaN: true }),
        (thresholdDb, ratio, kneeDb, inputDb, makeupGainDb) => {
          const compressor = new Compressor(48000, { thresholdDb, ratio, kneeDb, attackMs: 5, releaseMs: 50, makeupGainDb });
          const measured = measureSteadyOutputDb(compressor, inputDb);
          const expected = expectedOutputDb(inputDb, thresholdDb, ratio, kneeDb) + makeupGainDb;
          expect(Math.abs(measured - expected)).toBeLessThan(0.1);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('hits the textbook points of a hard-knee 4:1 at -20 dB', () => {
    for (const [inputDb, outputDb] of [
      [-30, -30],
      [-20, -20],
      [-10, -17.5],
      [0, -15],
    ] as const) {
      const compressor = new Compressor(48000, { ...defaultCompressorParameters, thresholdDb: -20, ratio: 4, kneeDb: 0 });
      expect(measureSteadyOutputDb(compressor, inputDb)).toBeCloseTo(outputDb, 2);
    }
  });

  it('reaches 1 - 1/e of a gain step after the attack time', () => {
    const sampleRate = 48000;
    const compressor = new Compressor(sampleRate, { thresholdDb: -20, ratio: 1e9, kneeDb: 0, attackMs: 10, releaseMs: 100, makeupGainDb: 0 });
    const signal = new Float32Array(sampleRate / 10).fill(1); // 0 dB DC: target reduction -20 dB
    compressor.process([signal], signal.length);
    const afterAttack = 20 * Math.log10(signal[Math.round(0.01 * sampleRate) - 1]!);
    expect(afterAttack).toBeCloseTo(-20 * (1 - Math.exp(-1)), 1);
  });

  it('ducks the input from a sidechain', () => {
    const compressor = new Compressor(48000, { thresholdDb: -30, ratio: 10, kneeDb: 0, attackMs: 1, releaseMs: 50, makeupGainDb: 0 });
    const input = new Float32Array(48000).fill(0.01);
    const sidechain = new Float32Array(48000).fill(Math.pow(10, -10 / 20));
    compressor.process([input], input.length, [sidechain]);
    // Sidechain at -10 dB is 20 dB over; 10:1 leaves 2 dB, so 18 dB of reduction.
    expect(20 * Math.log10(input[47999]! / 0.01)).toBeCloseTo(-18, 2);
  });

  it('converts levels with its fast log and exp to within 1e-6 dB', () => {
    fc.assert(
      fc.property(fc.float({ min: Math.fround(1e-7), max: Math.fround(1e4), noNaN: true }), fc.double({ min: -300, max: 100, noNaN: true }), (magnitude, db) => {
        expect(Math.abs(fastAmplitudeToDb(magnitude) - 20 * Math.log10(magnitude))).toBeLessThan(1e-6);
        expect(Math.abs(20 * Math.log10(fastDbToGain(db)) - db)).toBeLessThan(1e-6);
      }),
      { numRuns: 2000 },
    );
    expect(fastDbToGain(0)).toBe(1);
  });

  it('settles after a release: a quiet stereo passage then comes out unchanged, or scaled by the makeup alone', () => {
    for (const makeupGainDb of [0, 4]) {
      const compressor = new Compressor(48000, { thresholdDb: -20, ratio: 4, kneeDb: 6, attackMs: 5, releaseMs: 50, makeupGainDb });
      const left = Float32Array.from({ length: 48000 * 3 }, (_, n) => (n < 4800 ? 0.9 : 0.01) * Math.sin(n * 0.05));
      const right = left.map((value) => -0.5 * value);
      const [originalLeft, originalRight] = [left.slice(), right.slice()];
      for (let start = 0; start < left.length; start += 128) compressor.process([left.subarray(start), right.subarray(start)], Math.min(128, left.length - start));
      expect(compressor.gainReductionDb).toBe(0);
      const makeup = fastDbToGain(makeupGainDb);
      for (let n = 48000 * 2; n < left.length; n++) {
        expect(left[n]).toBe(Math.fround(originalLeft[n]! * makeup));
        expect(right[n]).toBe(Math.fround(originalRight[n]! * makeup));
      }
    }
  });

  it('stays finite for nonsense settings', () => {
    const compressor = new Compressor(48000, { thresholdDb: Number.NaN, ratio: 0, kneeDb: -5, attackMs: 0, releaseMs: -1, makeupGainDb: Infinity });
    const block = Float32Array.from({ length: 256 }, (_, n) => Math.sin(n));
    compressor.process([block], 256);
    for (const value of block) expect(Number.isFinite(value)).toBe(true);
  });
});
