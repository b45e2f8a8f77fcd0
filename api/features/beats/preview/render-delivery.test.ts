import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MPEGDecoder } from 'mpg123-decoder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeMonoWav, readWavFormat } from '../wav.ts';
import { encodeFlac, sine, toneEnergy } from './audio-fixtures.ts';
import { deliveryMp3FormatFor, renderDelivery } from './render-delivery.ts';

/** A 16-bit interleaved PCM WAV of the given channels. */
function stereoWav(channels: Float32Array[], sampleRate: number): Uint8Array {
  const frames = channels[0]!.length;
  const mono = encodeMonoWav(new Float32Array(frames * channels.length), sampleRate);
  const bytes = new Uint8Array(44 + frames * channels.length * 2);
  bytes.set(mono.subarray(0, 44));
  const view = new DataView(bytes.buffer);
  view.setUint32(4, 36 + frames * channels.length * 2, true);
  view.setUint16(22, channels.length, true);
  view.setUint32(28, sampleRate * channels.length * 2, true);
  view.setUint16(32, channels.length * 2, true);
  view.setUint32(40, frames * channels.length * 2, true);
  for (let frame = 0; frame < frames; frame++) {
    channels.forEach((channel, index) => view.setInt16(44 + (frame * channels.length + index) * 2, Math.round(channel[frame]! * 32767), true));
  }
  return bytes;
}

async function decodeStereoMp3(bytes: Uint8Array) {
  const decoder = new MPEGDecoder();
  await decoder.ready;
  try {
    const { channelData, sampleRate } = decoder.decode(bytes);
    return { channels: channelData, sampleRate };
  } finally {
    decoder.free();
  }
}

/** The bit rate (kb/s) in the first MPEG-1 Layer III frame header. */
function firstFrameKbps(bytes: Uint8Array): number {
  const MPEG1_LAYER3 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
  for (let index = 0; index + 2 < bytes.length; index++) {
    if (bytes[index] === 0xff && (bytes[index + 1]! & 0xfe) === 0xfa) return MPEG1_LAYER3[bytes[index + 2]! >> 4]!;
  }
  return 0;
}

describe('licence delivery files', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'cs-delivery-test-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('picks the master’s own MP3 rate, else the highest that divides it, else the highest below', () => {
    expect(deliveryMp3FormatFor(44_100)).toEqual({ sampleRate: 44_100, kbps: 320 });
    expect(deliveryMp3FormatFor(48_000)).toEqual({ sampleRate: 48_000, kbps: 320 });
    expect(deliveryMp3FormatFor(96_000)).toEqual({ sampleRate: 48_000, kbps: 320 });
    expect(deliveryMp3FormatFor(88_200)).toEqual({ sampleRate: 44_100, kbps: 320 });
    expect(deliveryMp3FormatFor(192_000)).toEqual({ sampleRate: 48_000, kbps: 320 });
    expect(deliveryMp3FormatFor(50_000)).toEqual({ sampleRate: 48_000, kbps: 320 });
    expect(deliveryMp3FormatFor(22_050)).toEqual({ sampleRate: 22_050, kbps: 160 });
  });

  it('makes a whole, untagged, stereo 320 kb/s MP3 of a WAV master, each side keeping its own sound', async () => {
    const seconds = 3;
    const left = sine({ seconds, sampleRate: 44_100, frequency: 440 });
    const right = sine({ seconds, sampleRate: 44_100, frequency: 660 });
    const input = path.join(folder, 'stereo.wav');
    await writeFile(input, stereoWav([left, right], 44_100));
    const output = path.join(folder, 'stereo.mp3');
    const result = await renderDelivery({ input, format: 'wav', output, file: 'mp3' });
    expect(result).toMatchObject({ sampleRate: 44_100, channels: 2 });
    expect(result.durationSeconds).toBeCloseTo(seconds, 2);
    const bytes = new Uint8Array(await readFile(output));
    expect(bytes.length).toBe(result.bytes);
    expect(firstFrameKbps(bytes)).toBe(320);
    // 320 kb/s is 40 KB a second.
    expect(bytes.length).toBeGreaterThan(seconds * 38_000);
    const decoded = await decodeStereoMp3(bytes);
    expect(decoded.sampleRate).toBe(44_100);
    expect(decoded.channels).toHaveLength(2);
    // The whole song: no cap, and no tag mixed in (nothing but the two tones).
    expect(decoded.channels[0]!.length / 44_100).toBeGreaterThan(seconds - 0.05);
    const [l, r] = decoded.channels as [Float32Array, Float32Array];
    expect(toneEnergy(l, 44_100, 440, 0.5, 2.5)).toBeGreaterThan(100 * toneEnergy(l, 44_100, 660, 0.5, 2.5));
    expect(toneEnergy(r, 44_100, 660, 0.5, 2.5)).toBeGreaterThan(100 * toneEnergy(r, 44_100, 440, 0.5, 2.5));
  });

  it('brings a 96 kHz master down to 48 kHz, and keeps a mono master mono', async () => {
    const input = path.join(folder, 'hires.wav');
    await writeFile(input, encodeMonoWav(sine({ seconds: 1, sampleRate: 96_000, frequency: 1000 }), 96_000));
    const output = path.join(folder, 'hires.mp3');
    expect(await renderDelivery({ input, format: 'wav', output, file: 'mp3' })).toMatchObject({ sampleRate: 48_000, channels: 1 });
    const decoded = await decodeStereoMp3(new Uint8Array(await readFile(output)));
    expect(decoded.sampleRate).toBe(48_000);
    expect(toneEnergy(decoded.channels[0]!, 48_000, 1000, 0.2, 0.8)).toBeGreaterThan(0.01);
  });

  it('makes a WAV of a FLAC master at its bit depth that holds every sample exactly', async () => {
    const frames = 10_000;
    const left = new Float32Array(frames).map((_, index) => (((index * 7919) % 65_536) - 32_768) / 32_768);
    const right = new Float32Array(frames).map((_, index) => Math.round(20_000 * Math.sin(index / 30)) / 32_768);
    const input = path.join(folder, 'master.flac');
    await writeFile(input, encodeFlac([left, right], 48_000));
    const output = path.join(folder, 'master.wav');
    const result = await renderDelivery({ input, format: 'flac', output, file: 'wav' });
    expect(result).toMatchObject({ sampleRate: 48_000, channels: 2 });
    const bytes = new Uint8Array(await readFile(output));
    const format = readWavFormat(bytes)!;
    expect(format).toMatchObject({ sampleRate: 48_000, channels: 2, bitsPerSample: 16, dataBytes: frames * 2 * 2 });
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const at = (frame: number, channel: number) => view.getInt16(format.dataOffset + (frame * 2 + channel) * 2, true);
    for (let frame = 0; frame < frames; frame++) {
      // The FLAC holds s = round(x × 32767) (see encodeFlac): the WAV must hold the same s.
      expect(at(frame, 0)).toBe(Math.round(left[frame]! * 32_767));
      expect(at(frame, 1)).toBe(Math.round(right[frame]! * 32_767));
    }
  });
});
