import { Fft } from './fft.ts';

/** Construction settings; they size the preallocated FFT buffers. */
export interface SpectrumAnalyserOptions {
  readonly sampleRate: number;
  /** Power of two; 4096 at 48 kHz resolves 11.7 Hz, enough for the lowest bands. */
  readonly fftSize?: number;
  readonly bandCount?: number;
  readonly minimumFrequency?: number;
  readonly maximumFrequency?: number;
}

/**
 * Spectrum for the mixer's analyser display: Hann-windowed FFT power summed
 * into log-spaced bands, because hearing resolves frequency roughly
 * logarithmically and equal-width FFT bins would crowd the top octave.
 *
 * Levels are calibrated so a full-scale sine reads 0 dB in its band. Bands
 * narrower than one bin (the lowest ones with a short FFT) read the bin that
 * contains their centre, so the display has no holes.
 */
export class SpectrumAnalyser {
  /** Band edges in Hz: band b spans [edges[b], edges[b + 1]). */
  readonly bandEdges: Float64Array;
  /** Geometric centre of each band in Hz, for labels. */
  readonly bandCentres: Float64Array;
  readonly fftSize: number;
  readonly #fft: Fft;
  readonly #window: Float64Array;
  readonly #re: Float64Array;
  readonly #im: Float64Array;
  readonly #firstBin: Int32Array;
  readonly #lastBin: Int32Array;
  readonly #normalisation: number;

  constructor(options: SpectrumAnalyserOptions) {
    const { sampleRate } = options;
    const fftSize = options.fftSize ?? 4096;
    const bandCount = options.bandCount ?? 31;
    const minimum = options.minimumFrequency ?? 20;
    const maximum = Math.min(options.maximumFrequency ?? 20000, sampleRate / 2);
    this.fftSize = fftSize;
    this.#fft = new Fft(fftSize);
    this.#re = new Float64Array(fftSize);
    this.#im = new Float64Array(fftSize);
    this.#window = Float64Array.from({ length: fftSize }, (_, n) => 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / fftSize));
    const windowEnergy = this.#window.reduce((sum, value) => sum + value * value, 0);
    // A sine of amplitude A puts N·A²·Σw²/4 into the positive-frequency bins.
    this.#normalisation = 4 / (fftSize * windowEnergy);
    this.bandEdges = Float64Array.from({ length: bandCount + 1 }, (_, band) => minimum * Math.pow(maximum / minimum, band / bandCount));
    this.bandCentres = Float64Array.from({ length: bandCount }, (_, band) => Math.sqrt(this.bandEdges[band]! * this.bandEdges[band + 1]!));
    const binWidth = sampleRate / fftSize;
    this.#firstBin = new Int32Array(bandCount);
    this.#lastBin = new Int32Array(bandCount);
    for (let band = 0; band < bandCount; band++) {
      const first = Math.ceil(this.bandEdges[band]! / binWidth);
      const last = Math.ceil(this.bandEdges[band + 1]! / binWidth) - 1;
      if (last >= first) {
        this.#firstBin[band] = first;
        this.#lastBin[band] = last;
      } else {
        const centreBin = Math.round(this.bandCentres[band]! / binWidth);
        this.#firstBin[band] = centreBin;
        this.#lastBin[band] = centreBin;
      }
    }
  }

  /**
   * Analyses the first `fftSize` samples of `samples` and writes one level in
   * dB per band into `bandsDb` (-Infinity for silence).
   */
  analyse(samples: Float32Array, bandsDb: Float32Array): void {
    const size = this.fftSize;
    const re = this.#re;
    const im = this.#im;
    const window = this.#window;
    for (let n = 0; n < size; n++) {
      re[n] = (samples[n] ?? 0) * window[n]!;
      im[n] = 0;
    }
    this.#fft.forward(re, im);
    for (let band = 0; band < this.bandCentres.length; band++) {
      let power = 0;
      for (let bin = this.#firstBin[band]!; bin <= this.#lastBin[band]!; bin++) power += re[bin]! * re[bin]! + im[bin]! * im[bin]!;
      bandsDb[band] = 10 * Math.log10(power * this.#normalisation);
    }
  }
}
