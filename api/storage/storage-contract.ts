import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Storage } from './storage.ts';

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

const bytes = (value: string) => new TextEncoder().encode(value);

/**
 * What every Storage must do, run against each implementation (local folder, S3 via s3rver), so the
 * beat routes can rely on one behaviour whichever is configured.
 */
export function storageContract(name: string, make: () => Storage) {
  describe(`storage contract: ${name}`, () => {
    it('stores, reads back, reports and deletes an object', async () => {
      const storage = make();
      const stored = await storage.put('beats/abc/audio.wav', bytes('hello storage'), { contentType: 'audio/wav', contentLength: 13 });
      expect(stored).toMatchObject({ key: 'beats/abc/audio.wav', size: 13, contentType: 'audio/wav' });
      expect(stored.etag).toMatch(/^"[^"]+"$/);
      const head = await storage.head('beats/abc/audio.wav');
      expect(head).toMatchObject({ size: 13, contentType: 'audio/wav', etag: stored.etag });
      const got = await storage.get('beats/abc/audio.wav');
      expect(got?.size).toBe(13);
      expect(await text(got!.body)).toBe('hello storage');
      await storage.delete('beats/abc/audio.wav');
      expect(await storage.head('beats/abc/audio.wav')).toBeUndefined();
      expect(await storage.get('beats/abc/audio.wav')).toBeUndefined();
      await storage.delete('beats/abc/audio.wav');
    });

    it('accepts Node and web streams and replaces objects with a new ETag', async () => {
      const storage = make();
      const first = await storage.put('replace/me', Readable.from([Buffer.from('one '), Buffer.from('two')]), { contentType: 'text/plain', contentLength: 7 });
      const second = await storage.put('replace/me', new Response('three').body!, { contentType: 'text/plain', contentLength: 5 });
      expect(second.etag).not.toBe(first.etag);
      expect(await text((await storage.get('replace/me'))!.body)).toBe('three');
    });

    it('serves inclusive byte ranges and refuses ranges past the end', async () => {
      const storage = make();
      await storage.put('ranged', bytes('0123456789'), { contentType: 'application/octet-stream', contentLength: 10 });
      const middle = await storage.get('ranged', { start: 2, end: 5 });
      expect(middle?.size).toBe(10);
      expect(middle?.range).toEqual({ start: 2, end: 5 });
      expect(await text(middle!.body)).toBe('2345');
      expect(await text((await storage.get('ranged', { start: 9, end: 9 }))!.body)).toBe('9');
      await expect(storage.get('ranged', { start: 5, end: 10 })).rejects.toThrow(RangeError);
    });

    it('refuses unsafe keys instead of touching other paths', async () => {
      const storage = make();
      for (const key of ['../escape', 'a/../../b', '/absolute', 'UPPER', 'a//b', '', 'dot/./x', 'back\\slash', 'a/..', '.hidden']) {
        await expect(storage.put(key, bytes('x'), { contentType: 'text/plain', contentLength: 1 }), key).rejects.toThrow();
        await expect(storage.head(key), key).rejects.toThrow();
      }
    });
  });
}
