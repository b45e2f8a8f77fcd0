import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../app.ts';
import { testConfig, type Config } from '../config.ts';
import type { LoginThrottleLimits } from '../features/auth/login-throttle.ts';
import { manualClock } from '../platform/clock.ts';
import { createMemoryLogger } from '../platform/logger.ts';
import { loadSigningKeys } from '../platform/signing-keys.ts';
import { createTestDatabase, type DatabaseKind } from './test-database.ts';
import type { Redis } from 'ioredis';

export { readOutbox } from './outbox.ts';

export const TEST_PASSWORD = 'Violet-harbour-7-lanterns';

/** The whole API on a fresh database with a manual clock and an in-memory logger. */
export async function createTestApp(
  kind: DatabaseKind,
  options: { config?: Partial<Config>; loginThrottle?: LoginThrottleLimits; redis?: Redis; staticDir?: string } = {},
) {
  const database = await createTestDatabase(kind);
  const clock = manualClock(new Date());
  const logger = createMemoryLogger();
  const config = testConfig({
    // Tests send many requests from one (absent) address; the rate-limit test sets its own budget.
    rateLimit: { windowSeconds: 900, max: 100_000, signedInMax: 100_000, signUpsPerHour: 100_000 },
    // Each app its own outbox (no SMTP in tests unless one asks): readOutbox(config.mail.outboxDir) reads what was "sent".
    mail: { smtpUrl: undefined, from: 'CreatorSync <no-reply@creatorsync.test>', outboxDir: path.join(tmpdir(), `cs-outbox-${randomUUID()}`) },
    ...options.config,
  });
  const keys = await loadSigningKeys(database.db, config.jwtSecret, clock.now());
  const built = createApp({
    config,
    database,
    clock,
    logger,
    keys,
    redis: options.redis,
    loginThrottle: options.loginThrottle,
    staticDir: options.staticDir,
  });
  return {
    app: built.app,
    sync: built.sync,
    projects: built.projects,
    tickets: built.tickets,
    documents: built.documents,
    messagesLive: built.messagesLive,
    moderation: built.moderation,
    unreadMail: built.unreadMail,
    subscriptions: built.subscriptions,
    database,
    clock,
    logger,
    keys,
    config,
    close: async () => {
      await built.sync.close();
      await built.messagesLive.close();
      await database.close();
      await rm(config.mail.outboxDir, { recursive: true, force: true });
    },
  };
}


export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** A JSON request against the app, returning status, headers and parsed body. */
export async function call(
  app: TestApp['app'],
  method: string,
  path: string,
  options: { body?: unknown; raw?: string; token?: string; cookie?: string; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  const response = await app.request(path, {
    method,
    headers,
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** The `name=value` part of a Set-Cookie for the named __Host- cookie. */
export function cookieFrom(headers: Headers, name: string): string | undefined {
  return headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith(`__Host-${name}=`))
    ?.split(';')[0];
}

let counter = 0;
/** Registers a fresh user and returns their tokens and cookies. */
export async function signUp(app: TestApp['app'], overrides: Record<string, unknown> = {}) {
  const email = `writer-${Date.now()}-${counter++}@example.com`;
  const response = await call(app, 'POST', '/api/auth/register', {
    body: { email, password: TEST_PASSWORD, displayName: 'Test Writer', ...overrides },
  });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${response.text}`);
  return {
    email: (overrides.email as string | undefined)?.toLowerCase() ?? email,
    userId: response.json.user.id as string,
    accessToken: response.json.accessToken as string,
    refreshCookie: cookieFrom(response.headers, 'cs_refresh')!,
    deviceCookie: cookieFrom(response.headers, 'cs_device')!,
    response,
  };
}
