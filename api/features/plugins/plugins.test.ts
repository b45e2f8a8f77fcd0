import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, signUp, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';

const eq = { enabled: true, lowFrequency: 90, lowGainDb: 2, midFrequency: 2500, midGainDb: -1.5, midQ: 1.2, highFrequency: 10000, highGainDb: 3 };
const compressor = { enabled: true, thresholdDb: -20, ratio: 3, kneeDb: 6, attackMs: 5, releaseMs: 150, makeupGainDb: 2 };
const vocalChain = {
  name: 'Bright vocal',
  description: 'Air on top, gentle squeeze',
  tags: ['Vocals', 'bright'],
  kind: 'channel-strip',
  parameters: { inputGainDb: 0, eq, compressor, sends: [{ target: 'reverb', levelDb: -14 }] },
};
const masterChain = {
  name: 'Loud and clean',
  kind: 'mastering',
  parameters: { eq, compressor, limiter: { enabled: true, ceilingDb: -1, releaseMs: 60 }, targetLufs: -9 },
};

describe.each(databaseKinds())('plugins: mixer presets (%s)', (kind) => {
  let t: TestApp;
  let author: Awaited<ReturnType<typeof signUp>>;
  let other: Awaited<ReturnType<typeof signUp>>;
  beforeAll(async () => {
    t = await createTestApp(kind);
    [author, other] = [await signUp(t.app, { displayName: 'Mix Author' }), await signUp(t.app)];
  });
  afterAll(() => t.close());

  it('creates drafts, publishes, lists, searches and shows them', async () => {
    const created = await call(t.app, 'POST', '/api/plugins', { token: author.accessToken, body: vocalChain });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ status: 'draft', authorName: 'Mix Author', tags: ['vocals', 'bright'], installCount: 0, parameters: { sends: [{ target: 'reverb', levelDb: -14, preFader: false }] } });
    const id = created.json.id;
    // A draft is invisible to others and absent from the catalogue.
    expect((await call(t.app, 'GET', `/api/plugins/${id}`)).json.error.code).toBe('preset_not_found');
    expect((await call(t.app, 'GET', '/api/plugins')).json.presets).toEqual([]);
    expect((await call(t.app, 'GET', `/api/plugins?author=${author.userId}`, { token: author.accessToken })).json.presets).toHaveLength(1);

    expect((await call(t.app, 'POST', `/api/plugins/${id}/publish`, { token: author.accessToken })).json.status).toBe('published');
    const master = await call(t.app, 'POST', '/api/plugins', { token: author.accessToken, body: masterChain });
    await call(t.app, 'POST', `/api/plugins/${master.json.id}/publish`, { token: author.accessToken });

    expect((await call(t.app, 'GET', `/api/plugins/${id}`)).json.name).toBe('Bright vocal');
    expect((await call(t.app, 'GET', '/api/plugins')).json.presets).toHaveLength(2);
    expect((await call(t.app, 'GET', '/api/plugins?kind=mastering')).json.presets.map((preset: { id: string }) => preset.id)).toEqual([master.json.id]);
    expect((await call(t.app, 'GET', '/api/plugins?q=vocal')).json.presets.map((preset: { id: string }) => preset.id)).toEqual([id]);
    expect((await call(t.app, 'GET', '/api/plugins?q=100%25')).json.presets).toEqual([]);

    const first = await call(t.app, 'GET', '/api/plugins?limit=1');
    const second = await call(t.app, 'GET', `/api/plugins?limit=1&cursor=${first.json.nextCursor}`);
    expect(new Set([first.json.presets[0].id, second.json.presets[0].id]).size).toBe(2);
    expect(second.json.nextCursor).toBeNull();
    expect((await call(t.app, 'GET', '/api/plugins?cursor=junk')).json.error.code).toBe('invalid_cursor');
  });

  it('refuses out-of-range parameters with 422 naming the field', async () => {
    const tooMuch = { ...vocalChain, parameters: { ...vocalChain.parameters, eq: { ...eq, highFrequency: 25000 } } };
    const refused = await call(t.app, 'POST', '/api/plugins', { token: author.accessToken, body: tooMuch });
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe('validation_failed');
    expect(refused.json.error.details.map((detail: { path: string }) => detail.path)).toEqual(['parameters.eq.highFrequency']);
    const unknownField = { ...masterChain, parameters: { ...masterChain.parameters, limiter: { enabled: true, ceilingDb: -1, releaseMs: 60, drive: 3 } } };
    expect((await call(t.app, 'POST', '/api/plugins', { token: author.accessToken, body: unknownField })).status).toBe(422);
    expect((await call(t.app, 'POST', '/api/plugins', { token: author.accessToken, body: { ...masterChain, kind: 'reverb' } })).status).toBe(422);
    expect((await call(t.app, 'POST', '/api/plugins', { token: author.accessToken, raw: '{"name":' , headers: { 'content-type': 'application/json' } })).status).toBe(400);
  });

  it('lets nobody but the author edit, publish or delete a preset', async () => {
    const id = (await call(t.app, 'POST', '/api/plugins', { token: author.accessToken, body: { ...vocalChain, name: 'Mine only' } })).json.id;
    // A draft: someone else cannot even see it.
    expect((await call(t.app, 'PUT', `/api/plugins/${id}`, { token: other.accessToken, body: vocalChain })).json.error.code).toBe('preset_not_found');
    await call(t.app, 'POST', `/api/plugins/${id}/publish`, { token: author.accessToken });
    for (const [method, path, body] of [
      ['PUT', `/api/plugins/${id}`, { ...vocalChain, name: 'Hijacked' }],
      ['POST', `/api/plugins/${id}/unpublish`, undefined],
      ['DELETE', `/api/plugins/${id}`, undefined],
    ] as const) {
      const response = await call(t.app, method, path, { token: other.accessToken, body });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(response.json.error.code).toBe('preset_forbidden');
    }
    expect((await call(t.app, 'PUT', `/api/plugins/${id}`, { body: vocalChain })).status).toBe(401);
    const unchanged = await call(t.app, 'GET', `/api/plugins/${id}`);
    expect(unchanged.json).toMatchObject({ name: 'Mine only', status: 'published' });

    expect((await call(t.app, 'PUT', `/api/plugins/${id}`, { token: author.accessToken, body: { ...masterChain, name: 'Now a master chain' } })).json.kind).toBe('mastering');
    expect((await call(t.app, 'DELETE', `/api/plugins/${id}`, { token: author.accessToken })).status).toBe(204);
    expect((await call(t.app, 'GET', `/api/plugins/${id}`)).status).toBe(404);
  });

  it('counts each person who applies a preset once', async () => {
    const id = (await call(t.app, 'POST', '/api/plugins', { token: author.accessToken, body: { ...masterChain, name: 'Popular' } })).json.id;
    await call(t.app, 'POST', `/api/plugins/${id}/publish`, { token: author.accessToken });
    const applied = await call(t.app, 'POST', `/api/plugins/${id}/apply`, { token: other.accessToken });
    expect(applied.json).toMatchObject({ firstTime: true, installCount: 1, preset: { id, parameters: masterChain.parameters } });
    const again = await Promise.all([call(t.app, 'POST', `/api/plugins/${id}/apply`, { token: other.accessToken }), call(t.app, 'POST', `/api/plugins/${id}/apply`, { token: other.accessToken })]);
    expect(again.map((response) => response.json.firstTime)).toEqual([false, false]);
    expect((await call(t.app, 'POST', `/api/plugins/${id}/apply`, { token: author.accessToken })).json.installCount).toBe(2);
    expect((await call(t.app, 'GET', '/api/plugins?sort=popular')).json.presets[0].id).toBe(id);
    expect((await call(t.app, 'POST', `/api/plugins/${id}/apply`)).status).toBe(401);
  });
});
