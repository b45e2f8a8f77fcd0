import { parseMix, type Mix } from '../../../shared/mix/mix-document.ts';
import { masterId } from '../../../shared/mix/mix-entities.ts';
import { createDemoSong } from '../../../shared/mix/engine/demo-song.ts';
import { toEngineConfig, type EngineConfig } from '../../../shared/mix/engine/engine-config.ts';
import type { ChannelStrip } from '../../../shared/mix/channel-strip.ts';

/**
 * The mix both sides of the Chromium benchmark render: N stereo tracks, every
 * one with a full strip (input gain, 3-band EQ, compressor, pan, fader) and
 * two post-fader sends, into a reverb bus and a delay bus, and the master
 * (EQ, compressor, limiter). Built from the demo song, with every optional
 * stage switched on so neither engine can skip work, and one plan the native
 * Web Audio graph is built from, taken from the same parsed document.
 */

/** Distinct clip sources; tracks reuse them round-robin so 64 tracks do not need 64 × 7 MB of audio in the page. */
export const benchSourceCount = 5;

export interface NativeStrip {
  readonly inputGainDb: number;
  readonly eq: {
    readonly lowFrequency: number;
    readonly lowGainDb: number;
    readonly midFrequency: number;
    readonly midGainDb: number;
    readonly midQ: number;
    readonly highFrequency: number;
    readonly highGainDb: number;
  };
  readonly compressor: { readonly enabled: boolean; readonly thresholdDb: number; readonly ratio: number; readonly kneeDb: number; readonly attackMs: number; readonly releaseMs: number };
  readonly limiterEnabled: boolean;
  readonly limiterCeilingDb: number;
  readonly faderDb: number;
  readonly pan: number;
}

export interface NativeTrack extends NativeStrip {
  readonly sourceIndex: number;
  readonly reverbSendDb: number;
  readonly delaySendDb: number;
}

/** Everything the native graph needs, as plain data for `page.evaluate`. */
export interface NativePlan {
  readonly tracks: readonly NativeTrack[];
  readonly reverb: NativeStrip & { readonly decaySeconds: number };
  readonly delay: NativeStrip & { readonly delaySeconds: number; readonly feedback: number };
  readonly master: NativeStrip;
}

export interface BenchMix {
  readonly config: EngineConfig;
  /** Source index of each engine asset id. */
  readonly assetSources: Readonly<Record<string, number>>;
  readonly native: NativePlan;
}

function nativeStrip(strip: ChannelStrip): NativeStrip {
  return {
    inputGainDb: strip.inputGainDb,
    eq: {
      lowFrequency: strip.eqLowFrequency,
      lowGainDb: strip.eqLowGainDb,
      midFrequency: strip.eqMidFrequency,
      midGainDb: strip.eqMidGainDb,
      midQ: strip.eqMidQ,
      highFrequency: strip.eqHighFrequency,
      highGainDb: strip.eqHighGainDb,
    },
    compressor: {
      enabled: strip.compressorEnabled,
      thresholdDb: strip.compressorThresholdDb,
      ratio: strip.compressorRatio,
      kneeDb: strip.compressorKneeDb,
      attackMs: strip.compressorAttackMs,
      releaseMs: strip.compressorReleaseMs,
    },
    limiterEnabled: strip.limiterEnabled,
    limiterCeilingDb: strip.limiterCeilingDb,
    faderDb: strip.faderDb,
    pan: strip.pan,
  };
}

/** The benchmark mix with `trackCount` tracks (0 = the buses and master alone) playing `durationSeconds`. */
export function createBenchMix(trackCount: number, durationSeconds: number): BenchMix {
  const song = createDemoSong({ sampleRate: 8000, durationSeconds: 0.01, trackCount });
  const document = structuredClone(song.document) as Record<string, Record<string, Record<string, unknown>>>;
  const tracks = document.tracks!;
  const clips = document.clips!;
  const sends: Record<string, Record<string, unknown>> = {};
  const assetSources: Record<string, number> = {};
  Object.entries(tracks).forEach(([id, track], index) => {
    Object.assign(track, {
      outputId: masterId,
      inputGainDb: -1 + (index % 3),
      eqLowGainDb: 2,
      eqMidGainDb: -2,
      eqHighGainDb: 1.5,
      compressorEnabled: true,
      compressorThresholdDb: -24,
      compressorRatio: 3,
      compressorSidechainId: '',
      pan: ((index % 9) - 4) / 5,
    });
    sends[`send-${id}-reverb`] = { sourceId: id, targetBusId: 'bus-reverb', levelDb: -12, preFader: false };
    sends[`send-${id}-delay`] = { sourceId: id, targetBusId: 'bus-delay', levelDb: -16, preFader: false };
    const assetId = `bench-source-${index % benchSourceCount}`;
    assetSources[assetId] = index % benchSourceCount;
    Object.assign(clips[`clip-${id}`]!, { assetId, durationSeconds, fadeInSeconds: 0, fadeOutSeconds: 0 });
  });
  document.sends = sends;
  // Only the two effect buses: the group bus has no counterpart in the native graph.
  delete document.buses!['bus-rhythm'];
  const { mix } = parseMix(document);
  return { config: toEngineConfig(mix), assetSources, native: nativePlan(mix) };
}

function nativePlan(mix: Mix): NativePlan {
  const sendLevel = (sourceId: string, busId: string) => Object.values(mix.sends).find((send) => send.sourceId === sourceId && send.targetBusId === busId)?.levelDb ?? -Infinity;
  const tracks = Object.values(mix.tracks)
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
    .map((track) => {
      const clip = Object.values(mix.clips).find((candidate) => candidate.trackId === track.id);
      return {
        ...nativeStrip(track),
        sourceIndex: Number(clip?.assetId.replace('bench-source-', '') ?? 0),
        reverbSendDb: sendLevel(track.id, 'bus-reverb'),
        delaySendDb: sendLevel(track.id, 'bus-delay'),
      };
    });
  const reverbInsert = Object.values(mix.inserts).find((insert) => insert.kind === 'reverb');
  const delayInsert = Object.values(mix.inserts).find((insert) => insert.kind === 'delay');
  const tempoBeat = 60 / mix.settings.tempoBpm;
  return {
    tracks,
    reverb: { ...nativeStrip(mix.buses['bus-reverb']!), decaySeconds: reverbInsert && 'decaySeconds' in reverbInsert ? reverbInsert.decaySeconds : 2 },
    // A dotted eighth, as in the demo song's delay insert.
    delay: { ...nativeStrip(mix.buses['bus-delay']!), delaySeconds: tempoBeat * 0.75, feedback: delayInsert && 'feedback' in delayInsert ? delayInsert.feedback : 0.4 },
    master: nativeStrip(mix.master),
  };
}
