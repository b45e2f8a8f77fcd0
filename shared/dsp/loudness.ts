import { integratedLoudness, loudnessRange } from './gated-loudness.ts';
import { powerToLoudness, weightedEnergyHops, windowPowers } from './loudness-series.ts';
import { measureTruePeak } from './true-peak.ts';

/** The EBU R128 figures for a finished mix, as shown in the export dialog. */
export interface LoudnessMeasurement {
  /** Programme loudness, LUFS (BS.1770-4 gated). -Infinity for silence. */
  readonly integrated: number;
  /** Highest momentary (400 ms) loudness, LUFS. */
  readonly momentaryMax: number;
  /** Highest short-term (3 s) loudness, LUFS. */
  readonly shortTermMax: number;
  /** Loudness range per EBU Tech 3342, LU. */
  readonly loudnessRange: number;
  /** Highest true peak (4× oversampled), dBTP. */
  readonly truePeak: number;
}

/** Optional measurement settings. */
export interface LoudnessOptions {
  /** BS.1770-4 channel weights; by default 1 for each channel, 5.0/5.1 layouts get 1.41 on the surrounds. */
  readonly channelWeights?: readonly number[];
}

/**
 * Measures a whole signal offline per ITU-R BS.1770-4, EBU R128, EBU Tech
 * 3341 (momentary, short-term, integrated) and Tech 3342 (loudness range).
 * Works at any sample rate; the K-weighting is derived per rate.
 *
 * @param channels one Float32Array per channel, equal lengths (the shortest wins)
 */
export function measureLoudness(channels: Float32Array[], sampleRate: number, options: LoudnessOptions = {}): LoudnessMeasurement {
  const hops = weightedEnergyHops(channels, sampleRate, options.channelWeights);
  const hundred = hops.hopsPer100ms;
  const blockPowers = windowPowers(hops, 4 * hundred, hundred);
  const momentaryPowers = windowPowers(hops, 4 * hundred, 1);
  const shortTermPowers = windowPowers(hops, 30 * hundred, 1);
  // Tech 3342 asks for short-term values at ≥ 10 Hz; take them every 100 ms.
  const rangePowers = windowPowers(hops, 30 * hundred, hundred);
  return {
    integrated: integratedLoudness(blockPowers),
    momentaryMax: powerToLoudness(maximum(momentaryPowers)),
    shortTermMax: powerToLoudness(maximum(shortTermPowers)),
    loudnessRange: loudnessRange(rangePowers),
    truePeak: 20 * Math.log10(measureTruePeak(channels)),
  };
}

function maximum(values: Float64Array): number {
  let largest = 0;
  for (const value of values) if (value > largest) largest = value;
  return largest;
}
