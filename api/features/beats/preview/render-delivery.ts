import { open } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { encodePcm, pcmWavHeader } from '../wav.ts';
import type { DecodableFormat } from './decodable-formats.ts';
import { createMp3Encoder } from './mp3-encoder.ts';
import { decodeAudioFile } from './pcm-decoding.ts';
import { UndecodableAudioError } from './preview-errors.ts';
import { createResampler, type Resampler } from './resampler.ts';

/**
 * The full-quality files a licence delivers when the master is not already one: an MP3 of a WAV,
 * FLAC or Ogg master, and a WAV of a FLAC master (at the FLAC's own bit depth, 16 or 24, sample for
 * sample). Unlike the preview: the whole song, untagged, stereo, at the master's rate where MP3
 * allows it, 320 kb/s.
 */
export type DeliveryFile = 'mp3' | 'wav';

export interface DeliveryJob {
  input: string;
  format: DecodableFormat;
  output: string;
  file: DeliveryFile;
}

export interface DeliveryResult {
  bytes: number;
  sampleRate: number;
  channels: number;
  durationSeconds: number;
}

/** MP3's sample rates, highest first, and the bit rate used at each (MPEG-2 rates top out at 160 kb/s). */
const MP3_RATES: ReadonlyArray<{ sampleRate: number; kbps: number }> = [
  { sampleRate: 48_000, kbps: 320 },
  { sampleRate: 44_100, kbps: 320 },
  { sampleRate: 32_000, kbps: 320 },
  { sampleRate: 24_000, kbps: 160 },
  { sampleRate: 22_050, kbps: 160 },
  { sampleRate: 16_000, kbps: 160 },
  { sampleRate: 12_000, kbps: 64 },
  { sampleRate: 11_025, kbps: 64 },
  { sampleRate: 8_000, kbps: 64 },
];

/**
 * The MP3 rate for a master: its own when MP3 has it, else the highest one that divides it (96 kHz →
 * 48 kHz, 88.2 kHz → 44.1 kHz: the cleanest conversion), else the highest below it.
 */
export function deliveryMp3FormatFor(masterRate: number): { sampleRate: number; kbps: number } {
  return (
    MP3_RATES.find((rate) => rate.sampleRate === masterRate) ??
    MP3_RATES.find((rate) => rate.sampleRate < masterRate && masterRate % rate.sampleRate === 0) ??
    MP3_RATES.find((rate) => rate.sampleRate < masterRate) ??
    MP3_RATES.at(-1)!
  );
}

/**
 * Decodes the master and writes the delivery file a chunk at a time (about 64 KiB of input in flight),
 * yielding to the event loop between chunks; memory stays flat however long the song. A master with
 * more than two channels keeps its first two (MP3 and what buyers expect are stereo).
 */
export async function renderDelivery(job: DeliveryJob): Promise<DeliveryResult> {
  const decoded = decodeAudioFile(job.input, job.format);
  const first = await decoded.next();
  if (first.done) throw new UndecodableAudioError('no audio');
  const masterRate = first.value.sampleRate;
  const channelCount = Math.min(2, first.value.channels.length) as 1 | 2;
  const output = await open(job.output, 'w');
  let bytes = 0;
  let frames = 0;
  const write = async (parts: Uint8Array[], position?: number) => {
    for (const part of parts) {
      await output.write(part, 0, part.length, position);
      if (position === undefined) bytes += part.length;
    }
  };
  try {
    let sampleRate = masterRate;
    let convert: (channels: Float32Array[]) => Uint8Array[];
    let finish: () => Uint8Array[];
    // A 16-bit source stays 16-bit; anything else (24-bit, or unknown) is written as 24-bit.
    const sourceBits = first.value.bitDepth;
    const bitsPerSample = sourceBits === 16 ? 16 : 24;
    if (job.file === 'wav') {
      // Header now, rewritten with the real length at the end.
      await write([pcmWavHeader({ sampleRate, channels: channelCount, bitsPerSample, dataBytes: 0 })]);
      convert = (channels) => [encodePcm(channels, bitsPerSample, sourceBits)];
      finish = () => [];
    } else {
      const format = deliveryMp3FormatFor(masterRate);
      sampleRate = format.sampleRate;
      const encoder = createMp3Encoder(sampleRate, format.kbps, channelCount);
      const resamplers: Resampler[] = Array.from({ length: channelCount }, () => createResampler(masterRate, sampleRate));
      convert = (channels) => encoder.encode(...resamplers.map((resampler, index) => resampler.push(channels[index]!)));
      finish = () => [...encoder.encode(...resamplers.map((resampler) => resampler.flush())), ...encoder.finish()];
    }
    const feed = async (channels: Float32Array[]) => {
      frames += channels[0]!.length;
      await write(convert(channels.slice(0, channelCount)));
    };
    await feed(first.value.channels);
    for (;;) {
      const next = await decoded.next();
      if (next.done) break;
      await feed(next.value.channels);
      await nextTurn();
    }
    await write(finish());
    if (job.file === 'wav') await write([pcmWavHeader({ sampleRate, channels: channelCount, bitsPerSample, dataBytes: bytes - 44 })], 0);
    return { bytes, sampleRate, channels: channelCount, durationSeconds: frames / masterRate };
  } finally {
    await output.close();
    await decoded.return(undefined);
  }
}
