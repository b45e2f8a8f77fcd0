/**
 * Level conversions shared by every kernel. Amplitude decibels use 20·log10,
 * power decibels 10·log10; silence maps to -Infinity rather than a magic floor
 * so callers choose their own display floor.
 */

/** Amplitude ratio for a level in dB (0 dB → 1). */
export function dbToGain(db: number): number {
  return Math.pow(10, db / 20);
}

/** Level in dB of an amplitude ratio; 0 gives -Infinity. */
export function gainToDb(gain: number): number {
  return 20 * Math.log10(gain);
}

/** Level in dB of a power (mean-square) ratio; 0 gives -Infinity. */
export function powerToDb(power: number): number {
  return 10 * Math.log10(power);
}
