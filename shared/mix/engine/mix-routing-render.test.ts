import { describe, expect, it } from 'vitest';
import { parseMix } from '../mix-document.ts';
import type { AssetChannels } from './clip-player.ts';
import { toEngineConfig } from './engine-config.ts';
import type { TimedEvent } from './engine-protocol.ts';
import { MixRenderer } from './mix-renderer.ts';
import { renderOffline } from './render-offline.ts';

/**
 * Signal-flow behaviours of the renderer, checked as signal properties:
 * sends tap before or after the fader, a sidechain ducks, EQ sweeps glide,
 * a reconfiguration keeps tails, the metronome clicks on the beat.
 */

const sampleRate = 48000;

function constant(value: number, seconds = 1): AssetChannels {
  return [new Float32Array(Math.round(seconds * sampleRate)).fill(value)];
}

function sine(hz: number, amplitude = 0.5, seconds = 1): AssetChannels {
  return [Float32Array.from({ length: Math.round(seconds * sampleRate) }, (_, index) => amplitude * Math.sin((2 * Math.PI * hz * index) / sampleRate))];
}

function render(document: Record<string, unknown>, assets: Record<string, AssetChannels>, seconds: number, events: TimedEvent[] = []) {
  return renderOffline(toEngineConfig(parseMix({ master: { limiterEnabled: false }, ...document }).mix), new Map(Object.entries(assets)), { sampleRate, durationSeconds: seconds, events });
}

function rms(samples: Float32Array, from: number, to: number): number {
  let sum = 0;
  for (let index = from; index < to; index++) sum += samples[index]! * samples[index]!;
  return Math.sqrt(sum / (to - from));
}

describe('sends', () => {
  // A track at -96 dB fader (closed) with a send to a plain bus: only the pre-fader send is heard.
  const withSend = (preFader: boolean) =>
    render(
      {
        tracks: { t: { faderDb: -96 } },
        buses: { b: {} },
        sends: { s: { sourceId: 't', targetBusId: 'b', levelDb: -6, preFader } },
        clips: { c: { trackId: 't', assetId: 'a', durationSeconds: 1 } },
      },
      { a: constant(0.5) },
      0.2,
    );

  it('taps a pre-fader send before the fader', () => {
    const output = withSend(true);
    expect(output.left[5000]).toBeCloseTo(0.5 * 10 ** (-6 / 20), 6);
  });

  it('taps a post-fader send after the fader', () => {
    const output = withSend(false);
    expect(output.left[5000]).toBe(0);
  });

  it('silences a muted track everywhere, its pre-fader sends included', () => {
    const output = render(
      {
        tracks: { t: { mute: true } },
        buses: { b: {} },
        sends: { s: { sourceId: 't', targetBusId: 'b', levelDb: 0, preFader: true } },
        clips: { c: { trackId: 't', assetId: 'a', durationSeconds: 1 } },
      },
      { a: constant(0.5) },
      0.1,
    );
    expect(Math.max(...output.left.map(Math.abs))).toBe(0);
  });
});

describe('delay compensation', () => {
  it('lines an unlimited track up with a limited one on the same bus', () => {
    const source = sine(440, 0.25)[0]!;
    const output = render(
      {
        tracks: { limited: { limiterEnabled: true, limiterCeilingDb: 0 }, plain: {} },
        clips: {
          a: { trackId: 'limited', assetId: 'a', durationSeconds: 1 },
          b: { trackId: 'plain', assetId: 'a', durationSeconds: 1 },
        },
      },
      { a: [source] },
      0.5,
    );
    expect(output.latencyFrames).toBeGreaterThan(44);
    // The limiter does not act on a -12 dBFS sine, so aligned paths sum to exactly twice the source.
    for (let index = 0; index < 0.5 * sampleRate; index++) expect(Math.abs(output.left[index]! - 2 * source[index]!)).toBeLessThan(1e-6);
  });

  it('delays a bus fed by a pre-fader send (taken before the limiter) to meet the limited paths', () => {
    const source = sine(440, 0.25)[0]!;
    const document = (preFader: boolean) => ({
      tracks: { t: { limiterEnabled: true, limiterCeilingDb: 0, faderDb: -96 }, u: { limiterEnabled: true, limiterCeilingDb: 0 } },
      buses: { b: { } },
      sends: { s: { sourceId: 't', targetBusId: 'b', levelDb: 0, preFader } },
      clips: { a: { trackId: 't', assetId: 'a', durationSeconds: 1 }, b: { trackId: 'u', assetId: 'a', durationSeconds: 1 } },
    });
    // Pre-fader: t's send (before its limiter) is delayed to meet u's limited output at the master.
    const output = render(document(true), { a: [source] }, 0.5);
    for (let index = 0; index < 0.5 * sampleRate; index++) expect(Math.abs(output.left[index]! - 2 * source[index]!)).toBeLessThan(1e-6);
  });
});

describe('sidechain', () => {
  it('ducks a track under its key and recovers when the key stops', () => {
    // The key plays into a muted bus: unheard, but its post-fader signal still keys the pad's compressor.
    const document = (withKey: boolean) => ({
      tracks: {
        key: { outputId: 'sink' },
        pad: { compressorEnabled: true, compressorSidechainId: 'key', compressorThresholdDb: -30, compressorRatio: 10, compressorKneeDb: 0, compressorAttackMs: 1, compressorReleaseMs: 20 },
      },
      buses: { sink: { mute: true } },
      clips: {
        ...(withKey ? { keyClip: { trackId: 'key', assetId: 'key', durationSeconds: 0.5 } } : {}),
        padClip: { trackId: 'pad', assetId: 'pad', durationSeconds: 1 },
      },
    });
    const assets = { key: constant(0.9, 0.5), pad: sine(220, 0.1) };
    const plain = render(document(false), assets, 1);
    const keyed = render(document(true), assets, 1);
    const open = rms(plain.left, 0.1 * sampleRate, 0.4 * sampleRate);
    const ducked = rms(keyed.left, 0.1 * sampleRate, 0.4 * sampleRate);
    expect(open).toBeGreaterThan(0.05);
    // 0.9 is 29 dB over the threshold: 10:1 takes about 26 dB off.
    expect(20 * Math.log10(ducked / open)).toBeLessThan(-20);
    // After the key stops (and the 20 ms release), the pad is back at its level.
    expect(rms(keyed.left, 0.8 * sampleRate, sampleRate)).toBeCloseTo(rms(plain.left, 0.8 * sampleRate, sampleRate), 4);
  });
});

describe('parameter glides', () => {
  it('sweeps an EQ boost without a step: the largest sample-to-sample change stays that of the sine', () => {
    const change: TimedEvent = { frame: 12_000, event: { target: 'strip', id: 't', field: 'eq', value: { lowFrequency: 120, lowGainDb: 0, midFrequency: 1000, midGainDb: 18, midQ: 1, highFrequency: 8000, highGainDb: 0 } } };
    const output = render({ tracks: { t: {} }, clips: { c: { trackId: 't', assetId: 'a', durationSeconds: 1 } } }, { a: sine(1000, 0.05) }, 0.5, [change]);
    // After the glide the sine is 18 dB louder (the peak's gain at its centre frequency).
    const before = rms(output.left, 6000, 12_000);
    const after = rms(output.left, 20_000, 24_000);
    expect(20 * Math.log10(after / before)).toBeCloseTo(18, 0);
    // Differences of a 1 kHz sine of amplitude A are at most A·2π·1000/48000; a coefficient step would spike above the final one.
    let largestStep = 0;
    for (let index = 12_000; index < 14_000; index++) largestStep = Math.max(largestStep, Math.abs(output.left[index]! - output.left[index - 1]!));
    expect(largestStep).toBeLessThanOrEqual(after * Math.SQRT2 * ((2 * Math.PI * 1000) / sampleRate) * 1.05);
  });
});

describe('switching a compressor', () => {
  it('crossfades in over 20 ms instead of stepping the level', () => {
    const change: TimedEvent = { frame: 10_000, event: { target: 'strip', id: 't', field: 'compressorEnabled', value: true } };
    const settings = { compressorThresholdDb: -30, compressorRatio: 20, compressorKneeDb: 0, compressorAttackMs: 0.1 };
    const output = render({ tracks: { t: settings }, clips: { c: { trackId: 't', assetId: 'a', durationSeconds: 1 } } }, { a: constant(0.8) }, 0.5, [change]);
    expect(output.left[9_999]).toBeCloseTo(0.8, 6);
    // Heavy compression takes ~28 dB off; spread over 960 samples no step exceeds a fraction of that.
    let largestStep = 0;
    for (let index = 10_000; index < 11_000; index++) largestStep = Math.max(largestStep, Math.abs(output.left[index]! - output.left[index - 1]!));
    expect(largestStep).toBeLessThan(0.8 / 500);
    expect(output.left[12_000]).toBeLessThan(0.05);
  });
});

describe('reconfiguration', () => {
  it('keeps a reverb tail ringing when the routing changes', () => {
    const document = {
      tracks: { t: {}, u: {} },
      buses: { verb: { } },
      sends: { s: { sourceId: 't', targetBusId: 'verb', levelDb: 0 } },
      inserts: { r: { kind: 'reverb', ownerId: 'verb', order: 'V', decaySeconds: 3, mix: 1 } },
      clips: { c: { trackId: 't', assetId: 'a', durationSeconds: 0.1 } },
    };
    const renderer = new MixRenderer({ sampleRate, metersPerSecond: 0 });
    renderer.configure(toEngineConfig(parseMix(document).mix));
    renderer.setAsset('a', constant(0.5, 0.1));
    renderer.schedule([{ frame: 0, event: { target: 'transport', command: 'play' } }]);
    const left = new Float32Array(128);
    const right = new Float32Array(128);
    let frame = 0;
    for (; frame < 0.3 * sampleRate; frame += 128) renderer.process(left, right, 128, frame);
    // Route the other track to a new bus: a structural change.
    renderer.configure(toEngineConfig(parseMix({ ...document, buses: { ...document.buses, group: {} }, tracks: { t: {}, u: { outputId: 'group' } } }).mix));
    renderer.process(left, right, 128, frame);
    expect(rms(left, 0, 128)).toBeGreaterThan(1e-3);
  });
});

describe('transport', () => {
  it('clicks on every beat when the metronome is on, and never in the master', () => {
    const events: TimedEvent[] = [{ frame: 0, event: { target: 'transport', command: 'metronome', enabled: true, levelDb: -6 } }];
    const output = render({ settings: { tempoBpm: 120 } }, {}, 2.1, events);
    // 120 bpm: beats every 24000 frames, each click starting exactly on its beat.
    for (const beat of [0, 1, 2, 3]) {
      const start = beat * 24_000;
      expect(rms(output.left, start, start + 480)).toBeGreaterThan(0.05);
      expect(rms(output.left, start + 12_000, start + 12_480)).toBe(0);
      if (beat > 0) expect(output.left[start - 1]).toBe(0);
    }
  });

  it('seeks on the exact frame', () => {
    const source = Float32Array.from({ length: sampleRate }, (_, index) => index / sampleRate);
    const events: TimedEvent[] = [{ frame: 1000, event: { target: 'transport', command: 'seek', positionSeconds: 0.5 } }];
    const output = render({ tracks: { t: {} }, clips: { c: { trackId: 't', assetId: 'a', durationSeconds: 1 } } }, { a: [source] }, 0.1, events);
    expect(output.left[999]).toBe(source[999]);
    expect(output.left[1000]).toBe(source[24_000]);
  });

  it('pauses and resumes where it stopped; stop returns to the start', () => {
    const source = Float32Array.from({ length: sampleRate }, (_, index) => (index + 1) / sampleRate);
    const events: TimedEvent[] = [
      { frame: 1000, event: { target: 'transport', command: 'pause' } },
      { frame: 2000, event: { target: 'transport', command: 'play' } },
      { frame: 3000, event: { target: 'transport', command: 'stop' } },
      { frame: 4000, event: { target: 'transport', command: 'play' } },
    ];
    const output = render({ tracks: { t: {} }, clips: { c: { trackId: 't', assetId: 'a', durationSeconds: 1 } } }, { a: [source] }, 0.1, events);
    expect(output.left[1500]).toBe(0);
    expect(output.left[2000]).toBe(source[1000]);
    expect(output.left[3500]).toBe(0);
    expect(output.left[4000]).toBe(source[0]);
  });
});
