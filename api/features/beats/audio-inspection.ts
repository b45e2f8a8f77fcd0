import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { parseFile } from 'music-metadata';
import { createPeakAccumulator, readWavFormat } from './wav.ts';

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
  };
}

/** WAV headers are small, but LIST/bext chunks can push `data` back; 1 MiB covers real files. */
const WAV_HEADER_WINDOW = 1024 * 1024;

/** Peaks read from the file in chunks: memory stays flat whatever the file's length. */
async function streamedWavPeaks(file: string): Promise<number[] | undefined> {
  const handle = await open(file);
  let format;
  try {
    const { size } = await handle.stat();
    const head = new Uint8Array(Math.min(size, WAV_HEADER_WINDOW));
    await handle.read(head, 0, head.length, 0);
    format = readWavFormat(head, size);
  } finally {
    await handle.close();
  }
  if (!format) return undefined;
  const accumulator = createPeakAccumulator(format, PEAK_PAIRS);
  if (format.dataBytes > 0) {
    for await (const chunk of createReadStream(file, { start: format.dataOffset, end: format.dataOffset + format.dataBytes - 1 })) {
      accumulator.push(chunk as Buffer);
    }
  }
  return accumulator.result();
}
