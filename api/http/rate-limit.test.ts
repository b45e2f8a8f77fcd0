import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { call, createTestApp, signUp } from '../testing/test-app.ts';

const budget = { windowSeconds: 900, max: 5, signedInMax: 8, signUpsPerHour: 1000 };

describe('public API rate limit', () => {
  it('gives each address its budget, then 429 with Retry-After; health probes are exempt', async () => {
    const t = await createTestApp('pglite', { config: { rateLimit: budget, trustProxy: true } });
    try {
      const from = (ip: string) => call(t.app, 'POST', '/api/auth/refresh', { headers: { 'x-forwarded-for': ip } });
      for (let i = 0; i < budget.max; i++) expect((await from('203.0.113.1')).status).toBe(401);
      const limited = await from('203.0.113.1');
      expect(limited.status).toBe(429);
      expect(limited.json.error.code).toBe('rate_limited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await from('203.0.113.2')).status).toBe(401);
      for (let i = 0; i < 20; i++) expect((await t.app.request('/api/health', { headers: { 'x-forwarded-for': '203.0.113.1' } })).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('gives a signed-in user their own, larger budget, independent of their address', async () => {
    const limited = await createTestApp('pglite', { config: { rateLimit: budget, trustProxy: true } });
    try {
      const me = await signUp(limited.app);
      const profile = () => call(limited.app, 'GET', '/api/auth/profile', { token: me.accessToken, headers: { 'x-forwarded-for': '203.0.113.9' } });
      for (let i = 0; i < budget.signedInMax; i++) expect((await profile()).status).toBe(200);
      expect((await profile()).status).toBe(429);
      // Anonymous callers from the same address still have their own budget.
      expect((await call(limited.app, 'POST', '/api/auth/refresh', { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(401);
    } finally {
      await limited.close();
    }
  });
});

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) console.info('REDIS_URL is not set: the shared rate-limit test across instances is skipped.');

describe.skipIf(!redisUrl)('rate limit shared across instances through Redis', () => {
  const clients: Redis[] = [];
  afterAll(() => clients.forEach((client) => client.disconnect()));

  it('counts one budget for an address whichever instance it reaches', async () => {
    const prefix = `test-${Date.now()}`;
    const make = async () => {
      const redis = new Redis(redisUrl!, { keyPrefix: `${prefix}:` });
      clients.push(redis);
      return createTestApp('pglite', { redis, config: { rateLimit: budget, trustProxy: true } });
    };
    const [a, b] = await Promise.all([make(), make()]);
    try {
      const from = (app: typeof a.app) => call(app, 'POST', '/api/auth/refresh', { headers: { 'x-forwarded-for': '192.0.2.50' } });
      for (let i = 0; i < budget.max; i++) expect((await from(i % 2 ? a.app : b.app)).status).toBe(401);
      expect((await from(a.app)).status).toBe(429);
      expect((await from(b.app)).status).toBe(429);
      const ready = await call(a.app, 'GET', '/api/ready');
      expect(ready.json).toMatchObject({ status: 'ready', redis: 'connected' });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
