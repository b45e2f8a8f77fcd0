import { describe, expect, it } from 'vitest';
import { BiquadType, designBiquad, biquadMagnitude, type BiquadDesign } from './biquad-coefficients.ts';
import { BiquadFilter } from './biquad.ts';

/**
 * The cookbook's analog prototypes H(s), evaluated on the imaginary axis at the
 * pre-warped frequency Ω = tan(πf/fs) / tan(πf0/fs). Because the cookbook
 * filters are bilinear transforms pre-warped at f0, this is their exact
 * closed-form magnitude; it shares no code with the implementation.
 */
function closedFormMagnitude(design: BiquadDesign, frequency: number, sampleRate: number): number {
  const omega = Math.tan((Math.PI * frequency) / sampleRate) / Math.tan((Math.PI * design.frequency) / sampleRate);
  const omega2 = omega * omega;
  const q = design.q;
  const a = Math.pow(10, design.gainDb / 40);
  const modulus = (re: number, im: number) => Math.hypot(re, im);
  switch (design.type) {
    case BiquadType.lowPass:
      return 1 / modulus(1 - omega2, omega / q);
    case BiquadType.highPass:
      return omega2 / modulus(1 - omega2, omega / q);
    case BiquadType.peaking:
      return modulus(1 - omega2, (omega * a) / q) / modulus(1 - omega2, omega / (a * q));
    case BiquadType.lowShelf:
      return (a * modulus(a - omega2, (Math.sqrt(a) * omega) / q)) / modulus(1 - a * omega2, (Math.sqrt(a) * omega) / q);
    case BiquadType.highShelf:
      return (a * modulus(1 - a * omega2, (Math.sqrt(a) * omega) / q)) / modulus(a - omega2, (Math.sqrt(a) * omega) / q);
  }
}

/** |DTFT| of a (decayed) impulse response at `frequency`, by phasor rotation. */
function measuredMagnitude(impulseResponse: Float32Array, frequency: number, sampleRate: number): number {
  const w = (2 * Math.PI * frequency) / sampleRate;
  const stepRe = Math.cos(w);
  const stepIm = -Math.sin(w);
  let phasorRe = 1;
  let phasorIm = 0;
  let sumRe = 0;
  let sumIm = 0;
  for (let n = 0; n < impulseResponse.length; n++) {
    const h = impulseResponse[n]!;
    sumRe += h * phasorRe;
    sumIm += h * phasorIm;
    const nextRe = phasorRe * stepRe - phasorIm * stepIm;
    phasorIm = phasorRe * stepIm + phasorIm * stepRe;
    phasorRe = nextRe;
  }
  return Math.hypot(sumRe, sumIm);
}

const logSpacedFrequencies = Array.from({ length: 100 }, (_, index) => 20 * Math.pow(1000, index / 99));

/** Every shape × 3 frequencies × 3 Qs × 2 gains: 90 designs per sample rate. */
const designs: BiquadDesign[] = Object.values(BiquadType).flatMap((type) =>
  [60, 1000, 8000].flatMap((frequency) =>
    [0.5, Math.SQRT1_2, 2].flatMap((q) => [-12, 6].map((gainDb) => ({ type, frequency, q, gainDb }))),
  ),
);

/**
 * Below this level a 0.01 dB comparison measures the float32 rounding of the
 * output samples (a noise floor near -145 dB once summed over the response),
 * not the filter: a 60 Hz low-pass is -128 dB at 20 kHz, an 8 kHz high-pass
 * -105 dB at 20 Hz. Points under the floor are skipped, not loosened.
 */
const measurableFloorDb = -80;

/** Largest pole radius of z² + a1·z + a2. */
function poleRadius(a1: number, a2: number): number {
  const discriminant = a1 * a1 - 4 * a2;
  if (discriminant < 0) return Math.sqrt(a2);
  return Math.max(Math.abs((-a1 + Math.sqrt(discriminant)) / 2), Math.abs((-a1 - Math.sqrt(discriminant)) / 2));
}

/** Impulse response long enough for the slowest pole to decay below 1e-12. */
function impulseResponseOf(design: BiquadDesign, sampleRate: number): Float32Array {
  const coefficients = designBiquad(design, sampleRate);
  const radius = poleRadius(coefficients.a1, coefficients.a2);
  const length = Math.min(65536, Math.ceil(Math.log(1e-12) / Math.log(radius)) + 64);
  const filter = new BiquadFilter(coefficients);
  const impulseResponse = new Float32Array(length);
  impulseResponse[0] = 1;
  // Two blocks, to exercise state carried across block boundaries.
  filter.process(impulseResponse.subarray(0, 128), impulseResponse.subarray(0, 128));
  filter.process(impulseResponse.subarray(128), impulseResponse.subarray(128));
  return impulseResponse;
}

describe('BiquadFilter with cookbook coefficients', () => {
  for (const sampleRate of [44100, 48000]) {
    for (const type of Object.values(BiquadType)) {
      it(`${type} at ${sampleRate} Hz matches the closed form within 0.01 dB at 100 frequencies (18 designs)`, () => {
        let worst = 0;
        for (const design of designs.filter((candidate) => candidate.type === type)) {
          const impulseResponse = impulseResponseOf(design, sampleRate);
          for (const frequency of logSpacedFrequencies) {
            const expectedDb = 20 * Math.log10(closedFormMagnitude(design, frequency, sampleRate));
            if (expectedDb < measurableFloorDb) continue;
            const measuredDb = 20 * Math.log10(measuredMagnitude(impulseResponse, frequency, sampleRate));
            worst = Math.max(worst, Math.abs(measuredDb - expectedDb));
          }
        }
        expect(worst).toBeLessThan(0.01);
      });
    }
  }

  it('biquadMagnitude agrees with the closed form (for drawing curves)', () => {
    for (const design of designs) {
      const coefficients = designBiquad(design, 48000);
      for (const frequency of logSpacedFrequencies) {
        const expectedDb = 20 * Math.log10(closedFormMagnitude(design, frequency, 48000));
        expect(20 * Math.log10(biquadMagnitude(coefficients, frequency, 48000))).toBeCloseTo(expectedDb, 6);
      }
    }
  });

  it('stays finite for out-of-range parameters', () => {
    for (const design of [
      { type: BiquadType.peaking, frequency: 96000, q: 0, gainDb: 24 },
      { type: BiquadType.lowShelf, frequency: Number.NaN, q: Number.NaN, gainDb: Number.NaN },
      { type: BiquadType.highPass, frequency: -5, q: Infinity, gainDb: -Infinity },
    ]) {
      for (const value of Object.values(designBiquad(design, 48000))) expect(Number.isFinite(value)).toBe(true);
    }
  });

  it('processes in place, a block at a time, like processing at once', () => {
    const design = { type: BiquadType.peaking, frequency: 500, q: 1, gainDb: 6 } as const;
    const input = Float32Array.from({ length: 1000 }, (_, n) => Math.sin(n * 0.3) * 0.5);
    const whole = new Float32Array(1000);
    new BiquadFilter(designBiquad(design, 48000)).process(input, whole);
    const inPlace = input.slice();
    const filter = new BiquadFilter(designBiquad(design, 48000));
    for (let start = 0; start < 1000; start += 128) {
      const block = inPlace.subarray(start, Math.min(start + 128, 1000));
      filter.process(block, block);
    }
    expect(Array.from(inPlace)).toEqual(Array.from(whole));
  });
});

describe('BiquadFilter.processCascade', () => {
  it('matches three process calls bit for bit, across blocks', () => {
    const sections = [
      designBiquad({ type: BiquadType.lowShelf, frequency: 120, q: Math.SQRT1_2, gainDb: 4 }, 48000),
      designBiquad({ type: BiquadType.peaking, frequency: 1500, q: 2, gainDb: -6 }, 48000),
      designBiquad({ type: BiquadType.highShelf, frequency: 9000, q: Math.SQRT1_2, gainDb: 3 }, 48000),
    ];
    const separate = sections.map((coefficients) => new BiquadFilter(coefficients));
    const fused = sections.map((coefficients) => new BiquadFilter(coefficients));
    const signal = Float32Array.from({ length: 1000 }, (_, n) => Math.sin(n * 0.3) * 0.7 + (n % 17 === 0 ? 0.5 : 0));
    const expected = Float32Array.from(signal);
    const actual = Float32Array.from(signal);
    for (let start = 0; start < signal.length; start += 128) {
      const frames = Math.min(128, signal.length - start);
      for (const filter of separate) filter.process(expected.subarray(start), expected.subarray(start), frames);
      BiquadFilter.processCascade(fused[0]!, fused[1]!, fused[2]!, actual.subarray(start), frames);
    }
    expect([...actual]).toEqual([...expected]);
  });
});

describe('BiquadFilter.isTransparent', () => {
  it('holds for every cookbook peak and shelf at 0 dB with empty state, which then passes samples unchanged', () => {
    const signal = Float32Array.from({ length: 512 }, (_, n) => Math.sin(n * 0.37) * 0.9 + (n % 31 === 0 ? -0.6 : 0));
    for (const type of [BiquadType.peaking, BiquadType.lowShelf, BiquadType.highShelf]) {
      for (const frequency of [40, 120, 1000, 8000, 16000]) {
        for (const q of [0.3, Math.SQRT1_2, 4]) {
          const filter = new BiquadFilter(designBiquad({ type, frequency, q, gainDb: 0 }, 44100));
          expect(filter.isTransparent).toBe(true);
          const output = Float32Array.from(signal);
          filter.process(output, output);
          expect([...output]).toEqual([...signal]);
          expect(filter.isTransparent).toBe(true);
        }
      }
    }
  });

  it('does not hold while a residue rings out, until it has decayed to zero', () => {
    const coefficients = designBiquad({ type: BiquadType.peaking, frequency: 1000, q: 1, gainDb: 6 }, 48000);
    const filter = new BiquadFilter(coefficients);
    filter.process(Float32Array.of(1, -1, 0.5), new Float32Array(3));
    // Back to 0 dB: the coefficients have the identity's form, the state does not.
    Object.assign(coefficients, designBiquad({ type: BiquadType.peaking, frequency: 1000, q: 1, gainDb: 0 }, 48000));
    expect(filter.isTransparent).toBe(false);
    const silence = new Float32Array(48000);
    filter.process(silence, silence);
    expect(filter.isTransparent).toBe(true);
  });
});
