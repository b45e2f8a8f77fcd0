import fc from 'fast-check';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BEAT_GENRES } from '../../../shared/schemas/beats.ts';
import { call, createTestApp, signUp, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';
import { encodeMp3, sine } from './preview/audio-fixtures.ts';
import { sineWav } from './wav.ts';

const UPLOAD_LIMIT = 256 * 1024;
const validBeat = { title: 'Night Drive', genre: 'trap', price: 29.99, bpm: 140, musicalKey: 'A minor', mood: 'dark', tags: ['808', 'Night'], description: 'Heavy bass.' };

/** Every file under a folder, relative to it. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)));
}

describe.each(databaseKinds())('beats API (%s)', (kind) => {
  let t: TestApp;
  let storageDir: string;
  beforeAll(async () => {
    storageDir = await mkdtemp(path.join(os.tmpdir(), 'cs-beats-'));
    t = await createTestApp(kind, { config: { storage: { dir: storageDir, s3: undefined }, uploadMaxBytes: UPLOAD_LIMIT } });
  });
  afterAll(async () => {
    await t.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  async function upload(token: string, id: string, bytes: Uint8Array | string, headers: Record<string, string> = {}) {
    const response = await t.app.request(`/api/beats/${id}/audio`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'audio/wav', ...headers },
      body: typeof bytes === 'string' ? bytes : (bytes as Uint8Array<ArrayBuffer>),
    });
    return { status: response.status, json: (await response.json()) as Record<string, any> };
  }

  async function publishedBeat(token: string, fields: Record<string, unknown> = {}) {
    const created = await call(t.app, 'POST', '/api/beats', { token, body: { ...validBeat, ...fields } });
    expect(created.status, created.text).toBe(201);
    expect((await upload(token, created.json.id, sineWav({ seconds: 0.2 }))).status).toBe(200);
    const published = await call(t.app, 'POST', `/api/beats/${created.json.id}/publish`, { token });
    expect(published.status).toBe(200);
    return published.json as { id: string };
  }

  describe('catalog', () => {
    it('creates a draft, edits, publishes after the audio is in, unpublishes and deletes', async () => {
      const producer = await signUp(t.app);
      const created = await call(t.app, 'POST', '/api/beats', { token: producer.accessToken, body: validBeat });
      expect(created.status).toBe(201);
      expect(created.json).toMatchObject({ title: 'Night Drive', price: 29.99, status: 'draft', tags: ['808', 'night'], audio: null, producerId: producer.userId });
      const id = created.json.id;

      const edited = await call(t.app, 'PUT', `/api/beats/${id}`, { token: producer.accessToken, body: { ...validBeat, title: 'Night Drive II', price: 35 } });
      expect(edited.json).toMatchObject({ title: 'Night Drive II', price: 35 });

      const early = await call(t.app, 'POST', `/api/beats/${id}/publish`, { token: producer.accessToken });
      expect(early.status).toBe(409);
      expect(early.json.error.code).toBe('beat_audio_missing');

      expect((await upload(producer.accessToken, id, sineWav({ seconds: 0.2 }))).status).toBe(200);
      const published = await call(t.app, 'POST', `/api/beats/${id}/publish`, { token: producer.accessToken });
      expect(published.json).toMatchObject({ status: 'published' });
      expect(published.json.publishedAt).toBeTruthy();
      expect((await call(t.app, 'GET', `/api/beats/${id}`)).status).toBe(200);

      expect((await call(t.app, 'POST', `/api/beats/${id}/unpublish`, { token: producer.accessToken })).json.status).toBe('draft');
      expect((await call(t.app, 'GET', `/api/beats/${id}`)).status).toBe(404);

      expect((await call(t.app, 'DELETE', `/api/beats/${id}`, { token: producer.accessToken })).status).toBe(204);
      expect((await call(t.app, 'GET', `/api/beats/${id}`, { token: producer.accessToken })).status).toBe(404);
      expect((await filesUnder(path.join(storageDir, 'objects'))).filter((file) => file.includes(id))).toEqual([]);
    });

    it.each([
      ['a title under 3 characters', { title: 'ab' }, 'title'],
      ['a title over 100 characters', { title: 'x'.repeat(101) }, 'title'],
      ['a genre off the list', { genre: 'polka' }, 'genre'],
      ['a price under 1', { price: 0.5 }, 'price'],
      ['a price over 1,000', { price: 1000.01 }, 'price'],
      ['a price with fractions of cents', { price: 10.001 }, 'price'],
      ['an unknown field', { producerId: 'someone-else' }, ''],
    ])('refuses %s with 422 and the error shape', async (_name, change, field) => {
      const producer = await signUp(t.app);
      const response = await call(t.app, 'POST', '/api/beats', { token: producer.accessToken, body: { ...validBeat, ...change } });
      expect(response.status).toBe(422);
      expect(response.json.error.code).toBe('validation_failed');
      expect(typeof response.json.error.message).toBe('string');
      if (field) expect(response.json.error.details.map((detail: { path: string }) => detail.path)).toContain(field);
    });

    it('accepts the edges of the spec: titles of 3 and 100 characters, prices 1 and 1,000', async () => {
      const producer = await signUp(t.app);
      for (const change of [{ title: 'abc' }, { title: 'x'.repeat(100) }, { price: 1 }, { price: 1000 }]) {
        expect((await call(t.app, 'POST', '/api/beats', { token: producer.accessToken, body: { ...validBeat, ...change } })).status).toBe(201);
      }
    });

    it('answers generated bad bodies with 4xx, never 5xx', async () => {
      const producer = await signUp(t.app);
      const badField = fc.oneof(
        // Long titles get letters at both ends: titles are trimmed, so edge spaces could make them valid.
        fc.record({ title: fc.oneof(fc.string({ maxLength: 2 }), fc.string({ minLength: 99, maxLength: 300 }).map((title) => `x${title}x`), fc.integer(), fc.constant(null)) }),
        fc.record({ genre: fc.string().filter((genre) => !(BEAT_GENRES as readonly string[]).includes(genre)) }),
        fc.record({ price: fc.oneof(fc.double({ max: 0.99, noNaN: true }), fc.double({ min: 1000.01, noNaN: true }), fc.string(), fc.constant(Number.NaN)) }),
        // NaN is not generated for bpm: JSON turns it into null, and a null bpm (unknown tempo) is valid.
        fc.record({ bpm: fc.oneof(fc.integer({ max: 39 }), fc.integer({ min: 301 }), fc.double({ min: 41, max: 299, noNaN: true }).filter((bpm) => !Number.isInteger(bpm))) }),
        fc.record({ tags: fc.oneof(fc.array(fc.string(), { minLength: 11 }), fc.string(), fc.array(fc.constant(''), { minLength: 1 })) }),
        fc.dictionary(fc.string().filter((key) => !(key in validBeat)), fc.jsonValue(), { minKeys: 1 }),
      );
      await fc.assert(
        fc.asyncProperty(badField, async (change) => {
          const response = await call(t.app, 'POST', '/api/beats', { token: producer.accessToken, body: { ...validBeat, ...change } });
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          expect(response.json.error.code).toBeTypeOf('string');
        }),
        { numRuns: 60 },
      );
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.string()), async (value) => {
          const raw = typeof value === 'string' ? value : JSON.stringify(value);
          const response = await call(t.app, 'POST', '/api/beats', { token: producer.accessToken, raw, headers: { 'content-type': 'application/json' } });
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
        }),
        { numRuns: 60 },
      );
    });
  });

  describe('authorization', () => {
    it('needs a token to create, edit, publish, upload or delete', async () => {
      const producer = await signUp(t.app);
      const id = (await call(t.app, 'POST', '/api/beats', { token: producer.accessToken, body: validBeat })).json.id;
      for (const [method, route] of [
        ['POST', '/api/beats'],
        ['PUT', `/api/beats/${id}`],
        ['POST', `/api/beats/${id}/publish`],
        ['POST', `/api/beats/${id}/audio`],
        ['DELETE', `/api/beats/${id}`],
      ] as const) {
        const response = await call(t.app, method, route, { body: validBeat });
        expect(response.status, `${method} ${route}`).toBe(401);
        expect(response.json.error.code).toBe('unauthenticated');
      }
    });

    it("keeps another producer's beats out of reach: drafts do not exist for them, published ones are read-only", async () => {
      const producer = await signUp(t.app);
      const stranger = await signUp(t.app);
      const draft = (await call(t.app, 'POST', '/api/beats', { token: producer.accessToken, body: validBeat })).json.id;
      const published = (await publishedBeat(producer.accessToken)).id;
      for (const [method, route] of [
        ['GET', `/api/beats/${draft}`],
        ['GET', `/api/beats/${draft}/preview`],
        ['PUT', `/api/beats/${draft}`],
        ['DELETE', `/api/beats/${draft}`],
        ['POST', `/api/beats/${draft}/publish`],
        ['POST', `/api/beats/${draft}/audio`],
      ] as const) {
        const response = await call(t.app, method, route, { token: stranger.accessToken, ...(method === 'GET' ? {} : { body: validBeat }) });
        expect(response.status, `${method} ${route}`).toBe(404);
      }
      for (const [method, route] of [
        ['PUT', `/api/beats/${published}`],
        ['DELETE', `/api/beats/${published}`],
        ['POST', `/api/beats/${published}/unpublish`],
        ['POST', `/api/beats/${published}/audio`],
      ] as const) {
        const response = await call(t.app, method, route, { token: stranger.accessToken, body: validBeat });
        expect(response.status, `${method} ${route}`).toBe(403);
        expect(response.json.error.code).toBe('beat_forbidden');
      }
      expect((await call(t.app, 'GET', `/api/beats/${published}`, { token: stranger.accessToken })).json.title).toBe('Night Drive');
      // Storefronts show drafts to their producer only.
      const mine = await call(t.app, 'GET', `/api/beats?producer=${producer.userId}`, { token: producer.accessToken });
      expect(mine.json.beats.map((beat: { id: string }) => beat.id).sort()).toEqual([draft, published].sort());
      const theirs = await call(t.app, 'GET', `/api/beats?producer=${producer.userId}`, { token: stranger.accessToken });
      expect(theirs.json.beats.map((beat: { id: string }) => beat.id)).toEqual([published]);
      expect((await call(t.app, 'GET', '/api/beats', { token: 'not-a-token' })).status).toBe(401);
    });
  });

  describe('uploads', () => {
    it('accepts a WAV and reads its duration, sample rate, channels and peaks', async () => {
      const producer = await signUp(t.app);
      const id = (await call(t.app, 'POST', '/api/beats', { token: producer.accessToken, body: validBeat })).json.id;
      const response = await upload(producer.accessToken, id, sineWav({ seconds: 1, sampleRate: 22_050, channels: 2, amplitude: 1 }));
      expect(response.status).toBe(200);
      expect(response.json.audio).toMatchObject({ contentType: 'audio/wav', sampleRate: 22_050, channels: 2, bytes: 44 + 22_050 * 4 });
      expect(response.json.audio.durationSeconds).toBeCloseTo(1, 2);
      expect(response.json.audio.peaks).toHaveLength(1600);
      expect(Math.max(...response.json.audio.peaks)).toBe(127);
      const fetched = await call(t.app, 'GET', `/api/beats/${id}`, { token: producer.accessToken });
      expect(fetched.json.audio.peaks).toEqual(response.json.audio.peaks);
      // Lists carry the audio facts but not the waveform.
      const listed = await call(t.app, 'GET', `/api/beats?producer=${producer.userId}`, { token: producer.accessToken });
      expect(listed.json.beats[0].audio).toMatchObject({ sampleRate: 22_050, peaks: null });
    });

    it('accepts an MP3 by its frames, with its duration and (decoded) peaks', async () => {
      const producer = await signUp(t.app);
      const id = (await call(t.app, 'POST', '/api/beats', { token: producer.accessToken, body: validBeat })).json.id;
      // 40 silent MPEG-1 Layer III frames: 128 kb/s, 44.1 kHz, 417 bytes, 1,152 samples each.
      const mp3 = new Uint8Array(417 * 40);
      for (let frame = 0; frame < 40; frame++) mp3.set([0xff, 0xfb, 0x90, 0x00], frame * 417);
      const response = await upload(producer.accessToken, id, mp3, { 'content-type': 'audio/wav' });
      expect(response.status).toBe(200);
      expect(response.json.audio).toMatchObject({ contentType: 'audio/mpeg', sampleRate: 44_100 });
      expect(response.json.audio.durationSeconds).toBeCloseTo((40 * 1152) / 44_100, 3);
      // Silent frames: a flat waveform, all of it.
      expect(response.json.audio.peaks).toHaveLength(1600);
      expect(response.json.audio.peaks.every((peak: number) => peak === 0)).toBe(true);
    });

    it('draws the waveform of a compressed master from its decoded audio: loud where it is loud, flat where it is silent', async () => {
      const producer = await signUp(t.app);
      const id = (await call(t.app, 'POST', '/api/beats', { token: producer.accessToken, body: validBeat })).json.id;
      // One second of a tone at 0.8, then one second of silence.
      const samples = new Float32Array(2 * 22_050);
      samples.set(sine({ seconds: 1, sampleRate: 22_050, frequency: 440, amplitude: 0.8 }));
      const response = await upload(producer.accessToken, id, await encodeMp3(samples, 22_050, 64), { 'content-type': 'audio/mpeg' });
      expect(response.status, JSON.stringify(response.json)).toBe(200);
      const peaks = response.json.audio.peaks as number[];
      expect(peaks).toHaveLength(1600);
      const maxima = peaks.filter((_, index) => index % 2 === 1);
      // The tone (about 0.8 × 127) in the first half of the buckets, next to nothing in the second. The
      // MP3's encoder and decoder delay (about 1,000 samples, some 20 buckets here) shifts it right.
      for (const peak of maxima.slice(40, 400)) expect(peak).toBeGreaterThan(80);
      for (const peak of maxima.slice(450)) expect(peak).toBeLessThan(8);
      expect(Math.max(...maxima.slice(0, 15))).toBeLessThan(8);
    });

    it('refuses a text file called .wav, an empty body and an oversize file, storing nothing', async () => {
      const producer = await signUp(t.app);
      const id = (await call(t.app, 'POST', '/api/beats', { token: producer.accessToken, body: validBeat })).json.id;
      const before = await filesUnder(storageDir);

      const text = await upload(producer.accessToken, id, 'just some words, not audio at all\n'.repeat(50), { 'content-disposition': 'attachment; filename="beat.wav"' });
      expect(text.status).toBe(415);
      expect(text.json.error.code).toBe('audio_type_not_allowed');

      // The right magic bytes with nothing playable behind them.
      const hollow = new TextEncoder().encode('RIFF\u0024\u0000\u0000\u0000WAVEjunkjunkjunkjunkjunkjunkjunkjunk');
      const unreadable = await upload(producer.accessToken, id, hollow);
      expect(unreadable.status).toBe(422);
      expect(unreadable.json.error.code).toBe('audio_unreadable');

      const empty = await upload(producer.accessToken, id, new Uint8Array(0));
      expect(empty.status).toBe(400);
      expect(empty.json.error.code).toBe('audio_empty');

      const declared = await upload(producer.accessToken, id, sineWav({ seconds: 4 }));
      expect(declared.status).toBe(413);
      expect(declared.json.error.code).toBe('audio_too_large');

      // Without a Content-Length the limit is enforced while streaming.
      const big = sineWav({ seconds: 4 });
      const chunks = Array.from({ length: Math.ceil(big.length / 65_536) }, (_, index) => big.subarray(index * 65_536, (index + 1) * 65_536));
      const streamed = await t.app.request(`/api/beats/${id}/audio`, {
        method: 'POST',
        headers: { authorization: `Bearer ${producer.accessToken}`, 'content-type': 'audio/wav' },
        body: new ReadableStream({
          pull(controller) {
            const next = chunks.shift();
            if (next) controller.enqueue(next);
            else controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
      expect(streamed.status).toBe(413);

      expect(await filesUnder(storageDir)).toEqual(before);
      expect((await call(t.app, 'GET', `/api/beats/${id}`, { token: producer.accessToken })).json.audio).toBeNull();
    });

    it('stores under a generated key whatever the file is called, and replaces the old file', async () => {
      const producer = await signUp(t.app);
      const id = (await call(t.app, 'POST', '/api/beats', { token: producer.accessToken, body: validBeat })).json.id;
      const hostile = { 'content-disposition': 'attachment; filename="../../../etc/passwd.wav"', 'x-file-name': '../../escape.wav' };
      expect((await upload(producer.accessToken, id, sineWav({ seconds: 0.1 }), hostile)).status).toBe(200);
      expect((await upload(producer.accessToken, id, sineWav({ seconds: 0.2 }), hostile)).status).toBe(200);
      // The master and its preview, each under a generated key; the first upload's pair is gone.
      const files = (await filesUnder(path.join(storageDir, 'objects'))).filter((file) => file.includes(id));
      expect(files.sort()).toEqual([expect.stringMatching(new RegExp(`^beats/${id}/[0-9a-f-]{36}\\.wav$`)), expect.stringMatching(new RegExp(`^beats/${id}/preview-[0-9a-f-]{36}\\.mp3$`))]);
      expect((await filesUnder(storageDir)).filter((file) => /passwd|escape/.test(file))).toEqual([]);
    });
    it('keeps exactly one master and one preview when uploads race', async () => {
      const producer = await signUp(t.app);
      const id = (await call(t.app, 'POST', '/api/beats', { token: producer.accessToken, body: validBeat })).json.id;
      const results = await Promise.all([0.1, 0.2, 0.3, 0.4].map((seconds) => upload(producer.accessToken, id, sineWav({ seconds }))));
      expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200]);
      const files = (await filesUnder(path.join(storageDir, 'objects'))).filter((file) => file.includes(id));
      expect(files).toHaveLength(2);
      const beat = await call(t.app, 'GET', `/api/beats/${id}`, { token: producer.accessToken });
      const preview = await t.app.request(`/api/beats/${id}/preview`, { headers: { authorization: `Bearer ${producer.accessToken}` } });
      expect(Number(preview.headers.get('content-length'))).toBe(beat.json.audio.preview.bytes);
      await preview.arrayBuffer();
    });
  });

  describe('preview streaming', () => {
    let producer: Awaited<ReturnType<typeof signUp>>;
    let id: string;
    let wav: Uint8Array;
    /** The preview's bytes as the producer first fetched them: what every range must match. */
    let full: Uint8Array;
    beforeAll(async () => {
      producer = await signUp(t.app);
      id = (await call(t.app, 'POST', '/api/beats', { token: producer.accessToken, body: validBeat })).json.id;
      wav = sineWav({ seconds: 0.5, frequency: 330 });
      await upload(producer.accessToken, id, wav);
    });
    const preview = (headers: Record<string, string> = {}, token?: string) =>
      t.app.request(`/api/beats/${id}/preview`, { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });

    it("streams a draft to its producer only", async () => {
      expect((await preview()).status).toBe(404);
      const own = await preview({}, producer.accessToken);
      expect(own.status).toBe(200);
      expect(own.headers.get('cache-control')).toContain('private');
      full = new Uint8Array(await own.arrayBuffer());
      await call(t.app, 'POST', `/api/beats/${id}/publish`, { token: producer.accessToken });
    });

    it('sends the whole preview (an MP3, not the master) with validators and caching headers', async () => {
      const response = await preview();
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('audio/mpeg');
      expect(response.headers.get('accept-ranges')).toBe('bytes');
      expect(response.headers.get('content-length')).toBe(String(full.length));
      expect(response.headers.get('cache-control')).toBe('public, max-age=60');
      expect(response.headers.get('etag')).toMatch(/^"/);
      const body = new Uint8Array(await response.arrayBuffer());
      expect(body).toEqual(full);
      expect(body).not.toEqual(wav);
      expect((await call(t.app, 'GET', `/api/beats/${id}`)).json.audio.preview).toMatchObject({ contentType: 'audio/mpeg', bytes: full.length, tag: 'generated' });
      expect((await preview({ 'if-none-match': response.headers.get('etag')! })).status).toBe(304);
    });

    it('serves partial and suffix ranges with 206 and Content-Range', async () => {
      const partial = await preview({ range: 'bytes=0-43' });
      expect(partial.status).toBe(206);
      expect(partial.headers.get('content-range')).toBe(`bytes 0-43/${full.length}`);
      expect(new Uint8Array(await partial.arrayBuffer())).toEqual(full.subarray(0, 44));
      const open = await preview({ range: `bytes=${full.length - 10}-` });
      expect(open.status).toBe(206);
      expect(new Uint8Array(await open.arrayBuffer())).toEqual(full.subarray(full.length - 10));
      const suffix = await preview({ range: 'bytes=-100' });
      expect(suffix.status).toBe(206);
      expect(suffix.headers.get('content-range')).toBe(`bytes ${full.length - 100}-${full.length - 1}/${full.length}`);
      expect(new Uint8Array(await suffix.arrayBuffer())).toEqual(full.subarray(full.length - 100));
    });

    it('answers 416 with the size for ranges outside the file', async () => {
      for (const range of [`bytes=${full.length}-`, 'bytes=50-10', 'bytes=-0']) {
        const response = await preview({ range });
        expect(response.status, range).toBe(416);
        expect(response.headers.get('content-range')).toBe(`bytes */${full.length}`);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('range_not_satisfiable');
      }
    });

    it('honours If-Range: a stale validator gets the whole file', async () => {
      const etag = (await preview({ range: 'bytes=0-0' })).headers.get('etag')!;
      expect((await preview({ range: 'bytes=0-9', 'if-range': etag })).status).toBe(206);
      const stale = await preview({ range: 'bytes=0-9', 'if-range': '"something-else"' });
      expect(stale.status).toBe(200);
      expect((await stale.arrayBuffer()).byteLength).toBe(full.length);
    });

    it('leaves counting plays to POST /plays: streaming the preview counts nothing', async () => {
      const before = (await call(t.app, 'GET', `/api/beats/${id}`)).json.plays;
      await (await preview()).arrayBuffer();
      await (await preview({ range: 'bytes=0-' })).arrayBuffer();
      const head = await t.app.request(`/api/beats/${id}/preview`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-length')).toBe(String(full.length));
      expect((await call(t.app, 'GET', `/api/beats/${id}`)).json.plays).toBe(before);
      // The player's POST when playback starts counts it, once per listener per day.
      const listener = await signUp(t.app);
      expect((await call(t.app, 'POST', `/api/beats/${id}/plays`, { token: listener.accessToken })).json).toMatchObject({ counted: true, plays: before + 1 });
      expect((await call(t.app, 'POST', `/api/beats/${id}/plays`, { token: listener.accessToken })).json).toMatchObject({ counted: false, plays: before + 1 });
      await (await preview({}, listener.accessToken)).arrayBuffer();
      expect((await call(t.app, 'GET', `/api/beats/${id}`)).json.plays).toBe(before + 1);
    });
  });
});
