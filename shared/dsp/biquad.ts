import type { BiquadCoefficients } from './biquad-coefficients.ts';

/**
 * The state of one second-order filter: two delay elements in transposed
 * direct form II, which keeps the intermediate values small and behaves well
 * when coefficients change between blocks. The coefficients are referenced,
 * not owned, so redesigning them (see `designBiquad`) takes effect on the next
 * block without touching the state.
 */
export class BiquadFilter {
  coefficients: BiquadCoefficients;
  #state1 = 0;
  #state2 = 0;

  constructor(coefficients: BiquadCoefficients) {
    this.coefficients = coefficients;
  }

  /**
   * True when filtering would return every sample unchanged: the
   * coefficients have the identity's form (b0 = 1, b1 = a1, b2 = a2, as a
   * cookbook peak or shelf at 0 dB has exactly) and both delay elements are
   * 0. Then y = x, and both elements stay exactly 0 (b1·x - a1·x = 0), so
   * skipping the filter changes nothing, bit for bit.
   */
  get isTransparent(): boolean {
    const { b0, b1, b2, a1, a2 } = this.coefficients;
    return this.#state1 === 0 && this.#state2 === 0 && b0 === 1 && b1 === a1 && b2 === a2;
  }

  /** Clears the delay elements, e.g. when playback jumps. */
  reset(): void {
    this.#state1 = 0;
    this.#state2 = 0;
  }

  /**
   * Filters one sample, for feedback loops where a block cannot be formed
   * (the delay's echo path). Same arithmetic as {@link process}.
   */
  processSample(x: number): number {
    const { b0, b1, b2, a1, a2 } = this.coefficients;
    const y = b0 * x + this.#state1;
    this.#state1 = b1 * x - a1 * y + this.#state2;
    this.#state2 = b2 * x - a2 * y;
    if (Math.abs(this.#state1) < 1e-30 && Math.abs(this.#state2) < 1e-30) {
      this.#state1 = 0;
      this.#state2 = 0;
    }
    return y;
  }

  /**
   * Filters `input` into `output` (they may be the same array) over
   * `[0, frames)`. State is kept in doubles so a float32 block boundary adds no
   * rounding to the recursion.
   */
  process(input: Float32Array, output: Float32Array, frames: number = input.length): void {
    const { b0, b1, b2, a1, a2 } = this.coefficients;
    let state1 = this.#state1;
    let state2 = this.#state2;
    for (let index = 0; index < frames; index++) {
      const x = input[index]!;
      const y = b0 * x + state1;
      state1 = b1 * x - a1 * y + state2;
      state2 = b2 * x - a2 * y;
      output[index] = y;
    }
    // Flush values that have decayed into the subnormal range: they cost
    // many cycles per operation on x86 and carry no audible signal.
    this.#state1 = Math.abs(state1) < 1e-30 ? 0 : state1;
    this.#state2 = Math.abs(state2) < 1e-30 ? 0 : state2;
  }

  /**
   * Runs three filters in series over `samples` in place, in one pass: the
   * same result, bit for bit, as three {@link process} calls (each stage's
   * output is rounded to float32 as the block would store it), without
   * storing and reloading the block between stages.
   */
  static processCascade(first: BiquadFilter, second: BiquadFilter, third: BiquadFilter, samples: Float32Array, frames: number = samples.length): void {
    const { b0: p0, b1: p1, b2: p2, a1: pa1, a2: pa2 } = first.coefficients;
    const { b0: q0, b1: q1, b2: q2, a1: qa1, a2: qa2 } = second.coefficients;
    const { b0: r0, b1: r1, b2: r2, a1: ra1, a2: ra2 } = third.coefficients;
    let p1State = first.#state1;
    let p2State = first.#state2;
    let q1State = second.#state1;
    let q2State = second.#state2;
    let r1State = third.#state1;
    let r2State = third.#state2;
    for (let index = 0; index < frames; index++) {
      const x = samples[index]!;
      const y = p0 * x + p1State;
      p1State = p1 * x - pa1 * y + p2State;
      p2State = p2 * x - pa2 * y;
      const yStored = Math.fround(y);
      const z = q0 * yStored + q1State;
      q1State = q1 * yStored - qa1 * z + q2State;
      q2State = q2 * yStored - qa2 * z;
      const zStored = Math.fround(z);
      const w = r0 * zStored + r1State;
      r1State = r1 * zStored - ra1 * w + r2State;
      r2State = r2 * zStored - ra2 * w;
      samples[index] = w;
    }
    first.#state1 = Math.abs(p1State) < 1e-30 ? 0 : p1State;
    first.#state2 = Math.abs(p2State) < 1e-30 ? 0 : p2State;
    second.#state1 = Math.abs(q1State) < 1e-30 ? 0 : q1State;
    second.#state2 = Math.abs(q2State) < 1e-30 ? 0 : q2State;
    third.#state1 = Math.abs(r1State) < 1e-30 ? 0 : r1State;
    third.#state2 = Math.abs(r2State) < 1e-30 ? 0 : r2State;
  }
}
