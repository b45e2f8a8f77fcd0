import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { testConfig } from '../../api/config.ts';
import { manualClock } from '../../api/platform/clock.ts';
import { createMemoryLogger } from '../../api/platform/logger.ts';
import { loadSigningKeys } from '../../api/platform/signing-keys.ts';
import { call, signUp } from '../../api/testing/test-app.ts';
import { createTestDatabase } from '../../api/testing/test-database.ts';
import { connectClient, listen, waitFor, type TestServer } from '../../api/testing/test-server.ts';

const redisUrl = process.env.REDIS_URL;
const databaseUrl = process.env.DATABASE_URL;
if (!redisUrl || !databaseUrl) console.info('REDIS_URL and DATABASE_URL are both needed for the two-instance test; skipped.');

/** Two API instances sharing PostgreSQL and Redis, as behind a load balancer. */
describe.skipIf(!redisUrl || !databaseUrl)('two instances with Redis fan-out', () => {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('lets clients on different instances co-edit and see each other’s cursors, and closes removed members everywhere', async () => {
    const database = await createTestDatabase('postgres');
    cleanup.push(() => database.close());
    const config = testConfig({ jwtSecret: 'two-instances-secret-with-at-least-32-chars', rateLimit: { windowSeconds: 900, max: 1e6, signedInMax: 1e6, signUpsPerHour: 1e6 } });
    const instances: TestServer[] = [];
    for (let i = 0; i < 2; i++) {
      const redis = new Redis(redisUrl!);
      const clock = manualClock(new Date());
      const keys = await loadSigningKeys(database.db, config.jwtSecret, clock.now());
      const built = createApp({ config, database, clock, logger: createMemoryLogger(), keys, redis });
      const server = await listen({
        ...built,
        database,
        clock,
        logger: createMemoryLogger(),
        keys,
        config,
        close: async () => {
          await built.sync.close();
          redis.disconnect();
        },
      });
      instances.push(server);
      cleanup.push(() => server.close());
    }
    const [one, two] = instances as [TestServer, TestServer];
    const alice = await signUp(one.app, { displayName: 'Alice on one' });
    const bob = await signUp(two.app, { displayName: 'Bob on two' });
    const projectId = (await call(one.app, 'POST', '/api/projects', { token: alice.accessToken, body: { title: 'Across' } })).json.id;
    const invite = await call(one.app, 'POST', `/api/projects/${projectId}/invites`, { token: alice.accessToken, body: { role: 'editor' } });
    expect((await call(two.app, 'POST', '/api/projects/invites/accept', { token: bob.accessToken, body: { token: invite.json.token } })).status).toBe(200);

    const a = connectClient(one, alice.accessToken, projectId);
    const b = connectClient(two, bob.accessToken, projectId);
    await Promise.all([a.synced(), b.synced()]);
    a.doc.getText('lyrics').insert(0, 'from instance one\n');
    await waitFor(() => b.doc.getText('lyrics').toString().includes('from instance one'), 5000, 'b sees a');
    b.doc.getMap('mix').set('track-1.fader', -6);
    await waitFor(() => a.doc.getMap('mix').get('track-1.fader') === -6, 5000, 'a sees b');
    for (let i = 0; i < 50; i++) (i % 2 ? a : b).doc.getText('lyrics').insert(0, `${i} `);
    await waitFor(() => a.doc.getText('lyrics').toString() === b.doc.getText('lyrics').toString(), 5000, 'converge');

    a.awareness.setLocalStateField('cursor', { anchor: 3 });
    b.awareness.setLocalStateField('cursor', { anchor: 7 });
    await waitFor(() => a.awareness.getStates().get(b.doc.clientID)?.cursor?.anchor === 7, 5000, 'a sees b cursor');
    await waitFor(() => b.awareness.getStates().get(a.doc.clientID)?.cursor?.anchor === 3, 5000, 'b sees a cursor');
    expect(a.awareness.getStates().get(b.doc.clientID)?.user?.name).toBe('Bob on two');

    const closed = new Promise<number>((resolve) => b.provider.once('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)));
    await call(one.app, 'DELETE', `/api/projects/${projectId}/members/${bob.userId}`, { token: alice.accessToken });
    expect(await closed).toBe(4403);
    a.destroy();
    b.destroy();
  }, 30_000);
});
