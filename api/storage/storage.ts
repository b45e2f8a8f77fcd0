import type { Readable } from 'node:stream';

/** What a storage knows about one stored object. */
export interface StoredObject {
  key: string;
  /** Bytes. */
  size: number;
  contentType: string;
  /** Strong validator for HTTP (quoted), changes whenever the content does. */
  etag: string;
  lastModified: Date;
}

/** An inclusive byte range, as in HTTP `Range: bytes=start-end`. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StoredStream extends StoredObject {
  /** The requested bytes (the whole object when no range was asked for). */
  body: ReadableStream<Uint8Array>;
  range: ByteRange | undefined;
}

/**
 * Where uploaded files live: a local folder or an S3-compatible bucket. Audio is streamed through the
 * API (so access rules and Range handling live in one place), hence no signed URLs here. Keys are made
 * by the server (see `isSafeKey`); a storage refuses anything else rather than sanitising it.
 */
export interface Storage {
  /** Stores `body` under `key`, replacing any object there. S3 needs the length up front. */
  put(key: string, body: Readable | ReadableStream<Uint8Array> | Uint8Array, options: { contentType: string; contentLength: number }): Promise<StoredObject>;
  /** The object, or only `range` of it; undefined when absent. The range must lie within the object. */
  get(key: string, range?: ByteRange): Promise<StoredStream | undefined>;
  head(key: string): Promise<StoredObject | undefined>;
  /** Deleting a missing object is not an error. */
  delete(key: string): Promise<void>;
}

/** Lowercase segments of `[a-z0-9._-]`, no empty, `.` or `..` segment, at most 256 characters. */
const SAFE_KEY = /^(?!.*(?:^|\/)\.{1,2}(?:\/|$))[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)*$/;

export function isSafeKey(key: string): boolean {
  return key.length <= 256 && SAFE_KEY.test(key);
}

export function assertSafeKey(key: string): void {
  if (!isSafeKey(key)) throw new Error(`unsafe storage key: ${JSON.stringify(key)}`);
}
