import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';

/**
 * Streams a request body into a temp file, stopping with `tooLarge()` the moment it passes `limit`,
 * runs `use` on the file (and its private folder, for scratch files beside it) and always removes
 * both. Nothing reaches storage unless `use` puts it there. Beat audio, voice tags and stems all
 * arrive this way.
 */
export async function withSpooledUpload<T>(
  body: ReadableStream<Uint8Array>,
  options: { limit: number; tempDir?: string | undefined; tooLarge: () => Error },
  use: (file: string, size: number, folder: string) => Promise<T>,
): Promise<T> {
  const folder = await mkdtemp(path.join(options.tempDir ?? os.tmpdir(), 'cs-upload-'));
  const file = path.join(folder, 'upload');
  try {
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > options.limit) callback(options.tooLarge());
        else callback(null, chunk);
      },
    });
    await pipeline(Readable.fromWeb(body as NodeWebStream<Uint8Array>), counter, createWriteStream(file));
    return await use(file, size, folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
