/**
 * Every user-adjustable mix parameter with its range, default and unit: the
 * one place the console's knobs, the document schema's clamping and the DSP
 * setup agree on. Ranges follow common console practice; the limits that
 * matter for safety (fader floor, limiter ceiling ≤ 0 dBTP, delay feedback
 * < 1) match the kernels in `shared/dsp`.
 */
export interface ParameterRange {
  readonly min: number;
  readonly max: number;
  readonly default: number;
  /** Display unit; '' for plain ratios and positions. */
  readonly unit: 'dB' | 'Hz' | 'ms' | 's' | ':1' | '' | 'bpm';
  /** Knob taper: log for frequencies and times, linear otherwise. */
  readonly scale: 'linear' | 'log';
}

function range(min: number, max: number, defaultValue: number, unit: ParameterRange['unit'], scale: ParameterRange['scale'] = 'linear'): ParameterRange {
  return { min, max, default: defaultValue, unit, scale };
}

/** Ranges by parameter name; field names match the document schemas. */
export const parameterRanges = {
  // Channel strip
  inputGainDb: range(-24, 24, 0, 'dB'),
  eqLowFrequency: range(20, 1000, 120, 'Hz', 'log'),
  eqLowGainDb: range(-18, 18, 0, 'dB'),
  eqMidFrequency: range(100, 10000, 1000, 'Hz', 'log'),
  eqMidGainDb: range(-18, 18, 0, 'dB'),
  eqMidQ: range(0.1, 10, 0.7, '', 'log'),
  eqHighFrequency: range(1000, 20000, 8000, 'Hz', 'log'),
  eqHighGainDb: range(-18, 18, 0, 'dB'),
  compressorThresholdDb: range(-60, 0, -18, 'dB'),
  compressorRatio: range(1, 20, 4, ':1', 'log'),
  compressorKneeDb: range(0, 24, 6, 'dB'),
  compressorAttackMs: range(0.1, 200, 10, 'ms', 'log'),
  compressorReleaseMs: range(5, 2000, 120, 'ms', 'log'),
  compressorMakeupGainDb: range(0, 24, 0, 'dB'),
  limiterCeilingDb: range(-12, 0, -1, 'dB'),
  limiterReleaseMs: range(1, 1000, 80, 'ms', 'log'),
  faderDb: range(-96, 12, 0, 'dB'),
  pan: range(-1, 1, 0, ''),
  // Sends
  sendLevelDb: range(-96, 6, -12, 'dB'),
  // Delay
  delayTimeSeconds: range(0.001, 4, 0.375, 's', 'log'),
  delayFeedback: range(0, 0.95, 0.35, ''),
  delayLowCutHz: range(20, 2000, 120, 'Hz', 'log'),
  delayHighCutHz: range(1000, 20000, 6000, 'Hz', 'log'),
  delayMix: range(0, 1, 1, ''),
  // Reverb
  reverbPreDelaySeconds: range(0, 0.5, 0.02, 's'),
  reverbDecaySeconds: range(0.1, 30, 1.8, 's', 'log'),
  reverbDamping: range(0, 1, 0.4, ''),
  reverbSize: range(0, 1, 0.7, ''),
  reverbMix: range(0, 1, 1, ''),
  // Clips
  clipGainDb: range(-96, 24, 0, 'dB'),
  // Project
  tempoBpm: range(20, 300, 120, 'bpm'),
} as const satisfies Record<string, ParameterRange>;

export type ParameterName = keyof typeof parameterRanges;

/** Clamps `value` into `range`; NaN and non-numbers become the default. */
export function clampToRange(value: unknown, range: ParameterRange): number {
  if (typeof value !== 'number' || Number.isNaN(value)) return range.default;
  return Math.min(range.max, Math.max(range.min, value));
}
