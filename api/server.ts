import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Redis } from 'ioredis';
import type { Server } from 'node:http';
import { createApp } from './app.ts';
import { seedDemoCatalog } from './features/demo-catalog/seed.ts';
import { loadConfig, type Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { systemClock } from './platform/clock.ts';
import { createJsonLogger } from './platform/logger.ts';
import { loadSigningKeys } from './platform/signing-keys.ts';
import { storageFromConfig } from './storage/storage-from-config.ts';

/**
 * Wires the real world into createApp: configuration from the environment, PGlite in DATA_DIR or
 * PostgreSQL at DATABASE_URL, Redis when REDIS_URL is set, the built PWA from STATIC_DIR, and one
 * HTTP server on PORT that serves app, API and (later) the sync websocket.
 */
export async function startServer(config: Config = loadConfig()) {
  const logger = createJsonLogger(config.logLevel);
  const database = config.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: config.databaseUrl, maxConnections: config.databasePoolSize })
    : await openDatabase({ kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') });
  let redis: Redis | undefined;
  if (config.redisUrl) {
    const { Redis } = await import('ioredis');
    // No offline queue: while Redis is down, rate limits fall back to per-instance counting at once
    // instead of waiting. Connect before serving so the first requests do not all take that path.
    redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: false, lazyConnect: true });
    redis.on('error', (error) => logger.warn('redis error', { error: String(error) }));
    await redis.connect();
  }
  const keys = await loadSigningKeys(database.db, config.jwtSecret, systemClock.now());
  const staticDir = existsSync(path.join(config.staticDir, 'index.html')) ? config.staticDir : undefined;
  if (!staticDir) logger.warn('no built app found; serving the API only', { staticDir: config.staticDir });

  const { app, sync, projects, tickets, messagesLive, beats, mailer, moderation, unreadMail, subscriptions } = createApp({ config, database, clock: systemClock, logger, keys, redis, staticDir, storage: storageFromConfig(config.storage) });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }) as Server;
  sync.attach(server);
  messagesLive.attach(server);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  logger.info('listening', { url: `http://localhost:${port}`, database: database.kind, redis: redis ? 'on' : 'off', mail: mailer.destination === 'smtp' ? 'smtp' : `outbox ${mailer.destination}` });

  // In the background, once serving: making each beat's tagged preview takes a moment, so seeding the
  // demo store takes seconds (its beats appear one by one), and beats uploaded before previews (or
  // waveforms of compressed masters) existed get theirs. None of it may keep the server down.
  const stopBackground = new AbortController();
  const background = (async () => {
    if (config.demoCatalog) {
      await seedDemoCatalog({ db: database.db, beats, clock: systemClock, logger }).then(
        (outcome) => logger.info('demo store', { outcome }),
        (error: unknown) => logger.error('seeding the demo store failed', { error }),
      );
    }
    const made = await beats.backfillPreviews(stopBackground.signal);
    if (made > 0) logger.info('made missing previews', { made });
    const drawn = await beats.backfillPeaks(stopBackground.signal);
    if (drawn > 0) logger.info('drew missing waveforms', { drawn });
  })().catch((error: unknown) => logger.error('making missing previews failed', { error }));

  // Housekeeping: purge projects past their 30 days in the bin, forget expired sync tickets.
  const housekeeping = setInterval(() => {
    void projects.purgeExpired().catch((error: unknown) => logger.error('purging deleted projects failed', { error }));
    void tickets.forgetExpired().catch((error: unknown) => logger.error('forgetting used tickets failed', { error }));
  }, 3600_000);
  housekeeping.unref();
  // Every minute: temporary suspensions end on time, whether or not the person tries to sign in,
  // messages left unread for a while are e-mailed about, and changed e-mail addresses Stripe could
  // not be given at the time are passed on.
  const minuteSweep = setInterval(() => {
    void moderation.liftLapsedSuspensions().catch((error: unknown) => logger.error('ending lapsed suspensions failed', { error }));
    void unreadMail.sendDue().catch((error: unknown) => logger.error('e-mailing about unread messages failed', { error }));
    void subscriptions.retryBillingEmails().catch((error: unknown) => logger.error('passing changed e-mail addresses to Stripe failed', { error }));
  }, 60_000);
  minuteSweep.unref();

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(housekeeping);
      clearInterval(minuteSweep);
      // A half-seeded demo store would stay half seeded: let the seed finish (seconds); the backfill stops between beats.
      stopBackground.abort();
      await background;
      await sync.close();
      await messagesLive.close();
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      redis?.disconnect();
      await database.close();
    })());
  return { port, close, app };
}

// Run directly: `node api/server.ts`.
if (import.meta.main) {
  const { close } = await startServer();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void close().then(() => process.exit(0));
    });
  }
}
