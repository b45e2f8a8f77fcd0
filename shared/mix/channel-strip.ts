import { z } from 'zod';
import { flag, optionalReference, rangedNumber } from './mix-schema-helpers.ts';
import { parameterRanges as ranges } from './parameter-ranges.ts';

/**
 * One console channel strip — used by tracks, buses and the master alike —
 * as a flat record of primitives so it maps one-to-one onto a Y.Map: two
 * people turning different knobs of the same strip never conflict.
 * Processing order: input gain → EQ → compressor → limiter → fader → pan.
 */
export const channelStripSchema = z.object({
  inputGainDb: rangedNumber(ranges.inputGainDb),
  phaseInvert: flag(false),
  eqEnabled: flag(true),
  eqLowFrequency: rangedNumber(ranges.eqLowFrequency),
  eqLowGainDb: rangedNumber(ranges.eqLowGainDb),
  eqMidFrequency: rangedNumber(ranges.eqMidFrequency),
  eqMidGainDb: rangedNumber(ranges.eqMidGainDb),
  eqMidQ: rangedNumber(ranges.eqMidQ),
  eqHighFrequency: rangedNumber(ranges.eqHighFrequency),
  eqHighGainDb: rangedNumber(ranges.eqHighGainDb),
  compressorEnabled: flag(false),
  compressorThresholdDb: rangedNumber(ranges.compressorThresholdDb),
  compressorRatio: rangedNumber(ranges.compressorRatio),
  compressorKneeDb: rangedNumber(ranges.compressorKneeDb),
  compressorAttackMs: rangedNumber(ranges.compressorAttackMs),
  compressorReleaseMs: rangedNumber(ranges.compressorReleaseMs),
  compressorMakeupGainDb: rangedNumber(ranges.compressorMakeupGainDb),
  /** Track or bus whose signal drives the compressor; '' for its own input. */
  compressorSidechainId: optionalReference,
  limiterEnabled: flag(false),
  limiterCeilingDb: rangedNumber(ranges.limiterCeilingDb),
  limiterReleaseMs: rangedNumber(ranges.limiterReleaseMs),
  faderDb: rangedNumber(ranges.faderDb),
  pan: rangedNumber(ranges.pan),
  mute: flag(false),
  solo: flag(false),
});

export type ChannelStrip = z.output<typeof channelStripSchema>;

/** A strip with every parameter at its default. */
export function defaultChannelStrip(): ChannelStrip {
  return channelStripSchema.parse({});
}
