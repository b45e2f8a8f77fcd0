import { BiquadFilter } from './biquad.ts';
import { kWeightingCoefficients } from './k-weighting.ts';

/**
 * The shared first half of every BS.1770-4 / EBU R128 measure: K-weight each
 * channel, square, weight by channel, and sum into short "hops". Windows of
 * any length (400 ms momentary, 3 s short-term) are then sums of whole hops.
 *
 * A hop is 100 ms divided by the largest n ≤ 30 that splits it into whole
 * samples (3⅓ ms at 44.1 and 48 kHz). Gating blocks step by 100 ms as
 * BS.1770-4 specifies; the momentary and short-term maxima slide by one hop,
 * so a burst is caught within 3⅓ ms of its best alignment (EBU Tech 3341
 * cases 11 and 14 check exactly that).
 */

/** Channel weights G_i of BS.1770-4 Table 3 for common layouts; LFE is excluded (0). */
export function defaultChannelWeights(channelCount: number): number[] {
  // 5.0 as L, R, C, Ls, Rs; 5.1 as L, R, C, LFE, Ls, Rs (SMPTE / ITU order).
  if (channelCount === 5) return [1, 1, 1, 1.41, 1.41];
  if (channelCount === 6) return [1, 1, 1, 0, 1.41, 1.41];
  return Array.from({ length: channelCount }, () => 1);
}

/** Per-hop channel-weighted K-weighted energy, and how it maps to time. */
export interface WeightedEnergyHops {
  /** Σ_i G_i · Σ_n y_i[n]² over each hop. */
  readonly energies: Float64Array;
  /** Samples per hop. */
  readonly hopLength: number;
  /** Hops per 100 ms. */
  readonly hopsPer100ms: number;
}

function hopsPer100ms(sampleRate: number): number {
  const samplesPer100ms = sampleRate / 10;
  if (!Number.isInteger(samplesPer100ms)) return 10;
  for (let count = 30; count > 1; count--) if (samplesPer100ms % count === 0) return count;
  return 1;
}

/**
 * K-weights and squares `channels`, returning energy per hop. A channel array
 * passed twice (a mono signal fed to both sides) is filtered once and counted
 * with the sum of its weights. Trailing samples that do not fill a hop are
 * ignored, as windows only ever cover whole hops.
 */
export function weightedEnergyHops(
  channels: readonly Float32Array[],
  sampleRate: number,
  weights: readonly number[] = defaultChannelWeights(channels.length),
): WeightedEnergyHops {
  const perHundred = hopsPer100ms(sampleRate);
  const hopLength = Math.round(sampleRate / 10 / perHundred);
  const frames = channels.reduce((shortest, channel) => Math.min(shortest, channel.length), Infinity);
  const hopCount = Number.isFinite(frames) ? Math.floor(frames / hopLength) : 0;
  const energies = new Float64Array(hopCount);
  const scratch = new Float32Array(hopLength);
  const distinct = new Map<Float32Array, number>();
  channels.forEach((channel, index) => distinct.set(channel, (distinct.get(channel) ?? 0) + (weights[index] ?? 1)));
  for (const [channel, weight] of distinct) {
    if (weight === 0) continue;
    const [shelf, highPass] = kWeightingCoefficients(sampleRate);
    const shelfFilter = new BiquadFilter(shelf);
    const highPassFilter = new BiquadFilter(highPass);
    for (let hop = 0; hop < hopCount; hop++) {
      const block = channel.subarray(hop * hopLength, (hop + 1) * hopLength);
      shelfFilter.process(block, scratch, hopLength);
      highPassFilter.process(scratch, scratch, hopLength);
      let energy = 0;
      for (let n = 0; n < hopLength; n++) energy += scratch[n]! * scratch[n]!;
      energies[hop]! += weight * energy;
    }
  }
  return { energies, hopLength, hopsPer100ms: perHundred };
}

/**
 * Mean-square power (Σ_i G_i · z_i) of every complete window of
 * `windowHops` hops, stepping by `stepHops`. Window k covers hops
 * [k·stepHops, k·stepHops + windowHops).
 */
export function windowPowers(hops: WeightedEnergyHops, windowHops: number, stepHops: number): Float64Array {
  const { energies, hopLength } = hops;
  const count = energies.length >= windowHops ? Math.floor((energies.length - windowHops) / stepHops) + 1 : 0;
  const powers = new Float64Array(count);
  const samples = windowHops * hopLength;
  for (let window = 0; window < count; window++) {
    const start = window * stepHops;
    let sum = 0;
    for (let hop = start; hop < start + windowHops; hop++) sum += energies[hop]!;
    powers[window] = sum / samples;
  }
  return powers;
}

/** BS.1770-4 loudness in LUFS of a channel-weighted mean-square power. */
export function powerToLoudness(power: number): number {
  return -0.691 + 10 * Math.log10(power);
}

/** The inverse of {@link powerToLoudness}. */
export function loudnessToPower(loudness: number): number {
  return Math.pow(10, (loudness + 0.691) / 10);
}

/** A loudness time series: value k is the window ending at `endTimes[k]` seconds. */
export interface LoudnessSeries {
  readonly loudness: Float64Array;
  readonly endTimes: Float64Array;
}

function series(hops: WeightedEnergyHops, sampleRate: number, windowHops: number, stepHops: number): LoudnessSeries {
  const powers = windowPowers(hops, windowHops, stepHops);
  const loudness = powers.map(powerToLoudness);
  const endTimes = powers.map((_, index) => ((index * stepHops + windowHops) * hops.hopLength) / sampleRate);
  return { loudness, endTimes };
}

/** Momentary loudness (400 ms window), one value per hop, as an EBU mode meter shows it. */
export function momentaryLoudnessSeries(channels: readonly Float32Array[], sampleRate: number, weights?: readonly number[]): LoudnessSeries {
  const hops = weightedEnergyHops(channels, sampleRate, weights);
  return series(hops, sampleRate, 4 * hops.hopsPer100ms, 1);
}

/** Short-term loudness (3 s window), one value per hop. */
export function shortTermLoudnessSeries(channels: readonly Float32Array[], sampleRate: number, weights?: readonly number[]): LoudnessSeries {
  const hops = weightedEnergyHops(channels, sampleRate, weights);
  return series(hops, sampleRate, 30 * hops.hopsPer100ms, 1);
}
