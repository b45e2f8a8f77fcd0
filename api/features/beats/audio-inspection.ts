import { createReadStream } from 'node:fs';
import { fileTypeFromFile } from 'file-type';
import { parseFile } from 'music-metadata';
import { isDecodable, type DecodableFormat } from './preview/decodable-formats.ts';
import { createPeakAccumulator } from './wav.ts';
import { readWavFileFormat } from './wav-file.ts';

/** What an uploaded file turned out to be, judged by its bytes. */
export type AudioInspection =
  | {
      ok: true;
      contentType: string;
      extension: string;
      durationSeconds: number | null;
      sampleRate: number | null;
      channels: number | null;
      peaks: number[] | null;
      /** How the preview decodes it; null for audio we accept but cannot decode (AAC, Ogg Opus). */
      decodeAs: DecodableFormat | null;
    }
  | { ok: false; reason: 'type_not_allowed' | 'unreadable' };

/** Detected file-type extension → the content type we store and serve. Anything else is refused. */
const ACCEPTED: Record<string, string> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  flac: 'audio/flac',
  aac: 'audio/aac',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
};

export const PEAK_PAIRS = 800;

/**
 * Sniffs the type from magic bytes (a text file called beat.wav is refused whatever its name or the
 * Content-Type said), reads duration and sample rate with music-metadata, and for WAV computes the
 * waveform overview from the PCM itself. Compressed formats get no peaks here: the beats service has
 * the preview worker decode them for it (preview/render-peaks.ts).
 */
export async function inspectAudio(file: string): Promise<AudioInspection> {
  const type = await fileTypeFromFile(file);
  const contentType = type ? ACCEPTED[type.ext] : undefined;
  if (!type || !contentType) return { ok: false, reason: 'type_not_allowed' };
  let metadata;
  try {
    metadata = await parseFile(file, { duration: true, skipCovers: true });
  } catch {
    // music-metadata throws on truncated or corrupt files; that is the uploader's problem, not ours.
    return { ok: false, reason: 'unreadable' };
  }
  const { duration, sampleRate, numberOfChannels, codec } = metadata.format;
  let peaks: number[] | null = null;
  if (type.ext === 'wav') {
    const computed = await streamedWavPeaks(file);
    if (!computed) return { ok: false, reason: 'unreadable' };
    peaks = computed;
  }
  if (duration === undefined || !Number.isFinite(duration) || duration <= 0) return { ok: false, reason: 'unreadable' };
  return {
    ok: true,
    contentType,
    extension: type.ext === 'oga' || type.ext === 'opus' ? 'ogg' : type.ext,
    durationSeconds: duration,
    sampleRate: sampleRate ?? null,
    channels: numberOfChannels ?? null,
    peaks,
    decodeAs: decodeAs(type.ext, codec),
  };
}

/** file-type's extension (and for Ogg, the codec music-metadata found) → the preview decoder, if any. */
function decodeAs(extension: string, codec: string | undefined): DecodableFormat | null {
  if (extension === 'ogg' || extension === 'oga') return codec === undefined || /vorbis/i.test(codec) ? 'ogg' : null;
  return isDecodable(extension) ? extension : null;
}

/** A voice tag: WAV or MP3 only, with its duration. */
export type VoiceTagInspection = { ok: true; decodeAs: 'wav' | 'mp3'; durationSeconds: number } | { ok: false; reason: 'type_not_allowed' | 'unreadable' };

export async function inspectVoiceTag(file: string): Promise<VoiceTagInspection> {
  const type = await fileTypeFromFile(file);
  if (type?.ext !== 'wav' && type?.ext !== 'mp3') return { ok: false, reason: 'type_not_allowed' };
  try {
    const { duration } = (await parseFile(file, { duration: true, skipCovers: true })).format;
    if (duration === undefined || !Number.isFinite(duration) || duration <= 0) return { ok: false, reason: 'unreadable' };
    return { ok: true, decodeAs: type.ext, durationSeconds: duration };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}

/** Peaks read from the file in chunks: memory stays flat whatever the file's length. */
async function streamedWavPeaks(file: string): Promise<number[] | undefined> {
  const format = await readWavFileFormat(file);
  if (!format) return undefined;
  const accumulator = createPeakAccumulator(format, PEAK_PAIRS);
  if (format.dataBytes > 0) {
    for await (const chunk of createReadStream(file, { start: format.dataOffset, end: format.dataOffset + format.dataBytes - 1 })) {
      accumulator.push(chunk as Buffer);
    }
  }
  return accumulator.result();
}
