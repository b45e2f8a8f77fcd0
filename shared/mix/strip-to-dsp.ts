import type { CompressorParameters } from '../dsp/compressor.ts';
import type { ReverbParameters } from '../dsp/algorithmic-reverb.ts';
import type { StereoDelayParameters } from '../dsp/stereo-delay.ts';
import type { ThreeBandEqParameters } from '../dsp/three-band-eq.ts';
import type { TruePeakLimiterParameters } from '../dsp/true-peak-limiter.ts';
import { NoteDivision, NoteModifier, noteDurationSeconds } from '../dsp/tempo-sync.ts';
import type { ChannelStrip } from './channel-strip.ts';
import { NoteDivisionName, type DelayInsert, type MixSettings, type ReverbInsert } from './mix-entities.ts';

/**
 * Translations from the mix document to the DSP kernels' parameter objects,
 * so the worklet engine and offline export configure processors the same
 * way. The document stores what the user sees (a note value, a knob in dB);
 * the kernels take physical quantities.
 */

/** EQ settings; a bypassed EQ is expressed as 0 dB gains so the filters stay warm. */
export function eqParameters(strip: ChannelStrip): ThreeBandEqParameters {
  return {
    lowFrequency: strip.eqLowFrequency,
    lowGainDb: strip.eqEnabled ? strip.eqLowGainDb : 0,
    midFrequency: strip.eqMidFrequency,
    midGainDb: strip.eqEnabled ? strip.eqMidGainDb : 0,
    midQ: strip.eqMidQ,
    highFrequency: strip.eqHighFrequency,
    highGainDb: strip.eqEnabled ? strip.eqHighGainDb : 0,
  };
}

/** Compressor settings (enabling is the engine's routing decision). */
export function compressorParameters(strip: ChannelStrip): CompressorParameters {
  return {
    thresholdDb: strip.compressorThresholdDb,
    ratio: strip.compressorRatio,
    kneeDb: strip.compressorKneeDb,
    attackMs: strip.compressorAttackMs,
    releaseMs: strip.compressorReleaseMs,
    makeupGainDb: strip.compressorMakeupGainDb,
  };
}

/** Limiter settings (enabling is the engine's routing decision). */
export function limiterParameters(strip: ChannelStrip): TruePeakLimiterParameters {
  return { ceilingDb: strip.limiterCeilingDb, releaseMs: strip.limiterReleaseMs };
}

const divisionValue: Record<NoteDivisionName, NoteDivision> = {
  [NoteDivisionName.whole]: NoteDivision.whole,
  [NoteDivisionName.half]: NoteDivision.half,
  [NoteDivisionName.quarter]: NoteDivision.quarter,
  [NoteDivisionName.eighth]: NoteDivision.eighth,
  [NoteDivisionName.sixteenth]: NoteDivision.sixteenth,
  [NoteDivisionName.thirtySecond]: NoteDivision.thirtySecond,
};

/** Delay settings; a tempo-synced time follows the project tempo. */
export function delayParameters(insert: DelayInsert, settings: MixSettings): StereoDelayParameters {
  const timeSeconds = insert.tempoSync
    ? noteDurationSeconds(settings.tempoBpm, divisionValue[insert.division], NoteModifier[insert.modifier])
    : insert.timeSeconds;
  return {
    timeSeconds,
    feedback: insert.feedback,
    lowCutHz: insert.lowCutHz,
    highCutHz: insert.highCutHz,
    pingPong: insert.pingPong,
    mix: insert.enabled ? insert.mix : 0,
  };
}

/** Reverb settings; a disabled insert is expressed as mix 0. */
export function reverbParameters(insert: ReverbInsert): ReverbParameters {
  return {
    preDelaySeconds: insert.preDelaySeconds,
    decaySeconds: insert.decaySeconds,
    damping: insert.damping,
    size: insert.size,
    mix: insert.enabled ? insert.mix : 0,
  };
}
