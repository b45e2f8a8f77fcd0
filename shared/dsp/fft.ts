/** Real-valued sample buffers the FFT accepts. */
export type FloatArray = Float32Array | Float64Array;

/**
 * In-place iterative radix-2 complex FFT. Twiddle factors and the
 * bit-reversal permutation are computed once in the constructor, so a
 * transform allocates nothing and can run every render quantum.
 *
 * Conventions: `forward` computes X[k] = Σ x[n]·e^(-2πi·kn/N) without
 * scaling; `inverse` includes the 1/N, so inverse(forward(x)) = x.
 */
export class Fft {
  readonly size: number;
  readonly #cos: Float64Array;
  readonly #sin: Float64Array;
  readonly #bitReversed: Uint32Array;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1 || (size & (size - 1)) !== 0) {
      throw new RangeError(`FFT size must be a power of two, got ${size}`);
    }
    this.size = size;
    this.#cos = new Float64Array(size / 2);
    this.#sin = new Float64Array(size / 2);
    for (let k = 0; k < size / 2; k++) {
      this.#cos[k] = Math.cos((2 * Math.PI * k) / size);
      this.#sin[k] = -Math.sin((2 * Math.PI * k) / size);
    }
    this.#bitReversed = new Uint32Array(size);
    const bits = Math.log2(size);
    for (let index = 0; index < size; index++) {
      let reversed = 0;
      for (let bit = 0; bit < bits; bit++) reversed |= ((index >> bit) & 1) << (bits - 1 - bit);
      this.#bitReversed[index] = reversed;
    }
  }

  /** Forward transform of (re, im) in place. */
  forward(re: FloatArray, im: FloatArray): void {
    this.#transform(re, im);
  }

  /** Inverse transform of (re, im) in place, scaled by 1/N. */
  inverse(re: FloatArray, im: FloatArray): void {
    // IDFT(X) = conj(DFT(conj(X))) / N.
    const size = this.size;
    for (let k = 0; k < size; k++) im[k] = -im[k]!;
    this.#transform(re, im);
    const scale = 1 / size;
    for (let k = 0; k < size; k++) {
      re[k]! *= scale;
      im[k] = -im[k]! * scale;
    }
  }

  #transform(re: FloatArray, im: FloatArray): void {
    const size = this.size;
    const reversed = this.#bitReversed;
    for (let index = 0; index < size; index++) {
      const target = reversed[index]!;
      if (target > index) {
        const swapRe = re[index]!;
        re[index] = re[target]!;
        re[target] = swapRe;
        const swapIm = im[index]!;
        im[index] = im[target]!;
        im[target] = swapIm;
      }
    }
    const cos = this.#cos;
    const sin = this.#sin;
    for (let span = 2; span <= size; span *= 2) {
      const half = span / 2;
      const twiddleStep = size / span;
      for (let start = 0; start < size; start += span) {
        for (let offset = 0; offset < half; offset++) {
          const twiddleRe = cos[offset * twiddleStep]!;
          const twiddleIm = sin[offset * twiddleStep]!;
          const even = start + offset;
          const odd = even + half;
          const oddRe = re[odd]! * twiddleRe - im[odd]! * twiddleIm;
          const oddIm = re[odd]! * twiddleIm + im[odd]! * twiddleRe;
          re[odd] = re[even]! - oddRe;
          im[odd] = im[even]! - oddIm;
          re[even] = re[even]! + oddRe;
          im[even] = im[even]! + oddIm;
        }
      }
    }
  }
}
