import { readFile } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { parseFile } from 'music-metadata';
import { readWavFormat, wavPeaks } from './wav.ts';

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
 * waveform overview from the PCM itself. Compressed formats get no peaks: decoding MP3/AAC on the
 * server is left to a later worker.
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
  const { duration, sampleRate, numberOfChannels } = metadata.format;
  let peaks: number[] | null = null;
  if (type.ext === 'wav') {
    // Bounded by UPLOAD_MAX_BYTES; a streaming peak pass would avoid holding the file in memory.
    const bytes = await readFile(file);
    const format = readWavFormat(bytes);
    if (!format) return { ok: false, reason: 'unreadable' };
    peaks = wavPeaks(bytes, format, PEAK_PAIRS);
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
  };
}
