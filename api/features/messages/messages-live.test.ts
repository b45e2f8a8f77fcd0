import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createApp } from '../../app.ts';
import { testConfig } from '../../config.ts';
import { manualClock } from '../../platform/clock.ts';
import { createMemoryLogger } from '../../platform/logger.ts';
import { loadSigningKeys } from '../../platform/signing-keys.ts';
import { call, signUp } from '../../testing/test-app.ts';
import { createTestDatabase, databaseKinds } from '../../testing/test-database.ts';
import { listen, startTestServer, waitFor, type TestServer } from '../../testing/test-server.ts';
import { LiveEvent } from '../../../shared/schemas/messages.ts';

/** A live socket that collects the events it receives. */
async function openLive(server: Pick<TestServer, 'httpUrl' | 'port'>, accessToken: string, options: { origin?: string } = {}) {
  const ticket = await fetch(`${server.httpUrl}/api/messages/live/ticket`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` } });
  const { ticket: value } = (await ticket.json()) as { ticket: string };
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api/messages/live?ticket=${encodeURIComponent(value)}`, options.origin ? { origin: options.origin } : {});
  const events: LiveEvent[] = [];
  socket.on('message', (data) => events.push(LiveEvent.parse(JSON.parse(String(data)))));
  await waitFor(() => events.some((event) => event.type === 'ready'), 5000, 'ready event');
  return { socket, events, ticket: value };
}

/** Whether an upgrade is refused, and with which HTTP status. */
function upgradeStatus(url: string, options: ConstructorParameters<typeof WebSocket>[2] = {}): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, options);
    socket.on('open', () => {
      socket.close();
      resolve('open');
    });
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.on('error', () => resolve(0));
  });
}

describe.each(databaseKinds())('live messages over real websockets (%s)', (kind) => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.close();
  });

  it('pushes new messages and read receipts to the recipient, and nothing to others', async () => {
    const server = await startTestServer(kind);
    servers.push(server);
    const [alice, bob, eve] = [await signUp(server.app), await signUp(server.app), await signUp(server.app)];
    const bobLive = await openLive(server, bob.accessToken);
    const eveLive = await openLive(server, eve.accessToken);
    const aliceLive = await openLive(server, alice.accessToken);

    const conversation = (await call(server.app, 'POST', '/api/messages/conversations', { token: alice.accessToken, body: { withUserId: bob.userId } })).json;
    const sent = await call(server.app, 'POST', `/api/messages/conversations/${conversation.id}/messages`, {
      token: alice.accessToken,
      body: { clientId: 'live-1', body: 'Are the stems included?' },
    });
    await waitFor(() => bobLive.events.some((event) => event.type === 'message'), 5000, 'bob gets the message');
    expect(bobLive.events.find((event) => event.type === 'message')).toEqual({ type: 'message', message: sent.json });
    // The sender's other devices hear about it too.
    await waitFor(() => aliceLive.events.some((event) => event.type === 'message'), 5000, 'alice sees her own message');

    // A retry is not pushed a second time.
    await call(server.app, 'POST', `/api/messages/conversations/${conversation.id}/messages`, { token: alice.accessToken, body: { clientId: 'live-1', body: 'Are the stems included?' } });

    // Marking read with no body at all reads everything.
    expect((await call(server.app, 'POST', `/api/messages/conversations/${conversation.id}/read`, { token: bob.accessToken })).status).toBe(200);
    await waitFor(() => aliceLive.events.some((event) => event.type === 'read'), 5000, 'alice gets the read receipt');
    expect(aliceLive.events.find((event) => event.type === 'read')).toMatchObject({ type: 'read', conversationId: conversation.id, readerId: bob.userId });

    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bobLive.events.filter((event) => event.type === 'message')).toHaveLength(1);
    expect(eveLive.events.map((event) => event.type)).toEqual(['ready']);
    for (const live of [aliceLive, bobLive, eveLive]) live.socket.close();
    await waitFor(() => server.messagesLive.stats().connections === 0, 5000, 'sockets released');
  });

  it('admits only a valid, unused ticket or access token, from an allowed origin', async () => {
    const server = await startTestServer(kind, { config: { corsOrigins: ['https://app.example'] } });
    servers.push(server);
    const user = await signUp(server.app);
    const base = `ws://127.0.0.1:${server.port}/api/messages/live`;
    expect(await upgradeStatus(base)).toBe(401);
    expect(await upgradeStatus(`${base}?ticket=forged.ticket.value`)).toBe(401);
    const live = await openLive(server, user.accessToken);
    // Single use: the same ticket again is refused.
    expect(await upgradeStatus(`${base}?ticket=${encodeURIComponent(live.ticket)}`)).toBe(401);
    live.socket.close();
    expect(await upgradeStatus(base, { headers: { authorization: `Bearer ${user.accessToken}` } })).toBe('open');
    expect(await upgradeStatus(base, { headers: { authorization: `Bearer ${user.accessToken}` }, origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(base, { headers: { authorization: `Bearer ${user.accessToken}` }, origin: 'https://app.example' })).toBe('open');
    // The project sync socket on the same port still answers for its own paths.
    expect(await upgradeStatus(`ws://127.0.0.1:${server.port}/api/collab/some-project`)).toBe(401);
    expect(await upgradeStatus(`ws://127.0.0.1:${server.port}/api/elsewhere`)).toBe(404);
  });
});

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) console.info('REDIS_URL is not set: the live messaging test across two instances is skipped.');

/** Two instances on one database, each with its own Redis connection, as behind a load balancer. */
describe.skipIf(!redisUrl)('live messages across two instances through Redis', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('reaches a recipient connected to the other instance', async () => {
    const database = await createTestDatabase('pglite');
    cleanup.push(() => database.close());
    const config = testConfig({ jwtSecret: 'live-messages-two-instances-secret-32+', rateLimit: { windowSeconds: 900, max: 1e6, signedInMax: 1e6, signUpsPerHour: 1e6 } });
    const instances: TestServer[] = [];
    for (let index = 0; index < 2; index++) {
      const redis = new Redis(redisUrl!);
      const clock = manualClock(new Date());
      const logger = createMemoryLogger();
      const keys = await loadSigningKeys(database.db, config.jwtSecret, clock.now());
      const built = createApp({ config, database, clock, logger, keys, redis });
      const server = await listen({
        ...built,
        database,
        clock,
        logger,
        keys,
        config,
        close: async () => {
          await built.sync.close();
          await built.messagesLive.close();
          redis.disconnect();
        },
      });
      instances.push(server);
      cleanup.push(() => server.close());
    }
    const [one, two] = instances as [TestServer, TestServer];
    const alice = await signUp(one.app);
    const bob = await signUp(two.app);
    const bobLive = await openLive(two, bob.accessToken);
    const conversation = (await call(one.app, 'POST', '/api/messages/conversations', { token: alice.accessToken, body: { withUserId: bob.userId } })).json;
    const sent = await call(one.app, 'POST', `/api/messages/conversations/${conversation.id}/messages`, { token: alice.accessToken, body: { clientId: 'x-1', body: 'from instance one' } });
    expect(sent.status).toBe(201);
    await waitFor(() => bobLive.events.some((event) => event.type === 'message'), 5000, 'bob on instance two gets it');
    expect(bobLive.events.filter((event) => event.type === 'message')).toEqual([{ type: 'message', message: sent.json }]);
    bobLive.socket.close();
  });
});
