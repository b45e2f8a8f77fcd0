import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderItems, orders } from '../../db/schema.ts';
import { call, createTestApp, signUp, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';
import { sineWav } from '../beats/wav.ts';
import { recordDownload } from './record-download.ts';


/** A published beat of `token`'s producer, with a short real WAV. */
async function publishedBeat(t: TestApp, token: string, title: string) {
  const created = await call(t.app, 'POST', '/api/beats', { token, body: { title, genre: 'trap', price: 25 } });
  const upload = await t.app.request(`/api/beats/${created.json.id}/audio`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'audio/wav' },
    body: Buffer.from(sineWav({ seconds: 0.2, sampleRate: 8000 })),
  });
  expect(upload.status).toBe(200);
  expect((await call(t.app, 'POST', `/api/beats/${created.json.id}/publish`, { token })).status).toBe(200);
  return created.json.id as string;
}

describe.each(databaseKinds())('seller analytics (%s)', (kind) => {
  let t: TestApp;
  let producer: Awaited<ReturnType<typeof signUp>>;
  let rival: Awaited<ReturnType<typeof signUp>>;
  let fan: Awaited<ReturnType<typeof signUp>>;
  let beatA: string;
  let beatB: string;
  const day0 = new Date('2026-03-10T23:30:00Z');

  beforeAll(async () => {
    t = await createTestApp(kind, { config: { accessTokenTtlSeconds: 3600 } });
    t.clock.advance(day0.getTime() - t.clock.now().getTime());
    [producer, rival, fan] = [await signUp(t.app), await signUp(t.app), await signUp(t.app)];
    beatA = await publishedBeat(t, producer.accessToken, 'Alpha, "the first"');
    beatB = await publishedBeat(t, producer.accessToken, '=HYPERLINK("x")');
  });
  afterAll(() => t.close());

  const play = (beatId: string, options: { token?: string; headers?: Record<string, string> } = {}) =>
    call(t.app, 'POST', `/api/beats/${beatId}/plays`, { token: options.token, headers: { 'user-agent': 'Test/1.0', ...options.headers } });
  const get = (path: string, token = producer.accessToken) => call(t.app, 'GET', path, { token });

  it('counts a play once per listener per beat per UTC day, guests by address and browser', async () => {
    const first = await play(beatA, { token: fan.accessToken, headers: { 'cf-ipcountry': 'br' } });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ counted: true, plays: 1 });
    expect((await play(beatA, { token: fan.accessToken })).json).toEqual({ counted: false, plays: 1 });
    // Another beat is another play.
    expect((await play(beatB, { token: fan.accessToken })).json.counted).toBe(true);
    // A guest (no token) counts once; a different browser from the same address is another listener.
    expect((await play(beatA, { headers: { 'x-country': 'FR' } })).json).toEqual({ counted: true, plays: 2 });
    expect((await play(beatA, { headers: { 'x-country': 'FR' } })).json.counted).toBe(false);
    expect((await play(beatA, { headers: { 'user-agent': 'Other/2.0' } })).json.counted).toBe(true);
    // The producer's own plays never count.
    expect((await play(beatA, { token: producer.accessToken })).json.counted).toBe(false);

    // Just before midnight UTC it is still the same day; just after, a new one.
    t.clock.advance(Date.parse('2026-03-10T23:59:59Z') - t.clock.now().getTime());
    expect((await play(beatA, { token: fan.accessToken })).json.counted).toBe(false);
    t.clock.advance(2000);
    expect((await play(beatA, { token: fan.accessToken })).json).toEqual({ counted: true, plays: 4 });
    // The trending counter moved with the counted plays only.
    expect((await call(t.app, 'GET', `/api/beats/${beatA}`)).json.plays).toBe(4);
    expect((await play('no-such-beat')).json.error.code).toBe('beat_not_found');
  });

  it('sums plays, listeners, downloads, paid sales and revenue over a range, with zero-filled days', async () => {
    await recordDownload(t.database.db, { beatId: beatB, userId: fan.userId, kind: 'free', at: new Date('2026-03-10T15:00:00Z') });
    await recordDownload(t.database.db, { beatId: beatA, userId: null, kind: 'licence', at: new Date('2026-03-11T01:00:00Z') });
    // One paid order with a discounted item, one refunded order that must not count.
    const now = new Date('2026-03-11T02:00:00Z');
    await t.database.db.insert(orders).values([
      { id: 'order-paid', buyerId: fan.userId, status: 'paid', mode: 'payment', currency: 'usd', subtotalCents: 5000, discountCents: 500, totalCents: 4500, createdAt: now, updatedAt: now, paidAt: now },
      { id: 'order-refunded', buyerId: fan.userId, status: 'refunded', mode: 'payment', currency: 'usd', subtotalCents: 2500, discountCents: 0, totalCents: 2500, createdAt: now, updatedAt: now, paidAt: now },
    ]);
    await t.database.db.insert(orderItems).values([
      { id: 'item-1', orderId: 'order-paid', beatId: beatA, beatTitle: 'Alpha', producerId: producer.userId, tier: 'basic', priceCents: 2500, discountCents: 500 },
      { id: 'item-2', orderId: 'order-paid', beatId: beatB, beatTitle: 'B', producerId: producer.userId, tier: 'basic', priceCents: 2500, discountCents: 0 },
      { id: 'item-3', orderId: 'order-refunded', beatId: beatA, beatTitle: 'Alpha', producerId: producer.userId, tier: 'basic', priceCents: 2500, discountCents: 0 },
    ]);

    const summary = await get('/api/analytics/summary?from=2026-03-09&to=2026-03-11');
    expect(summary.status).toBe(200);
    // Plays: fan A(10), fan B(10), guest FR A, guest other-browser A, fan A(11) = 5; listeners: fan, 2 guests = 3.
    expect(summary.json).toEqual({
      from: '2026-03-09', to: '2026-03-11', plays: 5, uniqueListeners: 3, downloads: 2, sales: 2, revenue: 45, conversion: 2 / 3, salesSource: 'orders',
    });

    const series = await get('/api/analytics/timeseries?from=2026-03-08&to=2026-03-12');
    expect(series.json.days.map((day: { date: string }) => day.date)).toEqual(['2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12']);
    expect(series.json.days[0]).toEqual({ date: '2026-03-08', plays: 0, uniqueListeners: 0, downloads: 0, sales: 0, revenue: 0 });
    expect(series.json.days[2]).toMatchObject({ plays: 4, uniqueListeners: 3, downloads: 1, sales: 0 });
    expect(series.json.days[3]).toMatchObject({ plays: 1, uniqueListeners: 1, downloads: 1, sales: 2, revenue: 45 });

    const top = await get('/api/analytics/top-beats?from=2026-03-01&to=2026-03-31');
    expect(top.json.beats.map((beat: { beatId: string }) => beat.beatId)).toEqual([beatA, beatB]);
    expect(top.json.beats[0]).toMatchObject({ title: 'Alpha, "the first"', plays: 4, sales: 1, revenue: 20 });

    const countries = await get('/api/analytics/top-countries?from=2026-03-01&to=2026-03-31');
    expect(countries.json.countries).toEqual([
      { country: 'BR', plays: 1, uniqueListeners: 1 },
      { country: 'unknown', plays: 3, uniqueListeners: 2 },
      { country: 'FR', plays: 1, uniqueListeners: 1 },
    ].sort((a, b) => b.plays - a.plays || a.country.localeCompare(b.country)));

    const oneBeat = await get(`/api/analytics/summary?from=2026-03-01&to=2026-03-31&beatId=${beatB}`);
    expect(oneBeat.json).toMatchObject({ plays: 1, downloads: 1, sales: 1, revenue: 25 });
  });

  it('exports one CSV row per beat per day, quoted and safe to open in a spreadsheet', async () => {
    const response = await t.app.request('/api/analytics/export.csv?from=2026-03-10&to=2026-03-11', { headers: { authorization: `Bearer ${producer.accessToken}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="creatorsync-analytics-2026-03-10-to-2026-03-11.csv"');
    const lines = (await response.text()).split('\r\n');
    expect(lines).toEqual([
      'date,beat_id,beat_title,plays,unique_listeners,downloads,sales,revenue',
      `2026-03-10,${beatB},"'=HYPERLINK(""x"")",1,1,1,0,0.00`,
      `2026-03-10,${beatA},"Alpha, ""the first""",3,3,0,0,0.00`,
      `2026-03-11,${beatB},"'=HYPERLINK(""x"")",0,0,0,1,25.00`,
      `2026-03-11,${beatA},"Alpha, ""the first""",1,1,1,1,20.00`,
      '',
    ]);
  });

  it('shows a producer only their own numbers', async () => {
    const theirs = await get('/api/analytics/summary?from=2026-03-01&to=2026-03-31', rival.accessToken);
    expect(theirs.json).toMatchObject({ plays: 0, uniqueListeners: 0, downloads: 0, sales: 0, revenue: 0 });
    for (const path of ['summary', 'timeseries', 'top-beats', 'top-countries', 'export.csv']) {
      const response = await get(`/api/analytics/${path}?beatId=${beatA}`, rival.accessToken);
      expect(response.status, path).toBe(404);
      expect(response.json.error.code).toBe('beat_not_found');
    }
    expect((await get('/api/analytics/top-beats?from=2026-03-01&to=2026-03-31', rival.accessToken)).json.beats).toEqual([]);
    const csv = await t.app.request('/api/analytics/export.csv?from=2026-03-01&to=2026-03-31', { headers: { authorization: `Bearer ${rival.accessToken}` } });
    expect((await csv.text()).trim()).toBe('date,beat_id,beat_title,plays,unique_listeners,downloads,sales,revenue');
    expect((await call(t.app, 'GET', '/api/analytics/summary')).status).toBe(401);
  });

  it('defaults to the last 30 days and refuses bad ranges with codes', async () => {
    const defaults = await get('/api/analytics/timeseries');
    expect(defaults.json.days).toHaveLength(30);
    expect(defaults.json.to).toBe(new Date(t.clock.now().getTime()).toISOString().slice(0, 10));
    expect((await get('/api/analytics/summary?from=2026-03-12&to=2026-03-11')).json.error.code).toBe('analytics_range_invalid');
    expect((await get('/api/analytics/summary?from=2024-01-01&to=2026-03-11')).json.error.code).toBe('analytics_range_invalid');
    expect((await get('/api/analytics/summary?from=2026-02-30')).status).toBe(422);
    expect((await get('/api/analytics/summary?from=yesterday')).json.error.code).toBe('validation_failed');
  });
});
