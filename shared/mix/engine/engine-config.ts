import type { CompressorParameters } from '../../dsp/compressor.ts';
import type { ReverbParameters } from '../../dsp/algorithmic-reverb.ts';
import type { StereoDelayParameters } from '../../dsp/stereo-delay.ts';
import type { ThreeBandEqParameters } from '../../dsp/three-band-eq.ts';
import type { TruePeakLimiterParameters } from '../../dsp/true-peak-limiter.ts';
import type { ChannelStrip } from '../channel-strip.ts';
import type { Mix } from '../mix-document.ts';
import { masterId } from '../mix-entities.ts';
import { processingOrder } from '../mix-routing.ts';
import { compressorParameters, delayParameters, eqParameters, limiterParameters, reverbParameters } from '../strip-to-dsp.ts';
import { StripRole } from './strip-role.ts';

/**
 * The mix as the engine sees it: strips in processing order with their DSP
 * settings already translated from the document (`strip-to-dsp.ts`). The
 * translation runs on the main thread so the AudioWorklet bundle needs no
 * zod and no document model, only these plain records and `shared/dsp`.
 * Everything here survives structured cloning.
 */

export interface EngineStrip {
  readonly id: string;
  readonly role: StripRole;
  /** Bus or master this strip feeds ('' for the master itself). */
  readonly outputId: string;
  /** Strip whose post-fader output keys the compressor; '' for its own signal. */
  readonly sidechainId: string;
  readonly inputGainDb: number;
  readonly phaseInvert: boolean;
  readonly eq: ThreeBandEqParameters;
  readonly compressorEnabled: boolean;
  readonly compressor: CompressorParameters;
  readonly limiterEnabled: boolean;
  readonly limiter: TruePeakLimiterParameters;
  readonly faderDb: number;
  readonly pan: number;
  readonly mute: boolean;
  readonly solo: boolean;
}

export type EngineInsert =
  | { readonly id: string; readonly ownerId: string; readonly kind: 'delay'; readonly parameters: StereoDelayParameters }
  | { readonly id: string; readonly ownerId: string; readonly kind: 'reverb'; readonly parameters: ReverbParameters };

export interface EngineSend {
  readonly id: string;
  readonly sourceId: string;
  readonly targetId: string;
  readonly levelDb: number;
  readonly preFader: boolean;
}

export interface EngineClip {
  readonly id: string;
  readonly trackId: string;
  readonly assetId: string;
  readonly startSeconds: number;
  readonly durationSeconds: number;
  readonly sourceOffsetSeconds: number;
  readonly gainDb: number;
  readonly fadeInSeconds: number;
  readonly fadeOutSeconds: number;
}

export interface EngineConfig {
  /** Every strip, master last, each after all strips feeding it. */
  readonly strips: readonly EngineStrip[];
  /** Inserts in their owner's processing order. */
  readonly inserts: readonly EngineInsert[];
  /** Enabled sends only (enabling a send can change the processing order). */
  readonly sends: readonly EngineSend[];
  /** Unmuted clips, sorted by start time. */
  readonly clips: readonly EngineClip[];
  readonly tempoBpm: number;
  readonly beatsPerBar: number;
}

function engineStrip(id: string, role: StripRole, outputId: string, strip: ChannelStrip): EngineStrip {
  return {
    id,
    role,
    outputId,
    sidechainId: strip.compressorSidechainId,
    inputGainDb: strip.inputGainDb,
    phaseInvert: strip.phaseInvert,
    eq: eqParameters(strip),
    compressorEnabled: strip.compressorEnabled,
    compressor: compressorParameters(strip),
    limiterEnabled: strip.limiterEnabled,
    limiter: limiterParameters(strip),
    faderDb: strip.faderDb,
    pan: strip.pan,
    mute: strip.mute,
    solo: strip.solo,
  };
}

function byKey<T>(key: (value: T) => string): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/**
 * Translates a parsed mix (from `parseMix`, so acyclic and with no dangling
 * references) into the engine's configuration. Deterministic: the same mix
 * always gives the same config, in the same order, on every replica.
 */
export function toEngineConfig(mix: Mix): EngineConfig {
  const strips = processingOrder(mix).map((id) => {
    if (id === masterId) return engineStrip(masterId, StripRole.master, '', mix.master);
    const track = mix.tracks[id];
    if (track) return engineStrip(id, StripRole.track, track.outputId, track);
    const bus = mix.buses[id]!;
    return engineStrip(id, StripRole.bus, bus.outputId, bus);
  });
  const inserts = Object.values(mix.inserts)
    .sort(byKey((insert) => `${insert.ownerId}\u0000${insert.order}\u0000${insert.id}`))
    .map((insert): EngineInsert =>
      insert.kind === 'delay'
        ? { id: insert.id, ownerId: insert.ownerId, kind: 'delay', parameters: delayParameters(insert, mix.settings) }
        : { id: insert.id, ownerId: insert.ownerId, kind: 'reverb', parameters: reverbParameters(insert) },
    );
  const sends = Object.values(mix.sends)
    .filter((send) => send.enabled)
    .sort(byKey((send) => send.id))
    .map((send) => ({ id: send.id, sourceId: send.sourceId, targetId: send.targetBusId, levelDb: send.levelDb, preFader: send.preFader }));
  const clips = Object.values(mix.clips)
    .filter((clip) => !clip.muted)
    .sort((a, b) => a.startSeconds - b.startSeconds || (a.id < b.id ? -1 : 1))
    .map((clip) => ({
      id: clip.id,
      trackId: clip.trackId,
      assetId: clip.assetId,
      startSeconds: clip.startSeconds,
      durationSeconds: clip.durationSeconds,
      sourceOffsetSeconds: clip.sourceOffsetSeconds,
      gainDb: clip.gainDb,
      fadeInSeconds: clip.fadeInSeconds,
      fadeOutSeconds: clip.fadeOutSeconds,
    }));
  return { strips, inserts, sends, clips, tempoBpm: mix.settings.tempoBpm, beatsPerBar: mix.settings.beatsPerBar };
}

/** End of the last clip, in seconds (0 for an empty mix): where an export stops before its tail. */
export function mixEndSeconds(config: EngineConfig): number {
  let end = 0;
  for (const clip of config.clips) end = Math.max(end, clip.startSeconds + clip.durationSeconds);
  return end;
}
