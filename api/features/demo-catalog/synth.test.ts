import { describe, expect, it } from 'vitest';
import { readWavFormat } from '../beats/wav.ts';
import { DEMO_BEATS } from './catalog.ts';
import { encodeWav, loopLength, parseKey, PEAK, renderLoop, seededRandom } from './synth.ts';

const rms = (samples: Float32Array, from = 0, to = samples.length) => {
  let sum = 0;
  for (let index = from; index < to; index++) sum += samples[index]! ** 2;
  return Math.sqrt(sum / (to - from));
};

describe('the demo synthesiser', () => {
  it('is deterministic: the same spec gives the same samples, another seed others', () => {
    const spec = { bpm: 120, musicalKey: 'A minor', seed: 3 };
    expect(renderLoop(spec)).toEqual(renderLoop(spec));
    expect(renderLoop({ ...spec, seed: 4 })).not.toEqual(renderLoop(spec));
    expect(Array.from({ length: 3 }, seededRandom(9))).toEqual(Array.from({ length: 3 }, seededRandom(9)));
  });

  it('renders whole bars between 15 and 30 seconds at 44.1 kHz for every demo tempo', () => {
    for (const { beat } of DEMO_BEATS) {
      const { bars, samples, seconds } = loopLength({ bpm: beat.bpm!, musicalKey: beat.musicalKey!, seed: 1 });
      expect(seconds, beat.title).toBeGreaterThanOrEqual(15);
      expect(seconds, beat.title).toBeLessThanOrEqual(30);
      expect(samples).toBe(Math.round(bars * (240 / beat.bpm!) * 44_100));
    }
    expect(renderLoop({ bpm: 140, musicalKey: 'F minor', seed: 1 }).length).toBe(loopLength({ bpm: 140, musicalKey: 'F minor', seed: 1 }).samples);
  });

  it('is audible in every bar and never clips', () => {
    for (const [index, { beat, feel }] of DEMO_BEATS.slice(0, 4).entries()) {
      const samples = renderLoop({ bpm: beat.bpm!, musicalKey: beat.musicalKey!, seed: index + 1, feel });
      let peak = 0;
      for (const value of samples) peak = Math.max(peak, Math.abs(value));
      expect(peak).toBeCloseTo(PEAK, 5);
      expect(samples.every(Number.isFinite)).toBe(true);
      const barSamples = Math.round((240 / beat.bpm!) * 44_100);
      for (let start = 0; start + barSamples <= samples.length; start += barSamples) expect(rms(samples, start, start + barSamples)).toBeGreaterThan(0.05);
    }
  });

  it('puts the bass on the key: a lower key gives a lower bass', () => {
    expect(parseKey('F# minor')).toEqual({ tonic: 54, minor: true });
    expect(parseKey('C major')).toEqual({ tonic: 48, minor: false });
  });

  it('writes a 16-bit mono WAV the beats reader understands', () => {
    const samples = renderLoop({ bpm: 100, musicalKey: 'D major', seed: 2 });
    const wav = encodeWav(samples);
    expect(wav.length).toBe(44 + samples.length * 2);
    expect(readWavFormat(wav)).toMatchObject({ sampleRate: 44_100, channels: 1, bitsPerSample: 16 });
  });
});
