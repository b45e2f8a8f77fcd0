import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertSafeKey, type ByteRange, type Storage, type StoredObject } from './storage.ts';

interface Sidecar {
  contentType: string;
  etag: string;
}

/**
 * Files in a folder: `<root>/objects/<key>` with `<root>/meta/<key>.json` beside it for the content
 * type and ETag (a SHA-256 of the content). Writes go to `<root>/tmp` and are renamed into place, so
 * a reader never sees half a file and a crash leaves only a stray temp file. Keys are checked with
 * `isSafeKey` and resolved paths must stay under the root, so nothing outside it is ever touched.
 */
export function createLocalStorage(root: string): Storage {
  const base = path.resolve(root);
  const objects = path.join(base, 'objects');
  const meta = path.join(base, 'meta');
  const temp = path.join(base, 'tmp');

  function within(folder: string, key: string, suffix = ''): string {
    assertSafeKey(key);
    const resolved = path.resolve(folder, key + suffix);
    if (!resolved.startsWith(folder + path.sep)) throw new Error(`storage key escapes the root: ${key}`);
    return resolved;
  }

  /**
   * Refuses a path whose real location (symbolic links resolved) is outside `folder`: the key checks
   * stop `..`, this stops a link planted inside the root from leading out of it.
   */
  async function insideReally(folder: string, target: string): Promise<void> {
    const [realFolder, realTarget] = await Promise.all([realpath(folder), realpath(target)]);
    if (realTarget !== realFolder && !realTarget.startsWith(realFolder + path.sep)) throw new Error(`storage path leads outside the root: ${target}`);
  }

  async function readSidecar(key: string): Promise<Sidecar | undefined> {
    try {
      return JSON.parse(await readFile(within(meta, key, '.json'), 'utf8')) as Sidecar;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async function head(key: string): Promise<StoredObject | undefined> {
    const file = within(objects, key);
    const sidecar = await readSidecar(key);
    if (!sidecar) return undefined;
    try {
      await insideReally(objects, file);
      const info = await stat(file);
      return { key, size: info.size, contentType: sidecar.contentType, etag: sidecar.etag, lastModified: info.mtime };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  return {
    async put(key, body, options) {
      const file = within(objects, key);
      const sidecarFile = within(meta, key, '.json');
      await mkdir(temp, { recursive: true });
      const tempFile = path.join(temp, randomUUID());
      const hash = createHash('sha256');
      let size = 0;
      const source = body instanceof Uint8Array ? Readable.from([body]) : body instanceof Readable ? body : Readable.fromWeb(body as NodeWebStream<Uint8Array>);
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          size += chunk.length;
          callback(null, chunk);
        },
      });
      try {
        await pipeline(source, counter, createWriteStream(tempFile, { flags: 'wx' }));
        if (size !== options.contentLength) throw new Error(`stored ${size} bytes for ${key}, expected ${options.contentLength}`);
        const sidecar: Sidecar = { contentType: options.contentType, etag: `"${hash.digest('hex')}"` };
        await mkdir(path.dirname(file), { recursive: true });
        await mkdir(path.dirname(sidecarFile), { recursive: true });
        await insideReally(objects, path.dirname(file));
        await insideReally(meta, path.dirname(sidecarFile));
        const tempSidecar = `${tempFile}.json`;
        await writeFile(tempSidecar, JSON.stringify(sidecar));
        // Content first, then its sidecar: an object counts as present only once both are in place.
        await rename(tempFile, file);
        await rename(tempSidecar, sidecarFile);
        const info = await stat(file);
        return { key, size, contentType: sidecar.contentType, etag: sidecar.etag, lastModified: info.mtime };
      } catch (error) {
        await rm(tempFile, { force: true });
        await rm(`${tempFile}.json`, { force: true });
        throw error;
      }
    },

    async get(key, range?: ByteRange) {
      const found = await head(key);
      if (!found) return undefined;
      if (range && (range.start < 0 || range.end < range.start || range.end >= found.size)) throw new RangeError(`range outside ${key}`);
      const stream = createReadStream(within(objects, key), range ? { start: range.start, end: range.end } : {});
      return { ...found, body: Readable.toWeb(stream) as ReadableStream<Uint8Array>, range };
    },

    head,

    async delete(key) {
      // Sidecar first: once it is gone the object reads as absent even if removing the content fails.
      await rm(within(meta, key, '.json'), { force: true });
      await rm(within(objects, key), { force: true });
    },
  };
}
