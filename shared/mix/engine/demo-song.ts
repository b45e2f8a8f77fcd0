import { createRandom } from '../../lyrics/seeded-random.ts';
import type { AssetChannels } from './clip-player.ts';

/**
 * A synthesised demo song: a deterministic mix document and the audio its
 * clips play, generated in code (nothing downloaded). It exercises every
 * part of the engine — EQ, compression, a sidechain, pan, sends before and
 * after the fader into reverb and delay returns, a group bus, the master
 * EQ, compressor and limiter — so tests, the benchmark, the Chromium suite
 * and the console's demo all use it.
 */
export interface DemoSongOptions {
  readonly sampleRate: number;
  readonly durationSeconds: number;
  /** Number of tracks; instruments repeat with variations beyond five. */
  readonly trackCount?: number;
  readonly tempoBpm?: number;
  readonly seed?: number;
}

export interface DemoSong {
  /** Plain mix data, as a Y.Doc snapshot would hold it; read it with `parseMix`. */
  readonly document: Record<string, unknown>;
  readonly assets: Map<string, AssetChannels>;
}

const instruments = ['kick', 'hats', 'bass', 'pad', 'lead'] as const;
type Instrument = (typeof instruments)[number];

/** A minor pentatonic in A, as frequencies. */
const scale = [220, 261.63, 293.66, 329.63, 392, 440, 523.25, 587.33];

function synthesise(instrument: Instrument, variation: number, options: Required<Omit<DemoSongOptions, 'trackCount'>>): AssetChannels {
  const { sampleRate, durationSeconds, tempoBpm, seed } = options;
  const frames = Math.round(durationSeconds * sampleRate);
  const beat = 60 / tempoBpm;
  const random = createRandom(seed * 31 + variation * 7 + instruments.indexOf(instrument));
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  const detune = 1 + variation * 0.003;
  for (let frame = 0; frame < frames; frame++) {
    const time = frame / sampleRate;
    const beatIndex = Math.floor(time / beat);
    const sinceBeat = time - beatIndex * beat;
    let l = 0;
    let r = 0;
    switch (instrument) {
      case 'kick': {
        // A pitch-swept sine per beat.
        const envelope = Math.exp(-sinceBeat * 18);
        const phase = 2 * Math.PI * (45 * sinceBeat + (90 / 30) * (1 - Math.exp(-sinceBeat * 30)));
        l = r = 0.8 * envelope * Math.sin(phase * detune);
        break;
      }
      case 'hats': {
        const eighth = beat / 2;
        const sinceEighth = time % eighth;
        const envelope = Math.exp(-sinceEighth * 60);
        l = 0.25 * envelope * (random.next() * 2 - 1);
        r = 0.25 * envelope * (random.next() * 2 - 1);
        break;
      }
      case 'bass': {
        const note = scale[(beatIndex * 3 + variation) % 4]! / 4;
        const phase = (time * note * detune) % 1;
        const saw = 2 * phase - 1;
        l = r = 0.35 * saw * Math.min(1, sinceBeat * 200) * Math.exp(-sinceBeat * 2);
        break;
      }
      case 'pad': {
        const bar = Math.floor(beatIndex / 4);
        const root = scale[(bar + variation) % 3]! / 2;
        for (const [ratio, pan] of [[1, -0.5], [1.19, 0.5], [1.5, 0]] as const) {
          const value = 0.12 * Math.sin(2 * Math.PI * root * ratio * detune * time);
          l += value * (1 - pan) * 0.7;
          r += value * (1 + pan) * 0.7;
        }
        break;
      }
      case 'lead': {
        const eighth = beat / 2;
        const step = Math.floor(time / eighth);
        const note = scale[(step * 5 + variation * 2) % scale.length]! * detune;
        const sinceStep = time - step * eighth;
        const envelope = Math.min(1, sinceStep * 400) * Math.exp(-sinceStep * 6);
        const value = 0.3 * envelope * (Math.sin(2 * Math.PI * note * time) + 0.3 * Math.sin(4 * Math.PI * note * time));
        l = r = value;
        break;
      }
    }
    left[frame] = l;
    right[frame] = r;
  }
  // Mono instruments come as one channel, as a decoded mono file would.
  return instrument === 'hats' || instrument === 'pad' ? [left, right] : [left];
}

/** Builds the demo song; the same options always give the same document and audio. */
export function createDemoSong(options: DemoSongOptions): DemoSong {
  const settings = { tempoBpm: options.tempoBpm ?? 120, seed: options.seed ?? 1, sampleRate: options.sampleRate, durationSeconds: options.durationSeconds };
  const trackCount = options.trackCount ?? 5;
  const tracks: Record<string, unknown> = {};
  const clips: Record<string, unknown> = {};
  const sends: Record<string, unknown> = {};
  const assets = new Map<string, AssetChannels>();
  const trackLevelDb = -6 - 10 * Math.log10(Math.max(1, trackCount / 5));
  for (let index = 0; index < trackCount; index++) {
    const instrument = instruments[index % instruments.length]!;
    const variation = Math.floor(index / instruments.length);
    const id = `track-${String(index).padStart(3, '0')}`;
    const assetId = `asset-${instrument}-${variation}`;
    if (!assets.has(assetId)) assets.set(assetId, synthesise(instrument, variation, settings));
    tracks[id] = {
      name: `${instrument} ${variation + 1}`,
      order: `V${index.toString(36)}`,
      outputId: instrument === 'kick' || instrument === 'bass' ? 'bus-rhythm' : 'master',
      faderDb: trackLevelDb,
      pan: instrument === 'lead' ? 0.3 : instrument === 'hats' ? -0.25 : 0,
      eqLowGainDb: instrument === 'bass' ? 3 : instrument === 'pad' ? -4 : 0,
      eqHighGainDb: instrument === 'hats' ? 2 : 0,
      eqMidGainDb: instrument === 'lead' ? -2 : 0,
      compressorEnabled: instrument === 'bass' || instrument === 'lead',
      compressorThresholdDb: -20,
      // The bass ducks under the kick.
      compressorSidechainId: instrument === 'bass' ? `track-${String(index - 2).padStart(3, '0')}` : '',
    };
    clips[`clip-${id}`] = {
      trackId: id,
      assetId,
      startSeconds: 0,
      durationSeconds: options.durationSeconds,
      fadeInSeconds: 0.01,
      fadeOutSeconds: 0.05,
    };
    if (instrument === 'pad' || instrument === 'lead') sends[`send-${id}-reverb`] = { sourceId: id, targetBusId: 'bus-reverb', levelDb: -10, preFader: instrument === 'pad' };
    if (instrument === 'lead') sends[`send-${id}-delay`] = { sourceId: id, targetBusId: 'bus-delay', levelDb: -14 };
  }
  const document = {
    settings: { tempoBpm: settings.tempoBpm, beatsPerBar: 4 },
    master: { eqHighGainDb: 1, compressorEnabled: true, compressorThresholdDb: -14, compressorRatio: 2, limiterEnabled: true, limiterCeilingDb: -1 },
    tracks,
    buses: {
      'bus-rhythm': { name: 'Rhythm', order: 'A', compressorEnabled: true, compressorThresholdDb: -16, compressorRatio: 3 },
      'bus-reverb': { name: 'Reverb', order: 'B', eqLowGainDb: -6 },
      'bus-delay': { name: 'Delay', order: 'C' },
    },
    sends,
    clips,
    inserts: {
      'insert-reverb': { kind: 'reverb', ownerId: 'bus-reverb', order: 'V', decaySeconds: 2.2, mix: 1 },
      'insert-delay': { kind: 'delay', ownerId: 'bus-delay', order: 'V', division: '1/8', modifier: 'dotted', feedback: 0.4, mix: 1 },
    },
  };
  return { document, assets };
}
