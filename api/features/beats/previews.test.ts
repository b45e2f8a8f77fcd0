import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseBuffer } from 'music-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalStorage } from '../../storage/local-storage.ts';
import { call, createTestApp, signUp, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';
import { adtsAac, decodeMp3, encodeFlac, encodeMp3, sine, toneEnergy } from './preview/audio-fixtures.ts';
import { CHIME_NOTES } from './preview/generated-tag.ts';
import * as queries from './queries.ts';
import { createBeatsService, VOICE_TAG_MAX_BYTES } from './service.ts';
import { encodeMonoWav, sineWav } from './wav.ts';

const UPLOAD_LIMIT = 8 * 1024 * 1024;
const LOCALES = ['en', 'es', 'fr', 'pt-BR'];

/** The generated chime's energy over the second after a tag starts at `at` seconds. */
const chime = (samples: Float32Array, sampleRate: number, at: number) =>
  CHIME_NOTES.reduce((sum, note) => sum + toneEnergy(samples, sampleRate, note.frequency, at + note.at, at + note.at + 0.25), 0);

/** Whether `haystack` contains `needle` anywhere. */
const contains = (haystack: Uint8Array, needle: Uint8Array) => Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(needle) >= 0;

describe.each(databaseKinds())('tagged previews (%s)', (kind) => {
  let t: TestApp;
  let storageDir: string;
  beforeAll(async () => {
    storageDir = await mkdtemp(path.join(os.tmpdir(), 'cs-previews-'));
    t = await createTestApp(kind, { config: { storage: { dir: storageDir, s3: undefined }, uploadMaxBytes: UPLOAD_LIMIT } });
  });
  afterAll(async () => {
    await t.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  const stored = async () => (await readdir(path.join(storageDir, 'objects'), { recursive: true }).catch(() => [])).sort();

  async function post(token: string, route: string, bytes: Uint8Array, headers: Record<string, string> = {}) {
    const response = await t.app.request(route, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', ...headers }, body: bytes as Uint8Array<ArrayBuffer> });
    return { status: response.status, json: (await response.json()) as Record<string, any> };
  }

  async function draft(token: string, fields: Record<string, unknown> = {}) {
    const created = await call(t.app, 'POST', '/api/beats', { token, body: { title: 'Preview Test', genre: 'trap', price: 20, ...fields } });
    expect(created.status).toBe(201);
    return created.json.id as string;
  }

  async function previewBytes(id: string, token?: string) {
    const response = await t.app.request(`/api/beats/${id}/preview`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect(response.status).toBe(200);
    return new Uint8Array(await response.arrayBuffer());
  }

  it('turns a WAV upload into an MP3 preview: lower rate and bit rate, no longer, with the tag in it', async () => {
    const producer = await signUp(t.app);
    const id = await draft(producer.accessToken);
    const master = sineWav({ seconds: 14, sampleRate: 44_100, channels: 2, frequency: 220, amplitude: 0.5 });
    const uploaded = await post(producer.accessToken, `/api/beats/${id}/audio`, master);
    expect(uploaded.status).toBe(200);
    expect(uploaded.json.audio).toMatchObject({ contentType: 'audio/wav', sampleRate: 44_100, preview: { contentType: 'audio/mpeg', tag: 'generated' } });

    const preview = await previewBytes(id, producer.accessToken);
    expect(preview.length).toBe(uploaded.json.audio.preview.bytes);
    // MPEG audio frame sync (lamejs writes no ID3 tag).
    expect(preview[0]).toBe(0xff);
    expect(preview[1]! & 0xe0).toBe(0xe0);
    const { format } = await parseBuffer(preview, { mimeType: 'audio/mpeg' }, { duration: true });
    expect(format.codec).toMatch(/MPEG.*Layer 3/);
    expect(format.sampleRate).toBeLessThan(44_100);
    expect(format.bitrate).toBeLessThan(44_100 * 2 * 16);
    expect(format.bitrate).toBeLessThanOrEqual(128_000);
    expect(format.duration!).toBeLessThanOrEqual(14 + 0.05);
    expect(format.duration!).toBeGreaterThan(13.5);
    expect(preview.length).toBeLessThan(master.length / 10);

    const { samples, sampleRate } = await decodeMp3(preview);
    for (const at of [2, 11]) expect(chime(samples, sampleRate, at), `tag at ${at} s`).toBeGreaterThan(100 * chime(samples, sampleRate, at + 4));
  });

  it('makes previews from MP3 and FLAC uploads too', async () => {
    const producer = await signUp(t.app);
    const fromMp3 = await draft(producer.accessToken);
    const mp3 = await encodeMp3(sine({ seconds: 6, sampleRate: 44_100, frequency: 330 }), 44_100, 128);
    const mp3Upload = await post(producer.accessToken, `/api/beats/${fromMp3}/audio`, mp3);
    expect(mp3Upload.status).toBe(200);
    expect(mp3Upload.json.audio).toMatchObject({ contentType: 'audio/mpeg', preview: { contentType: 'audio/mpeg' } });
    const fromFlac = await draft(producer.accessToken);
    const flac = encodeFlac([sine({ seconds: 6, sampleRate: 48_000, frequency: 330 }), sine({ seconds: 6, sampleRate: 48_000, frequency: 440 })], 48_000);
    const flacUpload = await post(producer.accessToken, `/api/beats/${fromFlac}/audio`, flac);
    expect(flacUpload.status).toBe(200);
    expect(flacUpload.json.audio).toMatchObject({ contentType: 'audio/flac', sampleRate: 48_000, channels: 2, preview: { contentType: 'audio/mpeg' } });
    for (const [id, master] of [[fromMp3, mp3], [fromFlac, flac]] as const) {
      const preview = await previewBytes(id, producer.accessToken);
      expect(preview).not.toEqual(master);
      const { format } = await parseBuffer(preview, { mimeType: 'audio/mpeg' }, { duration: true });
      expect(format).toMatchObject({ sampleRate: 22_050, numberOfChannels: 1, bitrate: 96_000 });
      const { samples, sampleRate } = await decodeMp3(preview);
      expect(chime(samples, sampleRate, 1.5)).toBeGreaterThan(100 * chime(samples, sampleRate, 4.5));
    }
  });

  it('refuses audio it cannot make a preview from (AAC) with 415 in every locale, storing nothing', async () => {
    const producer = await signUp(t.app);
    const id = await draft(producer.accessToken);
    const before = await stored();
    const messages = new Set<string>();
    for (const locale of LOCALES) {
      const refused = await post(producer.accessToken, `/api/beats/${id}/audio`, adtsAac(200), { 'accept-language': locale });
      expect(refused.status).toBe(415);
      expect(refused.json.error.code).toBe('audio_preview_unsupported');
      expect(refused.json.error.message).toContain('AAC');
      messages.add(refused.json.error.message);
    }
    expect(messages.size).toBe(LOCALES.length);
    expect(await stored()).toEqual(before);
    expect((await call(t.app, 'GET', `/api/beats/${id}`, { token: producer.accessToken })).json.audio).toBeNull();
    expect((await call(t.app, 'POST', `/api/beats/${id}/publish`, { token: producer.accessToken })).json.error.code).toBe('beat_audio_missing');
  });

  it('never lets the master out through a public route; licence holders get it through their signed link', async () => {
    const producer = await signUp(t.app);
    const id = await draft(producer.accessToken, { freeDownload: true });
    const master = sineWav({ seconds: 4, sampleRate: 44_100, frequency: 523.25, amplitude: 0.7 });
    expect((await post(producer.accessToken, `/api/beats/${id}/audio`, master)).status).toBe(200);
    expect((await call(t.app, 'POST', `/api/beats/${id}/publish`, { token: producer.accessToken })).status).toBe(200);
    const sample = master.subarray(20_000, 20_064);
    const preview = await previewBytes(id);
    expect(contains(preview, sample)).toBe(false);

    // Every documented GET route, with the beat's id in its one parameter, as a guest and as a signed-in stranger.
    const stranger = await signUp(t.app);
    const document = (await call(t.app, 'GET', '/api/openapi.json')).json as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(document.paths)
      .filter(([route, methods]) => 'get' in methods && (route.match(/\{/g) ?? []).length <= 1)
      .map(([route]) => route.replace(/\{[^}]+\}/, id));
    expect(routes).toContain(`/api/beats/${id}/preview`);
    for (const route of routes) {
      for (const token of [undefined, stranger.accessToken]) {
        const response = await t.app.request(route, { headers: token ? { authorization: `Bearer ${token}` } : {} });
        const body = new Uint8Array(await response.arrayBuffer());
        expect(contains(body, sample), `${route} ${token ? 'stranger' : 'guest'}`).toBe(false);
      }
    }
    // The download paths: nothing for guests or people without a licence.
    expect((await call(t.app, 'GET', '/api/licences/anything/downloads')).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/licences/anything/downloads', { token: stranger.accessToken })).status).toBe(404);
    expect([403, 404]).toContain((await call(t.app, 'GET', '/api/downloads/not-a-real-token-at-all')).status);
    expect((await call(t.app, 'GET', '/api/licences', { token: stranger.accessToken })).json.licences).toEqual([]);
    // The free download is the tagged preview, not the master.
    const free = await call(t.app, 'POST', `/api/beats/${id}/free-download`, { body: { email: 'fan@example.com' } });
    expect(free.status).toBe(200);
    const freeFile = new Uint8Array(await (await t.app.request(free.json.url)).arrayBuffer());
    expect(freeFile).toEqual(preview);

    // A buyer's licence link serves the master itself.
    const buyer = await signUp(t.app);
    const order = await call(t.app, 'POST', `/api/beats/${id}/purchase`, { token: buyer.accessToken, body: { tier: 'premium' } });
    expect(order.status, order.text).toBe(201);
    const paid = await call(t.app, 'POST', `/api/payments/test-checkout/${order.json.order.id}`, { token: buyer.accessToken, body: { outcome: 'succeed' } });
    const links = await call(t.app, 'GET', `/api/licences/${paid.json.items[0].licenceId}/downloads`, { token: buyer.accessToken });
    const wav = links.json.links.find((link: { file: string }) => link.file === 'wav');
    expect(new Uint8Array(await (await t.app.request(wav.url)).arrayBuffer())).toEqual(master);
  }, 60_000);

  it('checks voice tags (type, size, length, silence), mixes a good one into the preview and can go back', async () => {
    const producer = await signUp(t.app);
    const id = await draft(producer.accessToken);
    expect((await post(producer.accessToken, `/api/beats/${id}/audio`, sineWav({ seconds: 12, sampleRate: 44_100, frequency: 220 }))).status).toBe(200);
    const before = await stored();
    const route = `/api/beats/${id}/voice-tag`;
    const cases: [string, Uint8Array, number, string][] = [
      ['text', new TextEncoder().encode('not audio at all\n'.repeat(20)), 415, 'voice_tag_type_not_allowed'],
      ['a FLAC (WAV or MP3 only)', encodeFlac([sine({ seconds: 1, sampleRate: 44_100, frequency: 600 })], 44_100), 415, 'voice_tag_type_not_allowed'],
      ['over the size cap', sineWav({ seconds: 13, sampleRate: 44_100, channels: 2 }), 413, 'voice_tag_too_large'],
      ['over the length cap', sineWav({ seconds: 8, sampleRate: 22_050 }), 422, 'voice_tag_too_long'],
      ['silence', encodeMonoWav(new Float32Array(22_050), 22_050), 422, 'voice_tag_silent'],
      ['empty', new Uint8Array(0), 400, 'audio_empty'],
    ];
    for (const [what, bytes, status, code] of cases) {
      const refused = await post(producer.accessToken, route, bytes);
      expect(refused.status, what).toBe(status);
      expect(refused.json.error.code, what).toBe(code);
    }
    expect(VOICE_TAG_MAX_BYTES).toBeLessThan(sineWav({ seconds: 13, sampleRate: 44_100, channels: 2 }).length);
    expect(await stored()).toEqual(before);
    const stranger = await signUp(t.app);
    // Someone else's draft does not exist for them.
    expect((await post(stranger.accessToken, route, sineWav({ seconds: 1 }))).status).toBe(404);

    // A "voice": a 1.5 s 700 Hz tone with leading silence (trimmed away).
    const voice = new Float32Array(Math.round(2 * 22_050));
    voice.set(sine({ seconds: 1.5, sampleRate: 22_050, frequency: 700, amplitude: 0.3 }), 11_025);
    const accepted = await post(producer.accessToken, route, encodeMonoWav(voice, 22_050));
    expect(accepted.status, JSON.stringify(accepted.json)).toBe(200);
    expect(accepted.json.voiceTag.durationSeconds).toBeCloseTo(1.5, 1);
    expect(accepted.json.audio.preview.tag).toBe('voice');
    const withVoice = await decodeMp3(await previewBytes(id, producer.accessToken));
    const voiceEnergy = (at: number) => toneEnergy(withVoice.samples, withVoice.sampleRate, 700, at + 0.2, at + 1.2);
    expect(voiceEnergy(2)).toBeGreaterThan(100 * voiceEnergy(5));
    expect(voiceEnergy(11)).toBeGreaterThan(100 * voiceEnergy(5));
    const chimeUnderVoice = chime(withVoice.samples, withVoice.sampleRate, 2);
    expect((await stored()).filter((file) => file.includes('voice-tag-'))).toHaveLength(1);

    const removed = await call(t.app, 'DELETE', route, { token: producer.accessToken });
    expect(removed.status).toBe(200);
    expect(removed.json).toMatchObject({ voiceTag: null, audio: { preview: { tag: 'generated' } } });
    const generated = await decodeMp3(await previewBytes(id, producer.accessToken));
    expect(chime(generated.samples, generated.sampleRate, 2)).toBeGreaterThan(100 * chime(generated.samples, generated.sampleRate, 5));
    // The voice tag had replaced the chime, not joined it.
    expect(chime(generated.samples, generated.sampleRate, 2)).toBeGreaterThan(100 * chimeUnderVoice);
    expect((await stored()).filter((file) => file.includes(`${id}/`))).toHaveLength(2);
  }, 60_000);

  it('publishes only with a preview, and makes missing ones (beats from before previews) in a backfill', async () => {
    const producer = await signUp(t.app);
    const id = await draft(producer.accessToken);
    expect((await post(producer.accessToken, `/api/beats/${id}/audio`, sineWav({ seconds: 3, sampleRate: 44_100 }))).status).toBe(200);
    const previewKey = (await queries.findBeat(t.database.db, id))!.beat.previewKey!;
    // As a beat uploaded before this feature: a master and no preview.
    await queries.updateBeat(t.database.db, id, { previewKey: null, previewBytes: null, previewEtag: null });
    const refused = await call(t.app, 'POST', `/api/beats/${id}/publish`, { token: producer.accessToken });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('beat_preview_missing');
    expect((await t.app.request(`/api/beats/${id}/preview`, { headers: { authorization: `Bearer ${producer.accessToken}` } })).status).toBe(404);

    const beats = createBeatsService({ db: t.database.db, clock: t.clock, logger: t.logger, storage: createLocalStorage(storageDir), uploadMaxBytes: UPLOAD_LIMIT });
    expect(await beats.backfillPreviews()).toBeGreaterThanOrEqual(1);
    const remade = (await queries.findBeat(t.database.db, id))!.beat;
    expect(remade.previewKey).toMatch(new RegExp(`^beats/${id}/preview-`));
    expect(remade.previewKey).not.toBe(previewKey);
    expect((await call(t.app, 'POST', `/api/beats/${id}/publish`, { token: producer.accessToken })).status).toBe(200);
    expect(await beats.backfillPreviews()).toBe(0);
  }, 60_000);

  it('draws the waveforms missing for compressed masters uploaded before they got one', async () => {
    const producer = await signUp(t.app);
    const id = await draft(producer.accessToken);
    const uploaded = await post(producer.accessToken, `/api/beats/${id}/audio`, await encodeMp3(sine({ seconds: 2, sampleRate: 22_050, frequency: 300, amplitude: 0.8 }), 22_050, 64));
    expect(uploaded.status, JSON.stringify(uploaded.json)).toBe(200);
    const drawnAtUpload = uploaded.json.audio.peaks as number[];
    // As an MP3 uploaded before compressed masters got waveforms.
    await queries.updateBeat(t.database.db, id, { peaks: null });
    const beats = createBeatsService({ db: t.database.db, clock: t.clock, logger: t.logger, storage: createLocalStorage(storageDir), uploadMaxBytes: UPLOAD_LIMIT });
    expect(await beats.backfillPeaks()).toBeGreaterThanOrEqual(1);
    expect((await call(t.app, 'GET', `/api/beats/${id}`, { token: producer.accessToken })).json.audio.peaks).toEqual(drawnAtUpload);
    expect(await beats.backfillPeaks()).toBe(0);
  }, 60_000);
});
