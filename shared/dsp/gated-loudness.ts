import { loudnessToPower, powerToLoudness } from './loudness-series.ts';

/** Absolute gate of BS.1770-4 and EBU Tech 3342, in LUFS. */
export const absoluteGateLufs = -70;

/**
 * Integrated (programme) loudness per ITU-R BS.1770-4 §2.8 from the powers of
 * the 400 ms gating blocks (75 % overlap): drop blocks below -70 LUFS, then
 * blocks more than 10 LU below the level of those remaining, and average the
 * rest in the power domain. -Infinity when nothing passes the gates.
 */
export function integratedLoudness(blockPowers: Float64Array): number {
  const absoluteGatePower = loudnessToPower(absoluteGateLufs);
  let sum = 0;
  let count = 0;
  for (const power of blockPowers) {
    if (power > absoluteGatePower) {
      sum += power;
      count++;
    }
  }
  if (count === 0) return -Infinity;
  const relativeGatePower = loudnessToPower(powerToLoudness(sum / count) - 10);
  const gatePower = Math.max(absoluteGatePower, relativeGatePower);
  sum = 0;
  count = 0;
  for (const power of blockPowers) {
    if (power > gatePower) {
      sum += power;
      count++;
    }
  }
  return count === 0 ? -Infinity : powerToLoudness(sum / count);
}

/** Percentile with linear interpolation between order statistics of a sorted array. */
function percentile(sorted: Float64Array, fraction: number): number {
  const position = (sorted.length - 1) * fraction;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

/**
 * Loudness range (LRA) per EBU Tech 3342 from short-term (3 s) window powers
 * taken at ≥ 10 Hz: drop values below -70 LUFS, then values more than 20 LU
 * below the power mean of those remaining, and return the spread between the
 * 10th and 95th percentiles of the rest in LU. 0 when too little passes.
 */
export function loudnessRange(shortTermPowers: Float64Array): number {
  const absoluteGatePower = loudnessToPower(absoluteGateLufs);
  let sum = 0;
  let count = 0;
  for (const power of shortTermPowers) {
    if (power > absoluteGatePower) {
      sum += power;
      count++;
    }
  }
  if (count === 0) return 0;
  const relativeGate = powerToLoudness(sum / count) - 20;
  const kept: number[] = [];
  for (const power of shortTermPowers) {
    const loudness = powerToLoudness(power);
    if (power > absoluteGatePower && loudness > relativeGate) kept.push(loudness);
  }
  if (kept.length < 2) return 0;
  const sorted = Float64Array.from(kept).sort();
  return percentile(sorted, 0.95) - percentile(sorted, 0.1);
}
