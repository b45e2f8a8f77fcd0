import { open, readFile, writeFile } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createPcmReader, encodeMonoWav, readWavFormat } from '../wav.ts';
import { renderGeneratedTag } from './generated-tag.ts';
import { createMp3Encoder } from './mp3-encoder.ts';
import type { DecodableFormat } from './decodable-formats.ts';
import { decodeAudioFile, downmix } from './pcm-decoding.ts';
import { UndecodableAudioError, VoiceTagSilentError, VoiceTagTooLongError } from './preview-errors.ts';
import { createResampler } from './resampler.ts';
import { createTagMixer } from './tag-mixer.ts';

/**
 * What a public preview is. The whole beat up to PREVIEW_MAX_SECONDS (the start of a song carries
 * its intro and hook; the cap bounds the work per upload and keeps a preview from standing in for
 * the song), mono, at most 22.05 kHz, 96 kb/s MP3, with a tag every 9 s from 2 s in.
 */
export const PREVIEW = {
  maxSeconds: 120,
  /** A preview cut at the cap fades out over its last seconds instead of stopping dead. */
  fadeSeconds: 2,
  maxSampleRate: 22_050,
  firstTagSeconds: 2,
  tagEverySeconds: 9,
  /** Tag level over the music, and the music's gain under a tag (about -4.4 dB). */
  tagGain: 0.7,
  duckGain: 0.6,
} as const;

/** A voice tag may last this long (a tag every 9 s leaves the music room between tags). */
export const VOICE_TAG_MAX_SECONDS = 6;
/** Voice tags are kept at this rate: previews never go above it. */
const VOICE_TAG_SAMPLE_RATE = 22_050;

/** Sample rates MP3 supports up to 22.05 kHz, and the bit rate used at each. */
const PREVIEW_RATES: ReadonlyArray<{ sampleRate: number; kbps: number }> = [
  { sampleRate: 22_050, kbps: 96 },
  { sampleRate: 16_000, kbps: 64 },
  { sampleRate: 12_000, kbps: 48 },
  { sampleRate: 11_025, kbps: 48 },
  { sampleRate: 8_000, kbps: 32 },
];

/** The preview's rate and bit rate for a master at `masterRate`: never above the master's rate. */
export function previewFormatFor(masterRate: number): { sampleRate: number; kbps: number } {
  return PREVIEW_RATES.find((rate) => rate.sampleRate <= masterRate) ?? PREVIEW_RATES.at(-1)!;
}

export interface PreviewJob {
  /** The master on disk and what it is. */
  input: string;
  format: DecodableFormat;
  /** Where the MP3 is written. */
  output: string;
  /** The master's duration as its metadata says (places the first tag in very short beats); null if unknown. */
  durationSeconds: number | null;
  /** A prepared voice tag (see prepareVoiceTag), or null for the generated tag. */
  voiceTag: string | null;
  /** False leaves the tag out: only for comparisons in tests and benchmarks. */
  tagged?: boolean;
}

export interface PreviewResult {
  bytes: number;
  durationSeconds: number;
  sampleRate: number;
  kbps: number;
}

/**
 * Decodes the master, downmixes and resamples it, mixes the tag in and encodes the MP3, a chunk at a
 * time (about 64 KiB of input in flight), yielding to the event loop between chunks. Meant for the
 * preview worker; also safe on the main thread, only slower to finish.
 */
export async function renderPreview(job: PreviewJob): Promise<PreviewResult> {
  const decoded = decodeAudioFile(job.input, job.format);
  const first = await decoded.next();
  if (first.done) throw new UndecodableAudioError('no audio');
  const masterRate = first.value.sampleRate;
  const { sampleRate, kbps } = previewFormatFor(masterRate);
  const resampler = createResampler(masterRate, sampleRate);
  const tag = job.tagged === false ? null : job.voiceTag ? await loadVoiceTag(job.voiceTag, sampleRate) : renderGeneratedTag(sampleRate);
  const endSample = Math.round(PREVIEW.maxSeconds * sampleRate);
  const expectedSeconds = Math.min(job.durationSeconds ?? PREVIEW.maxSeconds, PREVIEW.maxSeconds);
  const mixer = createTagMixer({
    sampleRate,
    tag,
    // A beat shorter than a few seconds still gets its tag, a quarter of the way in.
    firstAtSeconds: Math.min(PREVIEW.firstTagSeconds, expectedSeconds / 4),
    everySeconds: PREVIEW.tagEverySeconds,
    tagGain: PREVIEW.tagGain,
    duckGain: PREVIEW.duckGain,
    endSample,
    fadeSeconds: PREVIEW.fadeSeconds,
  });
  const encoder = createMp3Encoder(sampleRate, kbps);
  const output = await open(job.output, 'w');
  let bytes = 0;
  const write = async (parts: Uint8Array[]) => {
    for (const part of parts) {
      await output.write(part);
      bytes += part.length;
    }
  };
  try {
    const feed = async (samples: Float32Array) => {
      const kept = mixer.process(samples);
      await write(encoder.encode(samples.subarray(0, kept)));
      return mixer.position < endSample;
    };
    let more = await feed(resampler.push(downmix(first.value.channels)));
    while (more) {
      const next = await decoded.next();
      if (next.done) {
        await feed(resampler.flush());
        break;
      }
      more = await feed(resampler.push(downmix(next.value.channels)));
      await nextTurn();
    }
    await write(encoder.finish());
  } finally {
    await output.close();
    // Stops the decoder (and frees it) when the cap ended the preview before the file did.
    await decoded.return(undefined);
  }
  return { bytes, durationSeconds: mixer.position / sampleRate, sampleRate, kbps };
}

async function loadVoiceTag(file: string, sampleRate: number): Promise<Float32Array> {
  const bytes = new Uint8Array(await readFile(file));
  const format = readWavFormat(bytes);
  if (!format) throw new Error('the stored voice tag is not a WAV');
  const samples = downmix(createPcmReader(format).push(bytes.subarray(format.dataOffset, format.dataOffset + format.dataBytes)));
  const resampler = createResampler(format.sampleRate, Math.min(sampleRate, format.sampleRate));
  const resampled = concat(resampler.push(samples), resampler.flush());
  return normalise(resampled);
}

/** Below this (about -50 dBFS) a voice tag's leading and trailing samples count as silence. */
const SILENCE = 0.003;

/**
 * Turns an uploaded voice tag into what previews mix in: mono, at most 22.05 kHz, leading and trailing
 * silence trimmed, peak-normalised, as a small 16-bit WAV. Refuses tags longer than
 * VOICE_TAG_MAX_SECONDS (VoiceTagTooLongError) before decoding them whole, and silent ones.
 */
export async function prepareVoiceTag(job: { input: string; format: DecodableFormat; output: string }): Promise<{ durationSeconds: number; bytes: number }> {
  const parts: Float32Array[] = [];
  let frames = 0;
  let inputRate = 0;
  for await (const chunk of decodeAudioFile(job.input, job.format)) {
    inputRate = chunk.sampleRate;
    const mono = downmix(chunk.channels);
    frames += mono.length;
    // Stop decoding as soon as the tag is known to be too long.
    if (frames > (VOICE_TAG_MAX_SECONDS + 0.05) * inputRate) throw new VoiceTagTooLongError(frames / inputRate);
    parts.push(mono);
  }
  const samples = concat(...parts);
  let start = 0;
  let end = samples.length;
  while (start < end && Math.abs(samples[start]!) < SILENCE) start++;
  while (end > start && Math.abs(samples[end - 1]!) < SILENCE) end--;
  if (end - start === 0) throw new VoiceTagSilentError();
  const outputRate = Math.min(VOICE_TAG_SAMPLE_RATE, inputRate);
  const resampler = createResampler(inputRate, outputRate);
  const tag = normalise(concat(resampler.push(samples.subarray(start, end)), resampler.flush()));
  const wav = encodeMonoWav(tag, outputRate);
  await writeFile(job.output, wav);
  return { durationSeconds: tag.length / outputRate, bytes: wav.length };
}

function concat(...parts: Float32Array[]): Float32Array {
  const joined = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/** Scales to a peak of 1 (in place). */
function normalise(samples: Float32Array): Float32Array {
  let peak = 0;
  for (const value of samples) peak = Math.max(peak, Math.abs(value));
  if (peak > 0) for (let index = 0; index < samples.length; index++) samples[index] = samples[index]! / peak;
  return samples;
}
