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
}
