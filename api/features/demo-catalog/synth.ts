/**
 * A tiny deterministic beat synthesiser for the demo store: a drum pattern (kick, snare, hats), a
 * bass line on the chord roots and a soft chord pad, looped in whole bars at the beat's tempo and
 * key. Pure: the same spec always gives the same samples (a seeded PRNG for the noise), nothing
 * is read from outside. Output is mono float samples, peak-normalised below full scale.
 */
export interface LoopSpec {
  bpm: number;
  /** `C minor`, `F# major` (the marketplace's key spelling). */
  musicalKey: string;
  seed: number;
  sampleRate?: number;
  /** Length is whole bars, at least this long and at most `maxSeconds`. */
  minSeconds?: number;
  maxSeconds?: number;
  /** Drum feel: `straight` (four on the floor kick) or `half-time` (kick on 1 and the "and" of 3). */
  feel?: 'straight' | 'half-time';
}

const NOTE_NAMES = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'];
export const PEAK = 0.8;

/** Mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const frequencyOf = (midi: number) => 440 * 2 ** ((midi - 69) / 12);

/** The key's tonic as a MIDI note in octave 3, and whether it is minor. */
export function parseKey(musicalKey: string): { tonic: number; minor: boolean } {
  const [name, mode] = musicalKey.split(' ');
  const index = NOTE_NAMES.indexOf(name ?? 'C');
  return { tonic: 48 + (index < 0 ? 0 : index), minor: mode === 'minor' };
}

/** Four chords (root offsets and triad qualities): i–VI–III–VII in minor, I–V–vi–IV in major. */
function progression(minor: boolean): Array<{ root: number; third: number }> {
  return minor
    ? [{ root: 0, third: 3 }, { root: 8, third: 4 }, { root: 3, third: 4 }, { root: 10, third: 4 }]
    : [{ root: 0, third: 4 }, { root: 7, third: 4 }, { root: 9, third: 3 }, { root: 5, third: 4 }];
}

/** How many samples the loop has: whole bars of 4/4 between the bounds. */
export function loopLength(spec: LoopSpec): { bars: number; samples: number; seconds: number } {
  const sampleRate = spec.sampleRate ?? 44_100;
  const barSeconds = 240 / spec.bpm;
  const maxBars = Math.max(1, Math.floor((spec.maxSeconds ?? 30) / barSeconds));
  const bars = Math.min(maxBars, Math.max(1, Math.ceil((spec.minSeconds ?? 15) / barSeconds)));
  const samples = Math.round(bars * barSeconds * sampleRate);
  return { bars, samples, seconds: samples / sampleRate };
}

/** Adds a decaying voice starting at `start` (seconds) into `out`, sample by sample. */
function addVoice(out: Float32Array, sampleRate: number, start: number, seconds: number, voice: (t: number) => number) {
  const first = Math.round(start * sampleRate);
  const count = Math.min(out.length - first, Math.round(seconds * sampleRate));
  for (let index = 0; index < count; index++) out[first + index]! += voice(index / sampleRate);
}

export function renderLoop(spec: LoopSpec): Float32Array {
  const sampleRate = spec.sampleRate ?? 44_100;
  const { bars, samples } = loopLength(spec);
  const out = new Float32Array(samples);
  const random = seededRandom(spec.seed);
  const beat = 60 / spec.bpm;
  const { tonic, minor } = parseKey(spec.musicalKey);
  const chords = progression(minor);
  const noise = Float32Array.from({ length: sampleRate }, () => random() * 2 - 1);
  const noiseAt = (t: number) => noise[Math.floor(t * sampleRate) % noise.length]!;

  for (let bar = 0; bar < bars; bar++) {
    const barStart = bar * 4 * beat;
    const chord = chords[bar % chords.length]!;
    // Drums.
    const kicks = spec.feel === 'half-time' ? [0, 2.5] : [0, 1, 2, 3];
    for (const position of kicks) {
      addVoice(out, sampleRate, barStart + position * beat, 0.35, (t) => {
        const sweep = 50 + 100 * Math.exp(-t * 30);
        return 0.9 * Math.sin(2 * Math.PI * sweep * t) * Math.exp(-t * 9);
      });
    }
    for (const position of spec.feel === 'half-time' ? [2] : [1, 3]) {
      addVoice(out, sampleRate, barStart + position * beat, 0.25, (t) => (0.45 * noiseAt(t) + 0.25 * Math.sin(2 * Math.PI * 190 * t)) * Math.exp(-t * 18));
    }
    for (let eighth = 0; eighth < 8; eighth++) {
      const accent = eighth % 2 === 0 ? 0.16 : 0.1;
      addVoice(out, sampleRate, barStart + (eighth * beat) / 2, 0.06, (t) => accent * noiseAt(t + eighth * 0.013) * Math.exp(-t * 70));
    }
    // Bass: the chord root, two octaves under the pad, on beats 1 and the "and" of 2.
    const bassFrequency = frequencyOf(tonic - 12 + chord.root);
    for (const [position, length] of [[0, 1.4], [1.5, 2.3]] as const) {
      addVoice(out, sampleRate, barStart + position * beat, length * beat, (t) => {
        const phase = bassFrequency * t;
        const tone = Math.sin(2 * Math.PI * phase) + 0.3 * Math.sin(4 * Math.PI * phase);
        return 0.35 * tone * Math.min(1, t * 200) * Math.exp(-t * 1.5);
      });
    }
    // Pad: the triad, soft attack and release over the bar.
    const padSeconds = 4 * beat;
    for (const interval of [0, chord.third, 7]) {
      const frequency = frequencyOf(tonic + 12 + chord.root + interval);
      addVoice(out, sampleRate, barStart, padSeconds, (t) => {
        const envelope = Math.min(1, t / 0.15) * Math.min(1, (padSeconds - t) / 0.2);
        return 0.07 * envelope * (Math.sin(2 * Math.PI * frequency * t) + 0.2 * Math.sin(4 * Math.PI * frequency * t));
      });
    }
  }

  let peak = 0;
  for (const value of out) peak = Math.max(peak, Math.abs(value));
  if (peak > 0) {
    const gain = PEAK / peak;
    for (let index = 0; index < out.length; index++) out[index]! *= gain;
  }
  return out;
}

/** 16-bit PCM mono WAV bytes of samples in [-1, 1]. */
export function encodeWav(samples: Float32Array, sampleRate = 44_100): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => [...text].forEach((character, index) => view.setUint8(offset + index, character.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  for (let index = 0; index < samples.length; index++) {
    const clamped = Math.max(-1, Math.min(1, samples[index]!));
    view.setInt16(44 + index * 2, Math.round(clamped * 32767), true);
  }
  return bytes;
}
