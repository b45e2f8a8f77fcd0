/**
 * First-order low-pass y += (1 - p)·(x - y): unity gain at DC and |H| ≤ 1 at
 * every frequency, which is why the delay and reverb put it inside their
 * feedback loops — it can only remove energy, never add it.
 */
export class OnePoleLowPass {
  #pole = 0;
  #state = 0;

  /** Sets the -3 dB corner; at or above Nyquist the filter becomes a pass-through. */
  setCutoff(frequency: number, sampleRate: number): void {
    const clamped = Math.max(0, Number.isFinite(frequency) ? frequency : sampleRate);
    this.#pole = clamped >= sampleRate / 2 ? 0 : Math.exp((-2 * Math.PI * clamped) / sampleRate);
  }

  /** Sets the pole directly (0 = pass-through, towards 1 = darker). */
  setPole(pole: number): void {
    this.#pole = Math.min(Math.max(pole, 0), 0.9999);
  }

  reset(): void {
    this.#state = 0;
  }

  next(input: number): number {
    this.#state += (1 - this.#pole) * (input - this.#state);
    if (Math.abs(this.#state) < 1e-30) this.#state = 0;
    return this.#state;
  }
}
