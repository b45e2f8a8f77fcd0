import { createReadStream } from 'node:fs';
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';

export interface StemsLimits {
  /** Most entries (files and folders) a stems zip may hold. */
  maxEntries: number;
  /** Most bytes the whole zip may unpack to. */
  maxUncompressedBytes: number;
  /** Highest overall uncompressed : compressed ratio; audio stems barely compress, bombs compress thousands-fold. */
  maxRatio: number;
}

export const DEFAULT_STEMS_LIMITS: StemsLimits = { maxEntries: 256, maxUncompressedBytes: 4 * 1024 ** 3, maxRatio: 100 };

export type StemsProblem = 'not_zip' | 'invalid' | 'too_many_entries' | 'unsafe_path' | 'bomb';
export type StemsInspection = { ok: true; entries: number; uncompressedBytes: number } | { ok: false; problem: StemsProblem };

/**
 * Whether a zip entry name is safe to extract anywhere: relative, no `..` segment, no backslashes
 * (Windows separators), no drive letters, no control characters, no empty segments.
 */
export function isSafeEntryName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(name)) return false;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return false;
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  return segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Reads a zip file in one streaming pass without writing anything: checks the magic bytes, every entry
 * name, the entry count, and really decompresses each entry counting bytes, stopping as soon as a
 * limit is passed. The declared sizes in a zip can lie; counting what comes out cannot.
 */
export async function inspectStemsZip(file: string, zipBytes: number, limits: StemsLimits): Promise<StemsInspection> {
  let problem: StemsProblem | undefined;
  let entries = 0;
  let uncompressed = 0;
  let sawHeader = false;
  let pendingFiles = 0;
  const unzip = new Unzip((entry) => {
    if (problem) return;
    entries++;
    if (entries > limits.maxEntries) return void (problem = 'too_many_entries');
    if (!isSafeEntryName(entry.name)) return void (problem = 'unsafe_path');
    if (entry.compression !== 0 && entry.compression !== 8) return void (problem = 'invalid');
    pendingFiles++;
    entry.ondata = (error, chunk, final) => {
      if (problem) return;
      if (error) return void (problem = 'invalid');
      uncompressed += chunk.length;
      if (uncompressed > limits.maxUncompressedBytes) {
        problem = 'bomb';
        entry.terminate();
        return;
      }
      if (final) pendingFiles--;
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 })) {
      const bytes = chunk as Buffer;
      if (!sawHeader) {
        if (bytes.length < 4 || !ZIP_MAGIC.every((byte, index) => bytes[index] === byte)) return { ok: false, problem: 'not_zip' };
        sawHeader = true;
      }
      unzip.push(bytes);
      if (problem) return { ok: false, problem };
    }
    unzip.push(new Uint8Array(0), true);
  } catch {
    // fflate throws on corrupt deflate data or truncated archives; either way the zip is unusable.
    return { ok: false, problem: problem ?? 'invalid' };
  }
  if (problem) return { ok: false, problem };
  if (!sawHeader) return { ok: false, problem: 'not_zip' };
  if (entries === 0 || pendingFiles !== 0) return { ok: false, problem: 'invalid' };
  if (uncompressed > limits.maxRatio * Math.max(zipBytes, 1)) return { ok: false, problem: 'bomb' };
  return { ok: true, entries, uncompressedBytes: uncompressed };
}
