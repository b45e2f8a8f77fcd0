import type { AssetChannels } from './clip-player.ts';
import type { EngineConfig } from './engine-config.ts';
import { outputLatencyFrames } from './engine-latency.ts';
import type { TimedEvent } from './engine-protocol.ts';
import { MixRenderer } from './mix-renderer.ts';

export interface OfflineRenderOptions {
  readonly sampleRate: number;
  readonly durationSeconds: number;
  /** Song position the render starts from. */
  readonly startSeconds?: number;
  /** Render quantum; 128 like Web Audio, so Node and the worklet split blocks identically. */
  readonly blockFrames?: number;
  /** Extra timed events (frame 0 = the first rendered frame, before latency trimming). */
  readonly events?: readonly TimedEvent[];
}

/** A stereo render. */
export interface StereoRender {
  readonly left: Float32Array;
  readonly right: Float32Array;
  /** Frames trimmed from the start (the engine's output latency). */
  readonly latencyFrames: number;
}

/**
 * The events that start an offline render: seek to the start, then play,
 * both at frame 0. The worklet export sends exactly these, so both renders
 * follow the same path.
 */
export function offlineStartEvents(startSeconds: number): TimedEvent[] {
  return [
    { frame: 0, event: { target: 'transport', command: 'seek', positionSeconds: startSeconds } },
    { frame: 0, event: { target: 'transport', command: 'play' } },
  ];
}

/**
 * Renders a mix in Node (or any JS thread) with the same renderer the
 * AudioWorklet runs, block by block, and trims the engine's latency so the
 * first output frame is the song's `startSeconds`.
 */
export function renderOffline(config: EngineConfig, assets: ReadonlyMap<string, AssetChannels>, options: OfflineRenderOptions): StereoRender {
  const { sampleRate } = options;
  const blockFrames = options.blockFrames ?? 128;
  const renderer = new MixRenderer({ sampleRate, blockFrames, metersPerSecond: 0 });
  renderer.configure(config);
  for (const [assetId, channels] of assets) renderer.setAsset(assetId, channels);
  renderer.schedule([...offlineStartEvents(options.startSeconds ?? 0), ...(options.events ?? [])]);
  const latencyFrames = outputLatencyFrames(config, sampleRate);
  const frames = Math.round(options.durationSeconds * sampleRate);
  const total = frames + latencyFrames;
  const left = new Float32Array(total);
  const right = new Float32Array(total);
  const blockLeft = new Float32Array(blockFrames);
  const blockRight = new Float32Array(blockFrames);
  for (let start = 0; start < total; start += blockFrames) {
    renderer.process(blockLeft, blockRight, blockFrames, start);
    const count = Math.min(blockFrames, total - start);
    left.set(blockLeft.subarray(0, count), start);
    right.set(blockRight.subarray(0, count), start);
  }
  return { left: left.slice(latencyFrames), right: right.slice(latencyFrames), latencyFrames };
}
