import { BiquadType, createBiquadCoefficients, designBiquadInto, type BiquadCoefficients } from './biquad-coefficients.ts';
import { BiquadFilter } from './biquad.ts';

/** Channel-strip EQ settings: a low shelf, a parametric mid and a high shelf. */
export interface ThreeBandEqParameters {
  readonly lowFrequency: number;
  readonly lowGainDb: number;
  readonly midFrequency: number;
  readonly midGainDb: number;
  readonly midQ: number;
  readonly highFrequency: number;
  readonly highGainDb: number;
}

/** Flat settings with typical console corner frequencies. */
export const defaultThreeBandEqParameters: ThreeBandEqParameters = {
  lowFrequency: 120,
  lowGainDb: 0,
  midFrequency: 1000,
  midGainDb: 0,
  midQ: 0.7,
  highFrequency: 8000,
  highGainDb: 0,
};

/** Shelf slope Q = 1/√2 gives the cookbook's steepest shelf without overshoot (S = 1). */
const shelfQ = Math.SQRT1_2;

/**
 * One channel of the console's 3-band EQ: three cookbook biquads in series.
 * Coefficients are redesigned only in `setParameters`, never per block, and
 * into objects allocated here, so the audio thread allocates nothing.
 */
export class ThreeBandEq {
  readonly lowCoefficients: BiquadCoefficients = createBiquadCoefficients();
  readonly midCoefficients: BiquadCoefficients = createBiquadCoefficients();
  readonly highCoefficients: BiquadCoefficients = createBiquadCoefficients();
  readonly #low = new BiquadFilter(this.lowCoefficients);
  readonly #mid = new BiquadFilter(this.midCoefficients);
  readonly #high = new BiquadFilter(this.highCoefficients);
  readonly #sampleRate: number;

  constructor(sampleRate: number, parameters: ThreeBandEqParameters = defaultThreeBandEqParameters) {
    this.#sampleRate = sampleRate;
    this.setParameters(parameters);
  }

  setParameters(parameters: ThreeBandEqParameters): void {
    const sampleRate = this.#sampleRate;
    designBiquadInto(this.lowCoefficients, BiquadType.lowShelf, parameters.lowFrequency, shelfQ, parameters.lowGainDb, sampleRate);
    designBiquadInto(this.midCoefficients, BiquadType.peaking, parameters.midFrequency, parameters.midQ, parameters.midGainDb, sampleRate);
    designBiquadInto(this.highCoefficients, BiquadType.highShelf, parameters.highFrequency, shelfQ, parameters.highGainDb, sampleRate);
  }

  reset(): void {
    this.#low.reset();
    this.#mid.reset();
    this.#high.reset();
  }

  /** Filters `input` into `output` (may be the same array). */
  process(input: Float32Array, output: Float32Array, frames: number = input.length): void {
    this.#low.process(input, output, frames);
    this.#mid.process(output, output, frames);
    this.#high.process(output, output, frames);
  }
}
