import { LinearSmoother } from './linear-smoother.ts';

/** Left and right gains for a pan position, written into a caller-owned object. */
export interface PanGains {
  left: number;
  right: number;
}

/**
 * Equal-power (sine/cosine) pan law: left² + right² = 1 at every position, so
 * a mono source keeps its acoustic power as it moves and sits 3 dB down in
 * each side at centre. `pan` runs from -1 (hard left) to +1 (hard right);
 * values outside are clamped and NaN is treated as centre.
 */
export function equalPowerPanGains(pan: number, out: PanGains = { left: 0, right: 0 }): PanGains {
  const clamped = Number.isNaN(pan) ? 0 : Math.min(1, Math.max(-1, pan));
  const angle = ((clamped + 1) * Math.PI) / 4;
  out.left = Math.cos(angle);
  out.right = Math.sin(angle);
  return out;
}

/**
 * Pans a mono signal into a stereo pair. The pan position is ramped (not the
 * gains), so the law holds at every sample of a move.
 */
export class MonoPanner {
  readonly #position: LinearSmoother;
  readonly #gains: PanGains = { left: Math.SQRT1_2, right: Math.SQRT1_2 };

  constructor(sampleRate: number, pan = 0) {
    this.#position = new LinearSmoother(sampleRate, 0.02, pan);
    equalPowerPanGains(pan, this.#gains);
  }

  setPan(pan: number): void {
    this.#position.setTarget(Number.isNaN(pan) ? 0 : Math.min(1, Math.max(-1, pan)));
  }

  /** Writes `input` panned into `left` and `right` over `[0, frames)`. */
  process(input: Float32Array, left: Float32Array, right: Float32Array, frames: number = input.length): void {
    const position = this.#position;
    const gains = this.#gains;
    for (let index = 0; index < frames; index++) {
      if (position.isSmoothing) equalPowerPanGains(position.next(), gains);
      const x = input[index]!;
      left[index] = x * gains.left;
      right[index] = x * gains.right;
    }
  }
}
