import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseFile } from 'music-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sineWav } from '../wav.ts';
import { decodeMp3, encodeFlac, encodeMp3, sine, toneEnergy } from './audio-fixtures.ts';
import { CHIME_NOTES, GENERATED_TAG_SECONDS, renderGeneratedTag } from './generated-tag.ts';
import { PREVIEW, previewFormatFor, renderPreview } from './render-preview.ts';
import { createResampler } from './resampler.ts';
import { createTagMixer } from './tag-mixer.ts';

const rms = (samples: Float32Array, from = 0, to = samples.length) => {
  let sum = 0;
  for (let index = from; index < to; index++) sum += samples[index]! ** 2;
  return Math.sqrt(sum / Math.max(1, to - from));
};

function resampleInChunks(input: Float32Array, from: number, to: number, chunk: (index: number) => number) {
  const resampler = createResampler(from, to);
  const parts: Float32Array[] = [];
  for (let offset = 0, index = 0; offset < input.length; index++) {
    const size = chunk(index);
    parts.push(resampler.push(input.subarray(offset, offset + size)));
    offset += size;
  }
  parts.push(resampler.flush());
  const out = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

describe('the resampler', () => {
  it('keeps a tone in the band at its level and the length in proportion, however the input is chunked', () => {
    const input = sine({ seconds: 1, sampleRate: 44_100, frequency: 1000 });
    const whole = resampleInChunks(input, 44_100, 22_050, () => input.length);
    const ragged = resampleInChunks(input, 44_100, 22_050, (index) => [1, 777, 4096, 13, 20_000][index % 5]!);
    expect(whole.length).toBe(22_050);
    expect(ragged.length).toBe(whole.length);
    for (let index = 0; index < whole.length; index++) expect(Math.abs(ragged[index]! - whole[index]!)).toBeLessThan(1e-6);
    expect(rms(whole, 1000, 21_000)).toBeCloseTo(0.5 / Math.SQRT2, 2);
  });

  it('removes what the lower rate cannot hold instead of folding it back (no aliasing)', () => {
    // 15 kHz would alias to 7.05 kHz at 22.05 kHz; 48 kHz → 22.05 kHz is a fractional ratio.
    for (const [from, frequency] of [[44_100, 15_000], [48_000, 14_000]] as const) {
      const input = sine({ seconds: 1, sampleRate: from, frequency });
      const out = resampleInChunks(input, from, 22_050, () => 8192);
      expect(rms(out, 1000, out.length - 1000) / rms(input), `${from} Hz, ${frequency} Hz`).toBeLessThan(0.01);
    }
  });
});

describe('the generated tag', () => {
  it('is deterministic, peak-normalised and rings at its three chime notes', () => {
    const tag = renderGeneratedTag(22_050);
    expect(tag).toEqual(renderGeneratedTag(22_050));
    expect(tag.length).toBe(Math.round(GENERATED_TAG_SECONDS * 22_050));
    expect(Math.max(...tag.map(Math.abs))).toBeCloseTo(1, 5);
    for (const note of CHIME_NOTES) {
      const during = toneEnergy(tag, 22_050, note.frequency, note.at + 0.01, note.at + 0.2);
      const before = toneEnergy(tag, 22_050, note.frequency, 0, 0.25);
      expect(during, `${note.frequency} Hz`).toBeGreaterThan(20 * before);
    }
  });
});

describe('the tag mixer', () => {
  it('lays the tag every interval from the first position, ducks the music under it, and fades out at the end', () => {
    const sampleRate = 1000;
    const tag = new Float32Array(100).fill(0.5);
    const mixer = createTagMixer({ sampleRate, tag, firstAtSeconds: 2, everySeconds: 5, tagGain: 1, duckGain: 0.5, endSample: 13_000, fadeSeconds: 1 });
    const music = new Float32Array(15_000).fill(0.2);
    const kept = mixer.process(music);
    expect(kept).toBe(13_000);
    expect(music[1000]).toBeCloseTo(0.2, 6);
    // Under the tag: music at half (0.1) plus the tag (0.5).
    for (const start of [2000, 7000]) {
      expect(music[start + 50]).toBeCloseTo(0.6, 6);
      expect(music[start + 400]).toBeCloseTo(0.2, 6);
    }
    // The third tag (12 s) falls in the fade; the last sample is silent.
    expect(music[12_050]! < 0.6).toBe(true);
    expect(music[12_999]).toBeCloseTo(0, 2);
  });
});

describe('renderPreview', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'cs-preview-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  async function render(name: string, bytes: Uint8Array, format: 'wav' | 'mp3' | 'flac', options: { tagged?: boolean; durationSeconds?: number } = {}) {
    const input = path.join(folder, `${name}.${format}`);
    const output = path.join(folder, `${name}.mp3`);
    await writeFile(input, bytes);
    const result = await renderPreview({ input, format, output, durationSeconds: options.durationSeconds ?? null, voiceTag: null, tagged: options.tagged });
    return { result, output, decoded: await decodeMp3(new Uint8Array(await readFile(output))) };
  }

  /** The chime's energy over the second after a tag starts. */
  const chime = (samples: Float32Array, sampleRate: number, at: number) =>
    CHIME_NOTES.reduce((sum, note) => sum + toneEnergy(samples, sampleRate, note.frequency, at + note.at, at + note.at + 0.25), 0);

  it('mixes the tag in at 2 s and every 9 s after: the chime is there, and absent from the same audio untagged', async () => {
    const wav = sineWav({ seconds: 22, sampleRate: 44_100, channels: 2, frequency: 220, amplitude: 0.5 });
    const tagged = await render('tagged', wav, 'wav', { durationSeconds: 22 });
    const plain = await render('plain', wav, 'wav', { durationSeconds: 22, tagged: false });
    const { samples, sampleRate } = tagged.decoded;
    expect(sampleRate).toBe(22_050);
    for (const at of [2, 11, 20]) {
      const withTag = chime(samples, sampleRate, at);
      expect(withTag, `tag at ${at} s`).toBeGreaterThan(100 * chime(plain.decoded.samples, sampleRate, at));
      // Between tags there is only the music.
      expect(withTag).toBeGreaterThan(100 * chime(samples, sampleRate, at + 4));
    }
    // The music is ducked under the tag (a little) and untouched between tags.
    const music = (source: Float32Array, from: number, to: number) => toneEnergy(source, sampleRate, 220, from, to);
    expect(music(samples, 2.4, 3.0) / music(plain.decoded.samples, 2.4, 3.0)).toBeLessThan(0.6);
    expect(music(samples, 6, 7) / music(plain.decoded.samples, 6, 7)).toBeCloseTo(1, 1);
  });

  it('caps a long master at the preview length and fades it out; lower rate and bit rate than the master', async () => {
    const long = encodeFlac([sine({ seconds: PREVIEW.maxSeconds + 10, sampleRate: 48_000, frequency: 330 })], 48_000);
    const { result, output, decoded } = await render('long', long, 'flac');
    expect(result).toMatchObject({ durationSeconds: PREVIEW.maxSeconds, sampleRate: 22_050, kbps: 96 });
    const metadata = await parseFile(output, { duration: true });
    expect(metadata.format).toMatchObject({ sampleRate: 22_050, numberOfChannels: 1, bitrate: 96_000 });
    expect(metadata.format.duration!).toBeLessThanOrEqual(PREVIEW.maxSeconds + 0.1);
    const end = decoded.samples.length;
    expect(rms(decoded.samples, end - 2205, end)).toBeLessThan(0.05 * rms(decoded.samples, end - 4 * 22_050, end - 3 * 22_050));
  }, 30_000);

  it('decodes MP3 and FLAC masters, and never goes above a low master rate', async () => {
    const mp3 = await render('from-mp3', await encodeMp3(sine({ seconds: 5, sampleRate: 44_100, frequency: 440 }), 44_100, 128), 'mp3');
    expect(mp3.result).toMatchObject({ sampleRate: 22_050, kbps: 96 });
    expect(mp3.result.durationSeconds).toBeGreaterThan(4.9);
    const flac = await render('from-flac', encodeFlac([sine({ seconds: 3, sampleRate: 16_000, frequency: 440 })], 16_000), 'flac', { durationSeconds: 3 });
    // A 3 s beat gets its tag a quarter of the way in.
    expect(flac.result).toMatchObject(previewFormatFor(16_000));
    expect(flac.result.sampleRate).toBe(16_000);
    expect(chime(flac.decoded.samples, 16_000, 0.75)).toBeGreaterThan(100 * chime(flac.decoded.samples, 16_000, 0));
  });
});
