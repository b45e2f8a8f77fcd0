/**
 * A parameter that glides linearly to each new target over a fixed time
 * instead of jumping. Jumps in a gain multiply the signal by a step, whose
 * broadband spectrum is heard as clicks ("zipper noise") when a fader moves in
 * block-sized steps; a ramp of ~20 ms removes them. Linear (rather than
 * one-pole) so the target is reached exactly and in bounded time, which keeps
 * offline renders deterministic.
 */
export class LinearSmoother {
  #current: number;
  #target: number;
  #step = 0;
  #remaining = 0;
  readonly #rampSamples: number;

  constructor(sampleRate: number, rampSeconds: number, initialValue: number) {
    this.#rampSamples = Math.max(1, Math.round(sampleRate * rampSeconds));
    this.#current = initialValue;
    this.#target = initialValue;
  }

  get target(): number {
    return this.#target;
  }

  get current(): number {
    return this.#current;
  }

  /** True while a ramp is in progress. */
  get isSmoothing(): boolean {
    return this.#remaining > 0;
  }

  /** Starts a ramp from the current value to `target`. */
  setTarget(target: number): void {
    if (target === this.#target) return;
    this.#target = target;
    this.#remaining = this.#rampSamples;
    this.#step = (target - this.#current) / this.#rampSamples;
  }

  /** Jumps to `value` with no ramp (for initial state or a transport reset). */
  setImmediate(value: number): void {
    this.#current = value;
    this.#target = value;
    this.#remaining = 0;
  }

  /** Advances one sample and returns the new value. */
  next(): number {
    if (this.#remaining > 0) {
      this.#remaining--;
      this.#current = this.#remaining === 0 ? this.#target : this.#current + this.#step;
    }
    return this.#current;
  }
}
