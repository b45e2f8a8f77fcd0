import fc from 'fast-check';
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { createApp } from '../../api/app.ts';
import { testConfig } from '../../api/config.ts';
import { manualClock } from '../../api/platform/clock.ts';
import { createMemoryLogger } from '../../api/platform/logger.ts';
import { loadSigningKeys } from '../../api/platform/signing-keys.ts';
import { createTestDatabase } from '../../api/testing/test-database.ts';
import { fetchTicket, waitFor } from '../../api/testing/test-server.ts';
import { createTicketedProvider, type TicketedProvider } from '../../web/sync/ticketed-provider.ts';

/**
 * Five clients edit one project over real websockets while they randomly go offline, keep editing,
 * come back, and the server restarts under them. Afterwards every client, and a copy freshly
 * loaded from the database, must hold exactly the same song and mix.
 */
const CLIENTS = 5;
const RUNS = Number(process.env.CONVERGENCE_RUNS ?? 10);
const OPERATIONS_PER_RUN = Number(process.env.CONVERGENCE_OPERATIONS ?? 1100);
const MIX_KEYS = ['vocal.fader', 'vocal.pan', 'beat.fader', 'beat.mute', 'master.limiter.ceiling', 'reverb.decay'];

type Operation =
  | { kind: 'insert'; client: number; at: number; text: string }
  | { kind: 'delete'; client: number; at: number; length: number }
  | { kind: 'mix'; client: number; key: string; value: number }
  | { kind: 'offline'; client: number }
  | { kind: 'online'; client: number }
  | { kind: 'pause'; milliseconds: number }
  | { kind: 'restart-server' };

const client = fc.integer({ min: 0, max: CLIENTS - 1 });
const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 40, arbitrary: fc.record({ kind: fc.constant('insert' as const), client, at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 6 }) }) },
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('delete' as const), client, at: fc.nat(), length: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 25, arbitrary: fc.record({ kind: fc.constant('mix' as const), client, key: fc.constantFrom(...MIX_KEYS), value: fc.integer({ min: -60, max: 12 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('offline' as const), client }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('online' as const), client }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('pause' as const), milliseconds: fc.integer({ min: 0, max: 15 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart-server' as const }) },
);

async function runScenario(operations: Operation[]) {
  const database = await createTestDatabase('pglite');
  const config = testConfig({
    jwtSecret: 'convergence-test-secret-with-32-characters',
    rateLimit: { windowSeconds: 900, max: 1e9, signedInMax: 1e9, signUpsPerHour: 1e9 },
    sync: { maxFrameBytes: 1024 * 1024, messagesPerSecond: 100_000, compactAfterUpdates: 200 },
  });
  const clock = manualClock(new Date());
  const keys = await loadSigningKeys(database.db, config.jwtSecret, clock.now());
  let port = 0;
  let running: { server: Server; close: () => Promise<void>; app: ReturnType<typeof createApp> } | undefined;

  async function start() {
    const built = createApp({ config, database, clock, logger: createMemoryLogger(), keys });
    const server = serve({ fetch: built.app.fetch, port, hostname: '127.0.0.1' }) as Server;
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    built.sync.attach(server);
    port = (server.address() as AddressInfo).port;
    running = {
      server,
      app: built,
      close: async () => {
        await built.sync.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  }
  await start();
  const httpUrl = () => `http://127.0.0.1:${port}`;
  const register = await running!.app.app.request('/api/auth/register', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `fuzz-${Date.now()}@example.com`, password: 'Violet-harbour-7-lanterns', displayName: 'Fuzz' }),
  });
  const token = ((await register.json()) as { accessToken: string }).accessToken;
  const created = await running!.app.app.request('/api/projects', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ title: 'Fuzz song' }),
  });
  const projectId = ((await created.json()) as { id: string }).id;

  const docs = Array.from({ length: CLIENTS }, () => new Y.Doc());
  const providers: Array<TicketedProvider | undefined> = [];
  const events: string[] = [];
  const connect = (index: number) => {
    providers[index] = createTicketedProvider({
      serverUrl: `ws://127.0.0.1:${port}/api/collab`,
      documentName: projectId,
      doc: docs[index]!,
      getTicket: async () => {
        try {
          return (await fetchTicket(httpUrl(), token, projectId)).ticket;
        } catch (error) {
          events.push(`client ${index} ticket failed: ${String(error)}`);
          throw error;
        }
      },
      onPermanentFailure: (error) => events.push(`client ${index} gave up: ${String(error)}`),
      WebSocketPolyfill: WebSocket,
      maxBackoffMs: 200,
    });
    providers[index]!.provider.on('connection-close', (event: { code?: number } | null) => events.push(`client ${index} closed ${event?.code}`));
  };
  for (let i = 0; i < CLIENTS; i++) connect(i);

  try {
    for (const op of operations) {
      switch (op.kind) {
        case 'insert': {
          const text = docs[op.client]!.getText('lyrics');
          text.insert(op.at % (text.length + 1), op.text);
          break;
        }
        case 'delete': {
          const text = docs[op.client]!.getText('lyrics');
          if (text.length > 0) {
            const at = op.at % text.length;
            text.delete(at, Math.min(op.length, text.length - at));
          }
          break;
        }
        case 'mix':
          docs[op.client]!.getMap('mix').set(op.key, op.value);
          break;
        case 'offline':
          providers[op.client]?.destroy();
          providers[op.client] = undefined;
          break;
        case 'online':
          if (!providers[op.client]) connect(op.client);
          break;
        case 'pause':
          await new Promise((resolve) => setTimeout(resolve, op.milliseconds));
          break;
        case 'restart-server':
          await running!.close();
          await start();
          break;
      }
      // Let sockets breathe between operations so messages interleave with edits.
      if (Math.random() < 0.2) await new Promise((resolve) => setImmediate(resolve));
    }
    for (let i = 0; i < CLIENTS; i++) if (!providers[i]) connect(i);
    // Map keys sorted: a Y.Map iterates in the order its entries arrived, which differs per replica.
    const snapshot = (doc: Y.Doc) =>
      JSON.stringify({ lyrics: doc.getText('lyrics').toString(), mix: Object.entries(doc.getMap('mix').toJSON()).sort(([a], [b]) => a.localeCompare(b)) });
    try {
      await waitFor(() => docs.every((doc) => snapshot(doc) === snapshot(docs[0]!)), 30_000, 'clients converge');
    } catch (error) {
      const status = providers.map((p, i) => `client ${i}: connected=${p?.provider.wsconnected} synced=${p?.provider.synced} length=${docs[i]!.getText('lyrics').length}`);
      throw new Error(`${(error as Error).message}\n${status.join('\n')}\nserver: ${JSON.stringify(running!.app.sync.stats())}\n${events.slice(-15).join('\n')}`, { cause: error });
    }
    const stored = new Y.Doc();
    const expected = snapshot(docs[0]!);
    await waitFor(
      () => {
        void running!.app.documents.encodedState(projectId).then((state) => Y.applyUpdate(stored, state));
        return snapshot(stored) === expected;
      },
      30_000,
      'the database holds the same',
    );
    expect(snapshot(stored)).toBe(expected);
  } finally {
    for (const provider of providers) provider?.destroy();
    await running!.close();
    await database.close();
  }
}

describe('convergence under disconnects, offline edits and server restarts', () => {
  it(`converges for ${RUNS} runs of ${OPERATIONS_PER_RUN} random operations with ${CLIENTS} clients`, async () => {
    let total = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: OPERATIONS_PER_RUN, maxLength: OPERATIONS_PER_RUN }), async (operations) => {
        total += operations.length;
        await runScenario(operations);
      }),
      {
        numRuns: RUNS,
        endOnFailure: true,
        // The counterexample is thousands of operations long; report the seed and the cause, not the list.
        reporter: (details) => {
          if (!details.failed) return;
          throw new Error(`convergence failed (seed ${details.seed}, path ${details.counterexamplePath}): ${String(details.errorInstance)}`);
        },
      },
    );
    console.info(`convergence: ${total} operations across ${RUNS} runs`);
    expect(total).toBeGreaterThanOrEqual(10_000);
  }, 600_000);
});
