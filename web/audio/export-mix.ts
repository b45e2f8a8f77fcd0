import type { LoudnessMeasurement } from '../../shared/dsp/loudness.ts';
import { measureLoudness } from '../../shared/dsp/loudness.ts';
import type { Mix } from '../../shared/mix/mix-document.ts';
import { masterId } from '../../shared/mix/mix-entities.ts';
import type { AssetChannels } from '../../shared/mix/engine/clip-player.ts';
import { mixEndSeconds, toEngineConfig, type EngineConfig } from '../../shared/mix/engine/engine-config.ts';
import { StripRole } from '../../shared/mix/engine/strip-role.ts';
import { outputLatencyFrames } from '../../shared/mix/engine/engine-latency.ts';
import { engineProtocolVersion, mixProcessorName, type EngineProcessorOptions } from '../../shared/mix/engine/engine-protocol.ts';
import { offlineStartEvents, type StereoRender } from '../../shared/mix/engine/render-offline.ts';
import { masterToTarget, type MasteringTarget } from './mastering.ts';
import { encodeWav, type WavBitDepth } from './wav-encoder.ts';

/** What to render: a config, its audio (decoded at `sampleRate`), and the span. */
export interface RenderRequest {
  readonly config: EngineConfig;
  readonly assets: ReadonlyMap<string, AssetChannels>;
  readonly sampleRate: number;
  readonly durationSeconds: number;
}

/** Renders a request to stereo; the worklet in an OfflineAudioContext in the app, the Node renderer in tests. */
export type MixRenderFunction = (request: RenderRequest) => Promise<StereoRender>;

/**
 * Renders with the real engine — the same AudioWorklet processor that plays
 * the mix — in an OfflineAudioContext, as fast as the machine allows.
 * Initial state goes in `processorOptions`, so rendering needs no message
 * round trip; the engine's latency is rendered extra and trimmed.
 */
export function workletRenderer(processorUrl: string): MixRenderFunction {
  return async ({ config, assets, sampleRate, durationSeconds }) => {
    const latencyFrames = outputLatencyFrames(config, sampleRate);
    const frames = Math.max(1, Math.round(durationSeconds * sampleRate));
    const context = new OfflineAudioContext({ numberOfChannels: 2, length: frames + latencyFrames, sampleRate });
    await context.audioWorklet.addModule(processorUrl);
    const processorOptions: EngineProcessorOptions = {
      protocolVersion: engineProtocolVersion,
      config,
      assets: Object.fromEntries(assets) as Record<string, Float32Array[]>,
      events: offlineStartEvents(0),
      metersPerSecond: 0,
    };
    const node = new AudioWorkletNode(context, mixProcessorName, { numberOfInputs: 0, numberOfOutputs: 1, outputChannelCount: [2], processorOptions });
    node.connect(context.destination);
    const buffer = await context.startRendering();
    return { left: buffer.getChannelData(0).slice(latencyFrames), right: buffer.getChannelData(1).slice(latencyFrames), latencyFrames };
  };
}

/** Export settings, as the export dialog offers them. */
export interface ExportSettings {
  readonly sampleRate: 44100 | 48000;
  readonly bitDepth: WavBitDepth;
  /** Master to a loudness target, or export the mix as it is. */
  readonly mastering: MasteringTarget | null;
  /** Also export one WAV per track. */
  readonly stems: boolean;
  /** Seconds rendered after the last clip ends, for reverb and delay tails. */
  readonly tailSeconds?: number;
}

export interface ExportedFile {
  readonly fileName: string;
  readonly wav: Uint8Array<ArrayBuffer>;
  readonly loudness: LoudnessMeasurement;
}

export interface ExportResult {
  readonly mix: ExportedFile;
  readonly stems: readonly ExportedFile[];
  /** Gain the mastering step applied and the loudness before it; null when not mastered. */
  readonly mastering: { readonly gainDb: number; readonly before: LoudnessMeasurement } | null;
}

/**
 * A stem: the mix with only `trackId` soloed, so its sends and the buses it
 * feeds are included, and with the master's dynamics bypassed, so the stems
 * add up to the mix before its bus compression and limiting.
 */
export function stemConfig(config: EngineConfig, trackId: string): EngineConfig {
  return {
    ...config,
    strips: config.strips.map((strip) => {
      if (strip.role === StripRole.track) return { ...strip, solo: strip.id === trackId };
      if (strip.role === StripRole.master) return { ...strip, compressorEnabled: false, limiterEnabled: false };
      return strip;
    }),
  };
}

function fileSafe(name: string): string {
  return name.normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'track';
}

/**
 * The Finisher's export: renders the mix (and optionally every track as a
 * stem) faster than real time, optionally masters the mix to a loudness
 * target, and encodes WAV files. `assets` must be decoded at
 * `settings.sampleRate` (decode with an OfflineAudioContext at that rate).
 */
export async function exportMix(mix: Mix, assets: ReadonlyMap<string, AssetChannels>, settings: ExportSettings, render: MixRenderFunction): Promise<ExportResult> {
  const { sampleRate, bitDepth } = settings;
  const config = toEngineConfig(mix);
  const durationSeconds = mixEndSeconds(config) + (settings.tailSeconds ?? 2);
  const rendered = await render({ config, assets, sampleRate, durationSeconds });
  let channels = [rendered.left, rendered.right];
  let mastering: ExportResult['mastering'] = null;
  let loudness: LoudnessMeasurement;
  if (settings.mastering) {
    const result = masterToTarget(channels, sampleRate, settings.mastering);
    channels = result.channels;
    loudness = result.after;
    mastering = { gainDb: result.gainDb, before: result.before };
  } else {
    loudness = measureLoudness(channels, sampleRate);
  }
  // Dither 16-bit files (a fixed seed keeps exports repeatable); 24-bit needs none.
  const wavOptions = { dither: bitDepth === 16, seed: 1 };
  const exported: ExportedFile = { fileName: 'mix.wav', wav: encodeWav(channels, sampleRate, bitDepth, wavOptions), loudness };

  const stems: ExportedFile[] = [];
  if (settings.stems) {
    const tracks = Object.values(mix.tracks).sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1));
    for (const [index, track] of tracks.entries()) {
      if (track.id === masterId) continue;
      const stem = await render({ config: stemConfig(config, track.id), assets, sampleRate, durationSeconds });
      const stemChannels = [stem.left, stem.right];
      stems.push({
        fileName: `${String(index + 1).padStart(2, '0')}-${fileSafe(track.name)}.wav`,
        wav: encodeWav(stemChannels, sampleRate, bitDepth, wavOptions),
        loudness: measureLoudness(stemChannels, sampleRate),
      });
    }
  }
  return { mix: exported, stems, mastering };
}
