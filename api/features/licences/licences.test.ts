import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedBeat } from '../../testing/commerce-fixtures.ts';
import { call, createTestApp, signUp, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';
import { beats } from '../../db/schema.ts';
import { decodeMp3, encodeMp3, sine } from '../beats/preview/audio-fixtures.ts';
import { sineWav } from '../beats/wav.ts';

const UPLOAD_LIMIT = 256 * 1024;

describe.each(databaseKinds())('licences, stems and downloads (%s)', (kind) => {
  let t: TestApp;
  let storageDir: string;
  beforeAll(async () => {
    storageDir = await mkdtemp(path.join(os.tmpdir(), 'cs-licences-'));
    t = await createTestApp(kind, {
      config: { storage: { dir: storageDir, s3: undefined }, uploadMaxBytes: UPLOAD_LIMIT, stems: { maxEntries: 5, maxUncompressedBytes: 4 * 1024 * 1024, maxRatio: 100 } },
    });
  });
  afterAll(async () => {
    await t.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  const stored = async () => (await readdir(path.join(storageDir, 'objects'), { recursive: true }).catch(() => [])).sort();
  const postZip = (beatId: string, token: string, bytes: Uint8Array) =>
    t.app.request(`/api/beats/${beatId}/stems`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/zip' }, body: bytes as Uint8Array<ArrayBuffer> });

  /** A beat bought with the given tier in test mode; returns everyone involved and the licence. */
  async function bought(tier: string) {
    const sale = await publishedBeat(t.app, { price: 20 });
    const buyer = await signUp(t.app);
    const order = await call(t.app, 'POST', `/api/beats/${sale.beatId}/purchase`, { token: buyer.accessToken, body: { tier } });
    expect(order.status, order.text).toBe(201);
    const paid = await call(t.app, 'POST', `/api/payments/test-checkout/${order.json.order.id}`, { token: buyer.accessToken, body: { outcome: 'succeed' } });
    expect(paid.json.status).toBe('paid');
    return { ...sale, buyer, licenceId: paid.json.items[0].licenceId as string, orderId: order.json.order.id as string };
  }

  it('starts every beat with the five default tiers, which only its producer can change', async () => {
    const { beatId, producer } = await publishedBeat(t.app, { price: 30 });
    const terms = await call(t.app, 'GET', `/api/beats/${beatId}/licences`);
    expect(terms.status).toBe(200);
    expect(terms.json.tiers.map((tier: { tier: string; price: number; files: string[] }) => [tier.tier, tier.price, tier.files.join('+')])).toEqual([
      ['basic', 30, 'mp3'],
      ['premium', 60, 'mp3+wav'],
      ['trackout', 120, 'mp3+wav+stems'],
      ['unlimited', 240, 'mp3+wav+stems'],
      ['exclusive', 750, 'mp3+wav+stems'],
    ]);
    const premium = { tier: 'premium', price: 75, files: ['wav', 'mp3'], enabled: true, caps: { streams: 250_000, copiesSold: null, musicVideos: 2, radioStations: 1, paidPerformances: null } };
    const stranger = await signUp(t.app);
    const refused = await call(t.app, 'PUT', `/api/beats/${beatId}/licences`, { token: stranger.accessToken, body: { tiers: [premium] } });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('beat_forbidden');
    expect((await call(t.app, 'PUT', `/api/beats/${beatId}/licences`, { body: { tiers: [premium] } })).status).toBe(401);
    const bad = await call(t.app, 'PUT', `/api/beats/${beatId}/licences`, { token: producer.accessToken, body: { tiers: [{ ...premium, price: 0 }, premium] } });
    expect(bad.status).toBe(422);
    const saved = await call(t.app, 'PUT', `/api/beats/${beatId}/licences`, { token: producer.accessToken, body: { tiers: [premium, { ...premium, tier: 'unlimited', enabled: false }] } });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json.tiers[1]).toEqual(premium);
    expect(saved.json.tiers[3].enabled).toBe(false);
    const buyer = await signUp(t.app);
    expect((await call(t.app, 'POST', `/api/beats/${beatId}/purchase`, { token: buyer.accessToken, body: { tier: 'unlimited' } })).json.error.code).toBe('licence_tier_disabled');
  });

  it('accepts a stems zip and refuses wrong types, oversize, hostile names, traversal, too many entries and zip bombs, storing nothing', async () => {
    const { beatId, producer } = await publishedBeat(t.app);
    const wav = sineWav({ seconds: 0.2, sampleRate: 8000 });
    const ok = await postZip(beatId, producer.accessToken, zipSync({ 'stems/drums.wav': wav, 'stems/bass.wav': wav }));
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect((await ok.json()).stems).toMatchObject({ entries: 2, uncompressedBytes: wav.length * 2 });
    const before = await stored();

    const cases: [string, Uint8Array, number, string][] = [
      ['a WAV named .zip', wav, 415, 'stems_not_zip'],
      ['random bytes', new Uint8Array(4096).fill(7), 415, 'stems_not_zip'],
      ['a truncated zip', zipSync({ 'a.wav': wav }).subarray(0, 200), 422, 'stems_zip_invalid'],
      ['parent traversal', zipSync({ '../../etc/cron.d/evil': wav }), 422, 'stems_unsafe_path'],
      ['nested traversal', zipSync({ 'stems/../../evil.wav': wav }), 422, 'stems_unsafe_path'],
      ['an absolute path', zipSync({ '/etc/passwd': wav }), 422, 'stems_unsafe_path'],
      ['a drive letter', zipSync({ 'C:/Windows/evil.dll': wav }), 422, 'stems_unsafe_path'],
      ['backslashes', zipSync({ 'stems\\..\\..\\evil.wav': wav }), 422, 'stems_unsafe_path'],
      ['a control character', zipSync({ 'drums\u0000.wav': wav }), 422, 'stems_unsafe_path'],
      ['too many entries', zipSync(Object.fromEntries(Array.from({ length: 6 }, (_, index) => [`stem-${index}.wav`, wav]))), 422, 'stems_too_many_entries'],
      ['a zip bomb', zipSync({ 'zeros.wav': new Uint8Array(64 * 1024 * 1024) }, { level: 9 }), 422, 'stems_zip_bomb'],
      ['a file over the upload limit', zipSync({ 'noise.wav': randomBytes(UPLOAD_LIMIT + 1024) }, { level: 0 }), 413, 'stems_too_large'],
    ];
    for (const [what, bytes, status, code] of cases) {
      const response = await postZip(beatId, producer.accessToken, bytes);
      const body = await response.json();
      expect(response.status, `${what}: ${JSON.stringify(body)}`).toBe(status);
      expect(body.error.code, what).toBe(code);
    }
    expect(await stored()).toEqual(before);
    const stranger = await signUp(t.app);
    expect((await postZip(beatId, stranger.accessToken, zipSync({ 'a.wav': wav }))).status).toBe(403);
  });

  it('gives licence holders short-lived signed links to the files their tier includes, and nobody else any', async () => {
    const sale = await bought('basic');
    const links = await call(t.app, 'GET', `/api/licences/${sale.licenceId}/downloads`, { token: sale.buyer.accessToken });
    expect(links.status).toBe(200);
    expect(links.json.links.map((link: { file: string }) => link.file)).toEqual(['mp3']);
    const file = await t.app.request(links.json.links[0].url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment/);
    expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    // Others: no links, no contract, not in their list.
    const stranger = await signUp(t.app);
    for (const route of [`/api/licences/${sale.licenceId}/downloads`, `/api/licences/${sale.licenceId}/contract.pdf`]) {
      const response = await call(t.app, 'GET', route, { token: stranger.accessToken });
      expect(response.status, route).toBe(404);
      expect(response.json.error.code).toBe('licence_not_found');
    }
    expect((await call(t.app, 'GET', '/api/licences', { token: stranger.accessToken })).json.licences).toEqual([]);
    expect((await call(t.app, 'GET', `/api/orders/${sale.orderId}`, { token: stranger.accessToken })).status).toBe(404);
    expect((await call(t.app, 'GET', '/api/orders', { token: stranger.accessToken })).json.orders).toEqual([]);

    // A link is not a key to other files: editing its payload breaks the signature; it expires.
    const [payload, signature] = links.json.links[0].url.split('/').at(-1).split('.');
    const claim = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = `${Buffer.from(JSON.stringify({ ...claim, file: 'wav' })).toString('base64url')}.${signature}`;
    expect((await call(t.app, 'GET', `/api/downloads/${forged}`)).json.error.code).toBe('download_link_invalid');
    t.clock.advance(16 * 60 * 1000);
    const expired = await call(t.app, 'GET', links.json.links[0].url);
    expect(expired.status).toBe(410);
    expect(expired.json.error.code).toBe('download_link_expired');
  });

  it('delivers each file in its own format: an MP3 made once from a WAV master, the WAV master itself; an MP3 master delivers no WAV', async () => {
    const sale = await bought('premium');
    const linksOf = async () => (await call(t.app, 'GET', `/api/licences/${sale.licenceId}/downloads`, { token: sale.buyer.accessToken })).json.links as Array<{ file: string; url: string }>;
    const links = await linksOf();
    expect(links.map((link) => link.file)).toEqual(['mp3', 'wav']);
    // Three buyers' clicks at once make the file once.
    const [mp3, ...others] = await Promise.all([1, 2, 3].map(() => t.app.request(links[0]!.url)));
    expect([mp3!.status, ...others.map((response) => response.status)]).toEqual([200, 200, 200]);
    expect(mp3!.headers.get('content-type')).toBe('audio/mpeg');
    expect(mp3!.headers.get('content-disposition')).toMatch(/-mp3\.mp3"$/);
    const decoded = await decodeMp3(new Uint8Array(await mp3!.arrayBuffer()));
    // The whole 0.2 s master (publishedBeat's), not a tagged preview of it.
    expect(decoded.samples.length / decoded.sampleRate).toBeGreaterThan(0.19);
    const deliveryFiles = async () => (await stored()).filter((file) => file.includes(sale.beatId) && file.includes('delivery-'));
    expect(await deliveryFiles()).toHaveLength(1);
    const [row] = await t.database.db.select({ key: beats.deliveryMp3Key }).from(beats).where(eq(beats.id, sale.beatId));
    expect(row!.key).toMatch(/^beats\/.+\/delivery-.+\.mp3$/);
    // Made once: the next download serves the same stored file.
    expect((await t.app.request((await linksOf())[0]!.url)).status).toBe(200);
    expect(await deliveryFiles()).toHaveLength(1);

    const wav = await t.app.request(links[1]!.url);
    expect(wav.headers.get('content-type')).toBe('audio/wav');
    expect(wav.headers.get('content-disposition')).toMatch(/-wav\.wav"$/);
    expect(new Uint8Array(await wav.arrayBuffer())).toEqual(sineWav({ seconds: 0.2, sampleRate: 8000 }));

    // A new master makes the old MP3 obsolete: it is deleted, and the next download makes a new one.
    const replaced = await t.app.request(`/api/beats/${sale.beatId}/audio`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sale.producer.accessToken}`, 'content-type': 'audio/wav' },
      body: sineWav({ seconds: 0.3, sampleRate: 8000 }) as Uint8Array<ArrayBuffer>,
    });
    expect(replaced.status).toBe(200);
    expect(await deliveryFiles()).toHaveLength(0);
    const remade = await t.app.request((await linksOf())[0]!.url);
    const again = await decodeMp3(new Uint8Array(await remade.arrayBuffer()));
    expect(again.samples.length / again.sampleRate).toBeGreaterThan(0.29);

    // An MP3 master: the MP3 is the master itself, and a WAV of it would be a lossy file in disguise.
    const producer = sale.producer;
    const created = await call(t.app, 'POST', '/api/beats', { token: producer.accessToken, body: { title: 'Lossy Lane', genre: 'trap', price: 20 } });
    const master = await encodeMp3(sine({ seconds: 1, sampleRate: 44_100, frequency: 330 }), 44_100, 192);
    const uploaded = await t.app.request(`/api/beats/${created.json.id}/audio`, {
      method: 'POST',
      headers: { authorization: `Bearer ${producer.accessToken}`, 'content-type': 'audio/mpeg' },
      body: master as Uint8Array<ArrayBuffer>,
    });
    expect(uploaded.status, await uploaded.clone().text()).toBe(200);
    expect((await call(t.app, 'POST', `/api/beats/${created.json.id}/publish`, { token: producer.accessToken })).status).toBe(200);
    const order = await call(t.app, 'POST', `/api/beats/${created.json.id}/purchase`, { token: sale.buyer.accessToken, body: { tier: 'premium' } });
    const paid = await call(t.app, 'POST', `/api/payments/test-checkout/${order.json.order.id}`, { token: sale.buyer.accessToken, body: { outcome: 'succeed' } });
    const lossyLinks = (await call(t.app, 'GET', `/api/licences/${paid.json.items[0].licenceId}/downloads`, { token: sale.buyer.accessToken })).json.links;
    expect(lossyLinks.map((link: { file: string }) => link.file)).toEqual(['mp3']);
    expect(new Uint8Array(await (await t.app.request(lossyLinks[0].url)).arrayBuffer())).toEqual(master);
  });

  it('keeps a beat its buyers hold licences of: deleting it is refused, unpublishing it leaves their downloads working', async () => {
    const sale = await bought('basic');
    const refused = await call(t.app, 'DELETE', `/api/beats/${sale.beatId}`, { token: sale.producer.accessToken });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('beat_has_licences');
    expect((await call(t.app, 'POST', `/api/beats/${sale.beatId}/unpublish`, { token: sale.producer.accessToken })).status).toBe(200);
    expect((await call(t.app, 'GET', `/api/beats/${sale.beatId}`)).status).toBe(404);
    const links = await call(t.app, 'GET', `/api/licences/${sale.licenceId}/downloads`, { token: sale.buyer.accessToken });
    expect((await t.app.request(links.json.links[0].url)).status).toBe(200);
  });

  it('writes a contract PDF both parties can download', async () => {
    const sale = await bought('premium');
    for (const party of [sale.buyer, sale.producer]) {
      const response = await t.app.request(`/api/licences/${sale.licenceId}/contract.pdf`, { headers: { authorization: `Bearer ${party.accessToken}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
      const document = await PDFDocument.load(bytes);
      expect(document.getTitle()).toContain(sale.licenceId);
      expect(document.getPageCount()).toBeGreaterThanOrEqual(1);
    }
    const listed = await call(t.app, 'GET', '/api/licences', { token: sale.producer.accessToken });
    expect(listed.json.licences[0]).toMatchObject({ id: sale.licenceId, role: 'producer', tier: 'premium', files: ['mp3', 'wav'] });
  });

  it('trades the free MP3 for an e-mail when the producer allows it, and records the lead', async () => {
    const free = await publishedBeat(t.app, { freeDownload: true });
    const response = await call(t.app, 'POST', `/api/beats/${free.beatId}/free-download`, { body: { email: 'Fan@Example.com' } });
    expect(response.status, response.text).toBe(200);
    expect(response.json.file).toBe('mp3');
    expect((await t.app.request(response.json.url)).status).toBe(200);
    const { leads } = await import('../../db/schema.ts');
    const rows = await t.database.db.select().from(leads);
    expect(rows.filter((row) => row.beatId === free.beatId).map((row) => [row.email, row.producerId])).toEqual([['fan@example.com', free.producer.userId]]);

    const paidOnly = await publishedBeat(t.app, { freeDownload: false });
    const refused = await call(t.app, 'POST', `/api/beats/${paidOnly.beatId}/free-download`, { body: { email: 'fan@example.com' } });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('free_download_unavailable');
    expect((await call(t.app, 'POST', `/api/beats/${free.beatId}/free-download`, { body: { email: 'not-an-email' } })).status).toBe(422);
  });
});
