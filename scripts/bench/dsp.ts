import { Compressor } from '../../shared/dsp/compressor.ts';
import { dbToGain } from '../../shared/dsp/decibels.ts';
import { Fader } from '../../shared/dsp/fader.ts';
import { ThreeBandEq } from '../../shared/dsp/three-band-eq.ts';
import { parseMix } from '../../shared/mix/mix-document.ts';
import { createDemoSong, type DemoSong } from '../../shared/mix/engine/demo-song.ts';
import { toEngineConfig, type EngineConfig } from '../../shared/mix/engine/engine-config.ts';
import { MixRenderer } from '../../shared/mix/engine/mix-renderer.ts';
import { printTable } from './stats.ts';

const sampleRate = 48000;
const quantum = 128;

/** Renders `seconds` of the song through the engine's render core, 128 frames at a time, with meters on as in the worklet. */
function timeEngine(config: EngineConfig, song: DemoSong, seconds: number): number {
  const renderer = new MixRenderer({ sampleRate, blockFrames: quantum, metersPerSecond: 60 });
  renderer.configure(config);
  for (const [id, channels] of song.assets) renderer.setAsset(id, channels);
  renderer.schedule([{ frame: 0, event: { target: 'transport', command: 'play' } }]);
  const left = new Float32Array(quantum);
  const right = new Float32Array(quantum);
  const blocks = Math.round((seconds * sampleRate) / quantum);
  const started = performance.now();
  for (let block = 0; block < blocks; block++) renderer.process(left, right, quantum, block * quantum);
  return performance.now() - started;
}

/**
 * The naive alternative the engine replaces: a graph of one processor per
 * effect per track (as with one AudioNode per effect), each stage writing a
 * fresh buffer every quantum and every stage running whether or not it does
 * anything. Same kernels, same clip audio; no buses, sends or meters, so it
 * does strictly less work than the engine rows.
 */
function timeNaive(song: DemoSong, trackCount: number, seconds: number): number {
  const sources = [...song.assets.values()];
  const tracks = Array.from({ length: trackCount }, (_, index) => ({
    source: sources[index % sources.length]!,
    eqLeft: new ThreeBandEq(sampleRate, { lowFrequency: 120, lowGainDb: 2, midFrequency: 1000, midGainDb: -1, midQ: 0.7, highFrequency: 8000, highGainDb: 1 }),
    eqRight: new ThreeBandEq(sampleRate, { lowFrequency: 120, lowGainDb: 2, midFrequency: 1000, midGainDb: -1, midQ: 0.7, highFrequency: 8000, highGainDb: 1 }),
    compressor: new Compressor(sampleRate),
    fader: new Fader(sampleRate, -6),
  }));
  const blocks = Math.round((seconds * sampleRate) / quantum);
  const inputGain = dbToGain(0);
  const started = performance.now();
  for (let block = 0; block < blocks; block++) {
    const masterLeft = new Float32Array(quantum);
    const masterRight = new Float32Array(quantum);
    const start = block * quantum;
    for (const track of tracks) {
      const sourceLeft = track.source[0]!;
      const sourceRight = track.source[1] ?? sourceLeft;
      const left = sourceLeft.slice(start, start + quantum).map((sample) => sample * inputGain);
      const right = sourceRight.slice(start, start + quantum).map((sample) => sample * inputGain);
      const eqLeft = new Float32Array(quantum);
      const eqRight = new Float32Array(quantum);
      track.eqLeft.process(left, eqLeft, left.length);
      track.eqRight.process(right, eqRight, right.length);
      const compressed = [Float32Array.from(eqLeft), Float32Array.from(eqRight)];
      track.compressor.process(compressed, quantum);
      track.fader.process(compressed, quantum);
      for (let index = 0; index < compressed[0]!.length; index++) {
        masterLeft[index]! += compressed[0]![index]!;
        masterRight[index]! += compressed[1]![index]!;
      }
    }
  }
  return performance.now() - started;
}

/**
 * Mix engine cost: milliseconds of one core per track per second of audio
 * for the render core (the demo song: EQ, compressors, a sidechain, sends
 * into reverb and delay returns, a group bus, master EQ/compressor/limiter,
 * meters and analyser) at 8, 32 and 64 tracks, the real-time factor, the
 * cost of each track beyond the fixed buses-and-master cost, and the naive
 * node-per-effect reference beside it.
 */
export function benchDsp(seconds = 10, runs = 3): string {
  const rows: Array<Record<string, string | number>> = [];
  // Fastest of `runs`: the machine is shared, and the minimum is the least disturbed measurement.
  const fastest = (run: () => number) => Math.min(...Array.from({ length: runs }, run));
  // The buses and master alone (reverb, delay, limiter, loudness meter, analyser): the fixed cost every mix pays.
  const empty = createDemoSong({ sampleRate, durationSeconds: 1, trackCount: 0 });
  const emptyConfig = toEngineConfig(parseMix(empty.document).mix);
  timeEngine(emptyConfig, empty, 1);
  const fixedMs = fastest(() => timeEngine(emptyConfig, empty, seconds));
  for (const trackCount of [8, 32, 64]) {
    const song = createDemoSong({ sampleRate, durationSeconds: seconds, trackCount });
    const config = toEngineConfig(parseMix(song.document).mix);
    // Warm up the JIT on a short pass before timing.
    timeEngine(config, song, 1);
    timeNaive(song, trackCount, 1);
    const engineMs = fastest(() => timeEngine(config, song, seconds));
    const naiveMs = fastest(() => timeNaive(song, trackCount, seconds));
    rows.push({
      tracks: trackCount,
      'audio s': seconds,
      'engine ms': engineMs,
      'engine ms/track/s': engineMs / trackCount / seconds,
      'per extra track ms/s': (engineMs - fixedMs) / trackCount / seconds,
      'engine × real time': (seconds * 1000) / engineMs,
      'engine % of a core': (engineMs / (seconds * 1000)) * 100,
      'naive ms/track/s': naiveMs / trackCount / seconds,
      'naive × real time': (seconds * 1000) / naiveMs,
    });
  }
  return printTable(
    `Mix engine render core, ${sampleRate} Hz, ${quantum}-frame quanta, fastest of ${runs} (Node ${process.version}); buses + master alone: ${((fixedMs / (seconds * 1000)) * 100).toFixed(1)}% of a core`,
    rows,
  );
}
