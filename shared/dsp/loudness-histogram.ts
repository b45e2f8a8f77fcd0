import { absoluteGateLufs } from './gated-loudness.ts';
import { powerToLoudness } from './loudness-series.ts';

/** Histogram resolution: fine enough that gating and percentiles err by < 0.01 LU. */
const binWidth = 0.02;
const highestLufs = 10;
const binCount = Math.ceil((highestLufs - absoluteGateLufs) / binWidth);

/**
 * Fixed-size store of loudness values for a meter that runs for hours:
 * counts and exact power sums per 0.02 LU bin from the -70 LUFS absolute
 * gate up to +10 LUFS. Values below the absolute gate are dropped on entry,
 * which is all either gate ever does with them. Memory is constant and
 * nothing is allocated while metering.
 */
export class LoudnessHistogram {
  readonly #counts = new Float64Array(binCount);
  readonly #powers = new Float64Array(binCount);
  #count = 0;
  #powerSum = 0;

  reset(): void {
    this.#counts.fill(0);
    this.#powers.fill(0);
    this.#count = 0;
    this.#powerSum = 0;
  }

  /** Adds one block/window by its channel-weighted mean-square power. */
  add(power: number): void {
    const loudness = powerToLoudness(power);
    if (!(loudness > absoluteGateLufs)) return;
    const bin = Math.min(binCount - 1, Math.floor((loudness - absoluteGateLufs) / binWidth));
    this.#counts[bin]!++;
    this.#powers[bin]! += power;
    this.#count++;
    this.#powerSum += power;
  }

  /** Gated mean in LUFS: relative gate `relativeGateLu` below the mean of everything above -70 LUFS. */
  gatedLoudness(relativeGateLu: number): number {
    if (this.#count === 0) return -Infinity;
    const firstBin = this.#firstBinAbove(powerToLoudness(this.#powerSum / this.#count) + relativeGateLu);
    let count = 0;
    let power = 0;
    for (let bin = firstBin; bin < binCount; bin++) {
      count += this.#counts[bin]!;
      power += this.#powers[bin]!;
    }
    return count === 0 ? -Infinity : powerToLoudness(power / count);
  }

  /** EBU Tech 3342 loudness range of the stored short-term values, in LU. */
  loudnessRange(): number {
    if (this.#count === 0) return 0;
    const firstBin = this.#firstBinAbove(powerToLoudness(this.#powerSum / this.#count) - 20);
    let total = 0;
    for (let bin = firstBin; bin < binCount; bin++) total += this.#counts[bin]!;
    if (total < 2) return 0;
    return this.#percentile(firstBin, total, 0.95) - this.#percentile(firstBin, total, 0.1);
  }

  #firstBinAbove(loudness: number): number {
    return Math.max(0, Math.min(binCount, Math.ceil((loudness - absoluteGateLufs) / binWidth)));
  }

  /** Loudness at the bin centre where the cumulative count passes `fraction`. */
  #percentile(firstBin: number, total: number, fraction: number): number {
    const target = fraction * (total - 1);
    let cumulative = 0;
    for (let bin = firstBin; bin < binCount; bin++) {
      cumulative += this.#counts[bin]!;
      if (cumulative > target) return absoluteGateLufs + (bin + 0.5) * binWidth;
    }
    return highestLufs;
  }
}

