import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema.ts';
import { publishedBeat } from '../../testing/commerce-fixtures.ts';
import { call, createTestApp, signUp, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';

describe.each(databaseKinds())('producer pages and the Pro storefront (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const storefront = (beatId: string | null) => ({
    headline: 'Cinematic trap from the harbour',
    accent: 'ocean',
    links: [{ label: 'Instagram', url: 'https://instagram.com/onakeys' }],
    featuredBeatId: beatId,
  });

  it('shows anyone a producer’s page; a Pro producer’s storefront shows while the plan lasts', async () => {
    const producer = await signUp(t.app, { displayName: 'Ona Keys' });
    await call(t.app, 'PUT', '/api/auth/profile', { token: producer.accessToken, body: { bio: 'Harbour beats', roles: ['producer'] } });
    const { beatId } = await publishedBeat(t.app, { producer, title: 'Lighthouse' });

    const page = await call(t.app, 'GET', `/api/producers/${producer.userId}`);
    expect(page.status, page.text).toBe(200);
    expect(page.json).toEqual({ id: producer.userId, displayName: 'Ona Keys', bio: 'Harbour beats', avatarUrl: null, roles: ['producer'], storefront: null });
    // The e-mail address is nobody's business.
    expect(page.text).not.toContain(producer.email);

    // Free plan: the storefront is a Pro feature.
    const free = await call(t.app, 'PUT', '/api/storefront', { token: producer.accessToken, body: storefront(beatId) });
    expect(free.status).toBe(403);
    expect(free.json.error.code).toBe('pro_required');
    expect((await call(t.app, 'GET', '/api/storefront', { token: producer.accessToken })).json).toMatchObject({ shown: false, storefront: { headline: '', accent: 'violet' } });

    expect((await call(t.app, 'POST', '/api/subscriptions/subscribe', { token: producer.accessToken, body: { plan: 'pro', interval: 'month' } })).status).toBeLessThan(300);
    const saved = await call(t.app, 'PUT', '/api/storefront', { token: producer.accessToken, body: storefront(beatId) });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json).toEqual({ shown: true, storefront: storefront(beatId) });
    expect((await call(t.app, 'GET', `/api/producers/${producer.userId}`)).json.storefront).toEqual(storefront(beatId));

    // A featured beat shows only while published.
    expect((await call(t.app, 'POST', `/api/beats/${beatId}/unpublish`, { token: producer.accessToken })).status).toBe(200);
    expect((await call(t.app, 'GET', `/api/producers/${producer.userId}`)).json.storefront.featuredBeatId).toBeNull();

    // The plan ends: the storefront is kept but no longer shown.
    expect((await call(t.app, 'DELETE', '/api/subscriptions/cancel', { token: producer.accessToken })).status).toBeLessThan(300);
    t.clock.advance(40 * 24 * 3600 * 1000);
    const lapsed = await call(t.app, 'GET', `/api/producers/${producer.userId}`);
    expect(lapsed.json.storefront).toBeNull();
  });

  it('refuses another producer’s beat, unsafe links and unknown accents, and pages for missing or suspended accounts', async () => {
    const producer = await signUp(t.app);
    await call(t.app, 'POST', '/api/subscriptions/subscribe', { token: producer.accessToken, body: { plan: 'pro', interval: 'month' } });
    const other = await publishedBeat(t.app, { title: 'Not yours' });
    const stolen = await call(t.app, 'PUT', '/api/storefront', { token: producer.accessToken, body: storefront(other.beatId) });
    expect(stolen.json.error.code).toBe('featured_beat_invalid');
    for (const body of [
      { ...storefront(null), links: [{ label: 'x', url: 'javascript:alert(1)' }] },
      { ...storefront(null), links: [{ label: 'x', url: 'http://plain.example' }] },
      { ...storefront(null), accent: '#ff0000' },
      { ...storefront(null), links: Array.from({ length: 4 }, (_, i) => ({ label: `l${i}`, url: `https://example.com/${i}` })) },
      { ...storefront(null), headline: 'x'.repeat(121) },
    ]) {
      const refused = await call(t.app, 'PUT', '/api/storefront', { token: producer.accessToken, body });
      expect(refused.status, JSON.stringify(body)).toBe(422);
    }
    expect((await call(t.app, 'PUT', '/api/storefront', { body: storefront(null) })).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/producers/nobody-here')).json.error.code).toBe('producer_not_found');
    await t.database.db.update(users).set({ suspendedAt: t.clock.now() }).where(eq(users.id, producer.userId));
    expect((await call(t.app, 'GET', `/api/producers/${producer.userId}`)).json.error.code).toBe('producer_not_found');
  });
});
