/**
 * RMS level over a sliding window (300 ms by default, the integration time
 * of a VU meter), for the "average" bar beside the peak bar. A ring of
 * squared samples keeps a running sum; the sum is re-added from scratch once
 * per window so floating-point drift cannot build up over a long session.
 */
export class RmsMeter {
  readonly #squares: Float64Array;
  #position = 0;
  #sum = 0;

  constructor(sampleRate: number, windowSeconds = 0.3) {
    this.#squares = new Float64Array(Math.max(1, Math.round(sampleRate * windowSeconds)));
  }

  /** RMS over the last window (linear). */
  get rms(): number {
    return Math.sqrt(Math.max(0, this.#sum) / this.#squares.length);
  }

  /** RMS over the last window in dBFS (a full-scale sine reads -3.01). */
  get rmsDb(): number {
    return 20 * Math.log10(this.rms);
  }

  reset(): void {
    this.#squares.fill(0);
    this.#sum = 0;
    this.#position = 0;
  }

  process(samples: Float32Array, frames: number = samples.length): void {
    const squares = this.#squares;
    const size = squares.length;
    let sum = this.#sum;
    let position = this.#position;
    for (let index = 0; index < frames; index++) {
      const sample = samples[index]!;
      const square = sample * sample;
      sum += square - squares[position]!;
      squares[position] = square;
      position++;
      if (position === size) {
        position = 0;
        sum = 0;
        for (let k = 0; k < size; k++) sum += squares[k]!;
      }
    }
    this.#sum = sum;
    this.#position = position;
  }
}
