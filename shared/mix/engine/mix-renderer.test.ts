import { describe, expect, it } from 'vitest';
import { measureTruePeak } from '../../dsp/true-peak.ts';
import { parseMix } from '../mix-document.ts';
import { createDemoSong } from './demo-song.ts';
import { toEngineConfig } from './engine-config.ts';
import type { TimedEvent } from './engine-protocol.ts';
import { MeterHeader } from './meter-layout.ts';
import { MixRenderer } from './mix-renderer.ts';
import { renderOffline } from './render-offline.ts';

const sampleRate = 48000;

/** One track playing `asset` straight to the master: every stage at unity. */
function unityMix(strip: Record<string, unknown> = {}, master: Record<string, unknown> = {}) {
  return toEngineConfig(
    parseMix({
      master: { limiterEnabled: false, ...master },
      tracks: { t: { ...strip } },
      clips: { c: { trackId: 't', assetId: 'a', startSeconds: 0, durationSeconds: 1 } },
    }).mix,
  );
}

function ramp(frames: number): Float32Array {
  return Float32Array.from({ length: frames }, (_, index) => Math.sin(index * 0.05) * 0.5);
}

function maxDifference(a: Float32Array, b: Float32Array, from = 0, to = a.length): number {
  let largest = 0;
  for (let index = from; index < to; index++) largest = Math.max(largest, Math.abs(a[index]! - b[index]!));
  return largest;
}

describe('MixRenderer', () => {
  it('passes a clip through a flat strip and master bit for bit', () => {
    const source = ramp(sampleRate);
    const render = renderOffline(unityMix(), new Map([['a', [source]]]), { sampleRate, durationSeconds: 1 });
    expect(render.latencyFrames).toBe(0);
    expect(maxDifference(render.left, source)).toBe(0);
    expect(maxDifference(render.right, source)).toBe(0);
  });

  it('renders the demo song identically every time, finite and under the limiter ceiling', () => {
    const song = createDemoSong({ sampleRate, durationSeconds: 3, trackCount: 8 });
    const config = toEngineConfig(parseMix(song.document).mix);
    const first = renderOffline(config, song.assets, { sampleRate, durationSeconds: 3 });
    const second = renderOffline(config, song.assets, { sampleRate, durationSeconds: 3 });
    expect(first.latencyFrames).toBeGreaterThan(0);
    expect(maxDifference(first.left, second.left)).toBe(0);
    expect(maxDifference(first.right, second.right)).toBe(0);
    expect(first.left.every(Number.isFinite)).toBe(true);
    const truePeakDb = 20 * Math.log10(measureTruePeak([first.left, first.right]));
    expect(truePeakDb).toBeLessThanOrEqual(-1);
    expect(truePeakDb).toBeGreaterThan(-12);
  });

  it('pans hard left with a balance law (right side silent, left at unity)', () => {
    const source = ramp(sampleRate);
    const render = renderOffline(unityMix({ pan: -1 }), new Map([['a', [source]]]), { sampleRate, durationSeconds: 0.5 });
    expect(maxDifference(render.left, source, 0, render.left.length)).toBeLessThan(1e-7);
    expect(Math.max(...render.right.map(Math.abs))).toBeLessThan(1e-7);
  });

  it('applies a timed change on its exact frame and ramps it (no step)', () => {
    const source = new Float32Array(sampleRate).fill(0.5);
    const change: TimedEvent = { frame: 1000, event: { target: 'strip', id: 't', field: 'faderDb', value: -96 } };
    const render = renderOffline(unityMix(), new Map([['a', [source]]]), { sampleRate, durationSeconds: 0.1, events: [change] });
    for (let index = 0; index < 1000; index++) expect(render.left[index]).toBe(0.5);
    expect(render.left[1000]).toBeLessThan(0.5);
    // 20 ms linear ramp down to silence: no sample jumps more than 0.5 / 960.
    for (let index = 1001; index < 1000 + 960; index++) expect(render.left[index - 1]! - render.left[index]!).toBeLessThan(0.5 / 900);
    expect(render.left[1000 + 960]).toBe(0);
  });

  it('mutes and solos tracks, keeping effect returns', () => {
    const source = ramp(sampleRate);
    const document = {
      master: { limiterEnabled: false },
      tracks: { a: { solo: true }, b: {} },
      clips: {
        ca: { trackId: 'a', assetId: 'a', durationSeconds: 1 },
        cb: { trackId: 'b', assetId: 'b', durationSeconds: 1 },
      },
    };
    const assets = new Map([
      ['a', [source]],
      ['b', [new Float32Array(sampleRate).fill(0.25)]],
    ]);
    const render = renderOffline(toEngineConfig(parseMix(document).mix), assets, { sampleRate, durationSeconds: 0.2 });
    expect(maxDifference(render.left, source, 0, render.left.length)).toBe(0);
  });

  it('loops the region sample-accurately', () => {
    const source = Float32Array.from({ length: sampleRate }, (_, index) => index / sampleRate);
    const loop: TimedEvent = { frame: 0, event: { target: 'transport', command: 'loop', enabled: true, startSeconds: 0.1, endSeconds: 0.2 } };
    const render = renderOffline(unityMix(), new Map([['a', [source]]]), { sampleRate, durationSeconds: 0.5, events: [loop] });
    const loopStart = 0.1 * sampleRate;
    const loopEnd = 0.2 * sampleRate;
    expect(render.left[loopEnd - 1]).toBe(source[loopEnd - 1]);
    expect(render.left[loopEnd]).toBe(source[loopStart]);
    expect(render.left[2 * loopEnd - loopStart + 5]).toBe(source[loopStart + 5]);
  });

  it('renders blocks longer than its buffers in pieces, identically', () => {
    const song = createDemoSong({ sampleRate, durationSeconds: 0.5 });
    const config = toEngineConfig(parseMix(song.document).mix);
    const reference = renderOffline(config, song.assets, { sampleRate, durationSeconds: 0.5 });
    const renderer = new MixRenderer({ sampleRate, blockFrames: 128, metersPerSecond: 0 });
    renderer.configure(config);
    for (const [id, channels] of song.assets) renderer.setAsset(id, channels);
    renderer.schedule([{ frame: 0, event: { target: 'transport', command: 'play' } }]);
    const left = new Float32Array(0.5 * sampleRate + reference.latencyFrames);
    const right = new Float32Array(left.length);
    renderer.process(left, right, left.length, 0);
    expect(maxDifference(left.subarray(reference.latencyFrames), reference.left)).toBe(0);
  });

  it('renders the same audio with meters off (export) as with meters on', () => {
    const song = createDemoSong({ sampleRate, durationSeconds: 0.5 });
    const config = toEngineConfig(parseMix(song.document).mix);
    const render = (metersPerSecond: number) => {
      const renderer = new MixRenderer({ sampleRate, metersPerSecond });
      renderer.configure(config);
      for (const [id, channels] of song.assets) renderer.setAsset(id, channels);
      renderer.schedule([{ frame: 0, event: { target: 'transport', command: 'play' } }]);
      const left = new Float32Array(180 * 128);
      const right = new Float32Array(left.length);
      for (let start = 0; start < left.length; start += 128) renderer.process(left.subarray(start, start + 128), right.subarray(start, start + 128), 128, start);
      return { left, right, meterValues: renderer.meterValues };
    };
    const metered = render(60);
    const unmetered = render(0);
    expect(maxDifference(metered.left, unmetered.left)).toBe(0);
    expect(maxDifference(metered.right, unmetered.right)).toBe(0);
    expect(unmetered.meterValues[MeterHeader.sequence]).toBe(0);
  });

  it('reports meters at 60 Hz with the transport position', () => {
    const song = createDemoSong({ sampleRate, durationSeconds: 1 });
    const renderer = new MixRenderer({ sampleRate });
    renderer.configure(toEngineConfig(parseMix(song.document).mix));
    for (const [id, channels] of song.assets) renderer.setAsset(id, channels);
    renderer.schedule([{ frame: 0, event: { target: 'transport', command: 'play' } }]);
    const left = new Float32Array(128);
    const right = new Float32Array(128);
    let frames = 0;
    for (let block = 0; block < sampleRate / 128; block++) if (renderer.process(left, right, 128, block * 128)) frames++;
    expect(frames).toBeGreaterThanOrEqual(59);
    const values = renderer.meterValues;
    expect(values[MeterHeader.playing]).toBe(1);
    expect(values[MeterHeader.transportFrame]).toBeGreaterThan(0.9 * sampleRate);
    expect(values[MeterHeader.momentaryLufs]).toBeGreaterThan(-40);
    expect(values[MeterHeader.masterTruePeakMaxDb]).toBeLessThanOrEqual(-1);
  });
});
