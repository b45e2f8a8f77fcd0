import { open } from 'node:fs/promises';
import { readWavFormat, type WavFormat } from './wav.ts';

/** WAV headers are small, but LIST/bext chunks can push `data` back; 1 MiB covers real files. */
const WAV_HEADER_WINDOW = 1024 * 1024;

/** The format of a WAV file on disk, read from its head only; undefined when it is not one we read. */
export async function readWavFileFormat(file: string): Promise<WavFormat | undefined> {
  const handle = await open(file);
  try {
    const { size } = await handle.stat();
    const head = new Uint8Array(Math.min(size, WAV_HEADER_WINDOW));
    await handle.read(head, 0, head.length, 0);
    return readWavFormat(head, size);
  } finally {
    await handle.close();
  }
}
