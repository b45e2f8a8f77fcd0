import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBeatsService } from '../beats/service.ts';
import { uploadLimitFor } from '../subscriptions/upload-limit.ts';
import { createLocalStorage } from '../../storage/local-storage.ts';
import { call, createTestApp, signUp, TEST_PASSWORD } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';
import { DEMO_BEATS, DEMO_PRODUCER } from './catalog.ts';
import { seedDemoCatalog } from './seed.ts';

describe.each(databaseKinds())('the demo store (%s)', (kind) => {
  const folders: string[] = [];
  afterAll(async () => {
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  async function setUp() {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'cs-demo-'));
    folders.push(folder);
    const storage = createLocalStorage(folder);
    const t = await createTestApp(kind);
    // The plan limit the server enforces: a dozen beats is over Free's ten, so the house store must be on Pro.
    const beats = createBeatsService({ db: t.database.db, clock: t.clock, logger: t.logger, storage, uploadMaxBytes: 50 * 1024 * 1024, uploadLimitOf: uploadLimitFor(t.database.db, t.clock) });
    const seed = () => seedDemoCatalog({ db: t.database.db, beats, clock: t.clock, logger: t.logger });
    return { t, seed };
  }

  it('seeds a dozen published beats with real audio into an empty catalog, once', async () => {
    const { t, seed } = await setUp();
    try {
      expect(await seed()).toBe('seeded');
      expect(await seed()).toBe('catalog_not_empty');
      const page = await call(t.app, 'GET', '/api/beats?limit=100&facets=true');
      expect(page.json.beats).toHaveLength(DEMO_BEATS.length);
      expect(new Set(page.json.beats.map((beat: { genre: string }) => beat.genre)).size).toBeGreaterThanOrEqual(10);
      expect(page.json.beats.some((beat: { freeDownload: boolean }) => beat.freeDownload)).toBe(true);
      const one = await call(t.app, 'GET', `/api/beats/${page.json.beats[0].id}`);
      expect(one.json).toMatchObject({ status: 'published', producerName: DEMO_PRODUCER.displayName, audio: { contentType: 'audio/wav', sampleRate: 44_100, channels: 1 } });
      expect(one.json.audio.durationSeconds).toBeGreaterThanOrEqual(15);
      expect(one.json.audio.peaks.some((value: number) => Math.abs(value) > 50)).toBe(true);
      // Through the same upload path: each has its tagged preview, which is what the store plays.
      expect(one.json.audio.preview).toMatchObject({ contentType: 'audio/mpeg', tag: 'generated' });
      expect(one.json.audio.preview.durationSeconds).toBeCloseTo(one.json.audio.durationSeconds, 0);
      // Nobody can sign in as the demo producer.
      const signIn = await call(t.app, 'POST', '/api/auth/login', { body: { email: DEMO_PRODUCER.email, password: TEST_PASSWORD } });
      expect(signIn.status).toBe(401);
    } finally {
      await t.close();
    }
  }, 60_000);

  it('never seeds into a catalog that already has beats', async () => {
    const { t, seed } = await setUp();
    try {
      const producer = await signUp(t.app);
      await call(t.app, 'POST', '/api/beats', { token: producer.accessToken, body: { title: 'Mine', genre: 'pop', price: 5 } });
      expect(await seed()).toBe('catalog_not_empty');
      expect((await call(t.app, 'GET', `/api/beats?producer=${producer.userId}`, { token: producer.accessToken })).json.beats).toHaveLength(1);
    } finally {
      await t.close();
    }
  });

  it('leaves it to one of several instances starting together', async () => {
    const { t, seed } = await setUp();
    try {
      const outcomes = await Promise.all([seed(), seed()]);
      expect(outcomes.sort()).toEqual(['already_seeded', 'seeded']);
      expect((await call(t.app, 'GET', '/api/beats?limit=100')).json.beats).toHaveLength(DEMO_BEATS.length);
    } finally {
      await t.close();
    }
  }, 60_000);
});
