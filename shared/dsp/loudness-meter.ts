import { BiquadFilter } from './biquad.ts';
import { kWeightingCoefficients } from './k-weighting.ts';
import { LoudnessHistogram } from './loudness-histogram.ts';
import { defaultChannelWeights, powerToLoudness } from './loudness-series.ts';

/**
 * Real-time EBU R128 meter for the master bus: momentary, short-term,
 * integrated and loudness range, updated every 100 ms as EBU Tech 3341
 * requires (≥ 10 Hz). Same K-weighting and gating as `measureLoudness`, but
 * incremental: the last 3 s live in a ring of 100 ms energies and the
 * integrated and range figures come from fixed-size histograms, so an
 * all-night session uses constant memory and allocates nothing per block.
 */
export class LoudnessMeter {
  readonly #shelves: BiquadFilter[];
  readonly #highPasses: BiquadFilter[];
  readonly #weights: Float64Array;
  readonly #hopLength: number;
  /** Energies of the last 30 hops of 100 ms. */
  readonly #hops = new Float64Array(30);
  #hopCount = 0;
  #hopEnergy = 0;
  #hopFill = 0;
  readonly #blocks = new LoudnessHistogram();
  readonly #shortTerms = new LoudnessHistogram();
  #momentary = -Infinity;
  #shortTerm = -Infinity;
  #momentaryMax = -Infinity;
  #shortTermMax = -Infinity;

  constructor(sampleRate: number, channelCount: number, weights: readonly number[] = defaultChannelWeights(channelCount)) {
    this.#shelves = [];
    this.#highPasses = [];
    for (let channel = 0; channel < channelCount; channel++) {
      const [shelf, highPass] = kWeightingCoefficients(sampleRate);
      this.#shelves.push(new BiquadFilter(shelf));
      this.#highPasses.push(new BiquadFilter(highPass));
    }
    this.#weights = Float64Array.from({ length: channelCount }, (_, channel) => weights[channel] ?? 1);
    this.#hopLength = Math.round(sampleRate / 10);
  }

  /** Momentary loudness (last 400 ms), LUFS. */
  get momentary(): number {
    return this.#momentary;
  }
  /** Short-term loudness (last 3 s), LUFS. */
  get shortTerm(): number {
    return this.#shortTerm;
  }
  get momentaryMax(): number {
    return this.#momentaryMax;
  }
  get shortTermMax(): number {
    return this.#shortTermMax;
  }
  /** Integrated loudness since the last reset, LUFS (BS.1770-4 gating). */
  get integrated(): number {
    return this.#blocks.gatedLoudness(-10);
  }
  /** Loudness range since the last reset, LU (EBU Tech 3342). */
  get loudnessRange(): number {
    return this.#shortTerms.loudnessRange();
  }

  /** Starts a new measurement (the "reset" button on the meter). */
  reset(): void {
    for (const filter of this.#shelves) filter.reset();
    for (const filter of this.#highPasses) filter.reset();
    this.#hops.fill(0);
    this.#hopCount = 0;
    this.#hopEnergy = 0;
    this.#hopFill = 0;
    this.#blocks.reset();
    this.#shortTerms.reset();
    this.#momentary = this.#shortTerm = this.#momentaryMax = this.#shortTermMax = -Infinity;
  }

  /** Feeds one block; `channels` in the order given at construction. */
  process(channels: readonly Float32Array[], frames: number): void {
    const channelCount = this.#weights.length;
    for (let index = 0; index < frames; index++) {
      let energy = 0;
      for (let channel = 0; channel < channelCount; channel++) {
        const weight = this.#weights[channel]!;
        if (weight === 0) continue;
        const weighted = this.#highPasses[channel]!.processSample(this.#shelves[channel]!.processSample(channels[channel]![index]!));
        energy += weight * weighted * weighted;
      }
      this.#hopEnergy += energy;
      if (++this.#hopFill === this.#hopLength) this.#completeHop();
    }
  }

  #completeHop(): void {
    const hops = this.#hops;
    hops[this.#hopCount % 30] = this.#hopEnergy;
    this.#hopCount++;
    this.#hopEnergy = 0;
    this.#hopFill = 0;
    if (this.#hopCount >= 4) {
      let sum = 0;
      for (let back = 1; back <= 4; back++) sum += hops[(this.#hopCount - back) % 30]!;
      const power = sum / (4 * this.#hopLength);
      this.#momentary = powerToLoudness(power);
      this.#momentaryMax = Math.max(this.#momentaryMax, this.#momentary);
      this.#blocks.add(power);
    }
    if (this.#hopCount >= 30) {
      let sum = 0;
      for (let hop = 0; hop < 30; hop++) sum += hops[hop]!;
      const power = sum / (30 * this.#hopLength);
      this.#shortTerm = powerToLoudness(power);
      this.#shortTermMax = Math.max(this.#shortTermMax, this.#shortTerm);
      this.#shortTerms.add(power);
    }
  }
}
