import type { EngineConfig } from './engine-config.ts';
import { limiterLatencyFrames } from './strip-processor.ts';

/**
 * Frames by which each strip's output lags the song position: its own
 * limiter's lookahead plus the slowest path into it. The master's figure is
 * the engine's output latency, which export trims and the transport display
 * may subtract. Parallel paths of different latency are not re-aligned (no
 * delay compensation inside the mix yet): a limiter on a track that also
 * feeds a reverb bus shifts the dry signal 2.4 ms against the wet one.
 */
export function stripLatencies(config: EngineConfig, sampleRate: number): Map<string, number> {
  const limiterLatency = limiterLatencyFrames(sampleRate);
  const incoming = new Map<string, number>();
  const latencies = new Map<string, number>();
  const feed = (target: string, latency: number) => incoming.set(target, Math.max(incoming.get(target) ?? 0, latency));
  // config.strips is in processing order, so every input is final before its target is reached.
  for (const strip of config.strips) {
    const latency = (incoming.get(strip.id) ?? 0) + (strip.limiterEnabled ? limiterLatency : 0);
    latencies.set(strip.id, latency);
    if (strip.outputId !== '') feed(strip.outputId, latency);
    for (const send of config.sends) if (send.sourceId === strip.id) feed(send.targetId, latency);
  }
  return latencies;
}

/** The engine's output latency (the master's path latency) in frames. */
export function outputLatencyFrames(config: EngineConfig, sampleRate: number): number {
  const master = config.strips[config.strips.length - 1];
  return master ? (stripLatencies(config, sampleRate).get(master.id) ?? 0) : 0;
}
