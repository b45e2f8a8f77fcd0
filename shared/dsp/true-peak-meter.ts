import { TruePeakDetector } from './true-peak.ts';

/**
 * Real-time true-peak meter (BS.1770-4 Annex 2) for the master strip: one
 * oversampling detector per channel, the highest reading held until reset,
 * so "-1 dBTP exceeded" can be shown as a clip light that stays on.
 */
export class TruePeakMeter {
  readonly #detectors: TruePeakDetector[];
  #blockPeak = 0;
  #maximum = 0;

  constructor(channelCount: number) {
    this.#detectors = Array.from({ length: channelCount }, () => new TruePeakDetector());
  }

  /** True peak of the last processed block over all channels, dBTP. */
  get blockPeakDb(): number {
    return 20 * Math.log10(this.#blockPeak);
  }

  /** Highest true peak since the last reset, dBTP. */
  get maximumDb(): number {
    return 20 * Math.log10(this.#maximum);
  }

  reset(): void {
    for (const detector of this.#detectors) detector.reset();
    this.#blockPeak = 0;
    this.#maximum = 0;
  }

  process(channels: readonly Float32Array[], frames: number): void {
    let peak = 0;
    for (let channel = 0; channel < this.#detectors.length; channel++) {
      const detector = this.#detectors[channel]!;
      const samples = channels[channel]!;
      for (let index = 0; index < frames; index++) {
        const value = detector.push(samples[index]!);
        if (value > peak) peak = value;
      }
    }
    this.#blockPeak = peak;
    if (peak > this.#maximum) this.#maximum = peak;
  }
}
