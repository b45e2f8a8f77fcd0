import type { ChannelStripPresetParameters, CompressorSettings, EqSettings, MasteringPresetParameters, PresetSend, PresetSendTarget } from '../schemas/plugins.ts';
import { PRESET_SEND_TARGETS } from '../schemas/plugins.ts';
import type { ChannelStrip } from './channel-strip.ts';
import type { Master } from './mix-entities.ts';
import { parameterRanges } from './parameter-ranges.ts';

/**
 * Mixer presets (`/api/plugins`) against channel strips, both ways. A preset names its values in
 * groups (`eq.lowGainDb`); a strip is flat (`eqLowGainDb`, see `channel-strip.ts`). Applying turns
 * a preset into the list of strip fields it sets, so the console writes them through the same path
 * as its own knobs (one field at a time, clamped like any other edit); saving reads them back.
 */

/** Strip fields a preset sets, with their values. */
export type StripFieldValues = Partial<Pick<ChannelStrip, keyof ChannelStrip>> & { limiterEnabled?: boolean };

/** What a send to an effect return should be after applying a channel-strip preset. */
export interface SendSetting {
  readonly target: PresetSendTarget;
  readonly targetBusId: string;
  readonly levelDb: number;
  readonly preFader: boolean;
}

/** A send level that means "no send" (the console shows absent sends at the fader floor). */
export const silentSendDb = parameterRanges.sendLevelDb.min;

function eqFields(eq: EqSettings): StripFieldValues {
  return {
    eqEnabled: eq.enabled,
    eqLowFrequency: eq.lowFrequency,
    eqLowGainDb: eq.lowGainDb,
    eqMidFrequency: eq.midFrequency,
    eqMidGainDb: eq.midGainDb,
    eqMidQ: eq.midQ,
    eqHighFrequency: eq.highFrequency,
    eqHighGainDb: eq.highGainDb,
  };
}

function compressorFields(compressor: CompressorSettings): StripFieldValues {
  return {
    compressorEnabled: compressor.enabled,
    compressorThresholdDb: compressor.thresholdDb,
    compressorRatio: compressor.ratio,
    compressorKneeDb: compressor.kneeDb,
    compressorAttackMs: compressor.attackMs,
    compressorReleaseMs: compressor.releaseMs,
    compressorMakeupGainDb: compressor.makeupGainDb,
  };
}

/** The strip fields a channel-strip preset sets: input gain, the whole EQ and the whole compressor. Fader, pan, mute and solo stay. */
export function channelStripPresetFields(parameters: ChannelStripPresetParameters): StripFieldValues {
  return { inputGainDb: parameters.inputGainDb, ...eqFields(parameters.eq), ...compressorFields(parameters.compressor) };
}

/** The master fields a mastering preset sets: EQ, compressor and limiter (its loudness target is the export's). */
export function masteringPresetFields(parameters: MasteringPresetParameters): StripFieldValues {
  return {
    ...eqFields(parameters.eq),
    ...compressorFields(parameters.compressor),
    limiterEnabled: parameters.limiter.enabled,
    limiterCeilingDb: parameters.limiter.ceilingDb,
    limiterReleaseMs: parameters.limiter.releaseMs,
  };
}

/**
 * The sends a channel-strip preset asks for, resolved to this mix's effect-return buses by role.
 * "Exactly as the preset says": a return the preset does not send to is set silent, so applying
 * a dry preset to a wet strip makes it dry. Roles this mix has no bus for are skipped.
 */
export function presetSendSettings(sends: readonly PresetSend[], returns: Partial<Record<PresetSendTarget, string>>): SendSetting[] {
  return PRESET_SEND_TARGETS.flatMap((target) => {
    const targetBusId = returns[target];
    if (!targetBusId) return [];
    const send = sends.find((candidate) => candidate.target === target);
    return [{ target, targetBusId, levelDb: send?.levelDb ?? silentSendDb, preFader: send?.preFader ?? false }];
  });
}

/** A strip with a preset's fields written over it (what the console shows after applying). */
export function withPresetFields<T extends ChannelStrip>(strip: T, fields: StripFieldValues): T {
  return { ...strip, ...fields };
}

const eqOf = (strip: ChannelStrip): EqSettings => ({
  enabled: strip.eqEnabled,
  lowFrequency: strip.eqLowFrequency,
  lowGainDb: strip.eqLowGainDb,
  midFrequency: strip.eqMidFrequency,
  midGainDb: strip.eqMidGainDb,
  midQ: strip.eqMidQ,
  highFrequency: strip.eqHighFrequency,
  highGainDb: strip.eqHighGainDb,
});

const compressorOf = (strip: ChannelStrip): CompressorSettings => ({
  enabled: strip.compressorEnabled,
  thresholdDb: strip.compressorThresholdDb,
  ratio: strip.compressorRatio,
  kneeDb: strip.compressorKneeDb,
  attackMs: strip.compressorAttackMs,
  releaseMs: strip.compressorReleaseMs,
  makeupGainDb: strip.compressorMakeupGainDb,
});

/** "Save this strip as a preset": its input gain, EQ, compressor and audible sends to the effect returns. */
export function channelStripPresetFromStrip(strip: ChannelStrip, sends: Partial<Record<PresetSendTarget, { levelDb: number; preFader: boolean }>>): ChannelStripPresetParameters {
  return {
    inputGainDb: strip.inputGainDb,
    eq: eqOf(strip),
    compressor: compressorOf(strip),
    sends: PRESET_SEND_TARGETS.flatMap((target) => {
      const send = sends[target];
      return send && send.levelDb > silentSendDb ? [{ target, levelDb: send.levelDb, preFader: send.preFader }] : [];
    }),
  };
}

/** "Save the master as a mastering preset": its EQ, compressor and limiter, with the export's loudness target. */
export function masteringPresetFromMaster(master: Master, targetLufs: number): MasteringPresetParameters {
  return {
    eq: eqOf(master),
    compressor: compressorOf(master),
    limiter: { enabled: master.limiterEnabled, ceilingDb: master.limiterCeilingDb, releaseMs: master.limiterReleaseMs },
    targetLufs,
  };
}
