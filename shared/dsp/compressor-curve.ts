/**
 * The compressor's static curve: output level as a function of input level,
 * with a quadratic soft knee of width `kneeDb` centred on the threshold
 * (Giannoulis, Massberg & Reiss, "Digital Dynamic Range Compressor Design",
 * JAES 2012). The quadratic joins the 1:1 line and the 1:ratio line with
 * matching slopes, so the knee adds no corner of its own.
 *
 * Returns the gain change in dB (≤ 0) for an input level in dB.
 */
export function compressorGainDb(inputDb: number, thresholdDb: number, ratio: number, kneeDb: number): number {
  const overshoot = inputDb - thresholdDb;
  const slope = 1 / ratio - 1;
  if (2 * overshoot <= -kneeDb) return 0;
  if (kneeDb > 0 && 2 * overshoot < kneeDb) {
    const intoKnee = overshoot + kneeDb / 2;
    return (slope * intoKnee * intoKnee) / (2 * kneeDb);
  }
  return slope * overshoot;
}
