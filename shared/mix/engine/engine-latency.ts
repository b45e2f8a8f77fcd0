import type { EngineConfig } from './engine-config.ts';
import { limiterLatencyFrames } from './strip-processor.ts';

/** When a strip's signal arrives at its input, and when it leaves its output, in frames behind the song position. */
export interface StripLatency {
  /** The slowest path into the strip; faster inputs are delayed to match. */
  readonly input: number;
  /** Input plus the strip's own limiter lookahead. */
  readonly output: number;
}

/**
 * Delay compensation: limiters look ahead, so a limited strip's output lags
 * its input by lookahead + 44 frames. Where paths of different latency meet
 * (a limited track and an unlimited one on the same bus, a dry track and its
 * own send to a reverb) the faster ones are delayed to the slowest, so
 * nothing smears or comb-filters. Pre-fader sends leave before the limiter,
 * so they carry the strip's input latency. (A sidechain key is not
 * re-aligned: being a few milliseconds early only makes the compressor react
 * sooner.) The master's output latency is the engine's, which offline
 * renders trim.
 */
export function stripLatencies(config: EngineConfig, sampleRate: number): Map<string, StripLatency> {
  const limiterLatency = limiterLatencyFrames(sampleRate);
  const incoming = new Map<string, number>();
  const latencies = new Map<string, StripLatency>();
  const feed = (target: string, latency: number) => incoming.set(target, Math.max(incoming.get(target) ?? 0, latency));
  // config.strips is in processing order, so every input is final before its target is reached.
  for (const strip of config.strips) {
    const input = incoming.get(strip.id) ?? 0;
    const output = input + (strip.limiterEnabled ? limiterLatency : 0);
    latencies.set(strip.id, { input, output });
    if (strip.outputId !== '') feed(strip.outputId, output);
    for (const send of config.sends) if (send.sourceId === strip.id) feed(send.targetId, send.preFader ? input : output);
  }
  return latencies;
}

/** The engine's output latency (the master's path latency) in frames. */
export function outputLatencyFrames(config: EngineConfig, sampleRate: number): number {
  const master = config.strips[config.strips.length - 1];
  return master ? (stripLatencies(config, sampleRate).get(master.id)?.output ?? 0) : 0;
}
