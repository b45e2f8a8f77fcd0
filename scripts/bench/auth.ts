import { hash } from '@node-rs/argon2';
import type { Algorithm } from '@node-rs/argon2';
import { createApp } from '../../api/app.ts';
import { testConfig } from '../../api/config.ts';
import { openDatabase, type DatabaseOptions } from '../../api/db/database.ts';
import { ARGON2_PARAMETERS } from '../../api/features/auth/passwords.ts';
import { systemClock } from '../../api/platform/clock.ts';
import { createMemoryLogger } from '../../api/platform/logger.ts';
import { loadSigningKeys } from '../../api/platform/signing-keys.ts';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { percentile, printTable, timeEach } from './stats.ts';

const PASSWORD = 'Violet-harbour-7-lanterns';

/** argon2id at our pinned parameters beside OWASP's other recommended trade-offs, one run. */
export async function benchArgon2(samples = 20) {
  const candidates = [
    { name: 'ours: m=19 MiB t=2 p=1', memoryCost: ARGON2_PARAMETERS.memoryCost, timeCost: 2 },
    { name: 'OWASP: m=46 MiB t=1 p=1', memoryCost: 47_104, timeCost: 1 },
    { name: 'OWASP: m=12 MiB t=3 p=1', memoryCost: 12_288, timeCost: 3 },
    { name: 'OWASP: m=7 MiB t=5 p=1', memoryCost: 7_168, timeCost: 5 },
  ];
  const rows = [];
  for (const candidate of candidates) {
    const times = await timeEach(samples, () =>
      hash(PASSWORD, { algorithm: 2 as Algorithm, memoryCost: candidate.memoryCost, timeCost: candidate.timeCost, parallelism: 1 }),
    );
    rows.push({ 'argon2id parameters': candidate.name, 'p50 ms': percentile(times, 50), 'p99 ms': percentile(times, 99), samples });
  }
  printTable('Password hashing (argon2id, one core)', rows);
}

/** Sign-in over real HTTP on a real port: parse, throttle checks, argon2 verify, session insert, JWT. */
export async function benchLogin(samples = 60) {
  const targets: Array<{ label: string; options: DatabaseOptions }> = [{ label: 'PGlite (embedded)', options: { kind: 'pglite' } }];
  if (process.env.DATABASE_URL) targets.push({ label: 'PostgreSQL', options: { kind: 'postgres', url: process.env.DATABASE_URL } });
  else console.log('(DATABASE_URL not set: login latency measured on PGlite only)');
  const rows = [];
  for (const target of targets) {
    const database = await openDatabase(target.options);
    const config = testConfig({ rateLimit: { windowSeconds: 900, max: 1e9, signedInMax: 1e9, signUpsPerHour: 1e9 } });
    const keys = await loadSigningKeys(database.db, config.jwtSecret, new Date());
    const { app, sync } = createApp({
      config,
      database,
      clock: systemClock,
      logger: createMemoryLogger(),
      keys,
      loginThrottle: { failuresPerIp: 1e9, failuresPerAccount: 1e9, failuresPerAccountAndIp: 1e9, windowSeconds: 60 },
    });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const email = `bench-${Date.now()}@example.com`;
    const post = (path: string, body: unknown) =>
      fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const registered = await post('/api/auth/register', { email, password: PASSWORD, displayName: 'Bench' });
    if (registered.status !== 201) throw new Error(`bench sign-up failed: ${registered.status}`);
    await timeEach(5, () => post('/api/auth/login', { email, password: PASSWORD }).then((r) => r.arrayBuffer()));
    const ok = await timeEach(samples, async () => {
      const response = await post('/api/auth/login', { email, password: PASSWORD });
      if (response.status !== 200) throw new Error(`login ${response.status}`);
      await response.arrayBuffer();
    });
    const wrong = await timeEach(samples, async () => {
      const response = await post('/api/auth/login', { email, password: 'Not-the-password-9' });
      await response.arrayBuffer();
    });
    const unknown = await timeEach(samples, async () => {
      const response = await post('/api/auth/login', { email: `nobody-${Math.random()}@example.com`, password: PASSWORD });
      await response.arrayBuffer();
    });
    rows.push(
      { database: target.label, case: 'correct password', 'p50 ms': percentile(ok, 50), 'p99 ms': percentile(ok, 99), samples },
      { database: target.label, case: 'wrong password', 'p50 ms': percentile(wrong, 50), 'p99 ms': percentile(wrong, 99), samples },
      { database: target.label, case: 'unknown e-mail', 'p50 ms': percentile(unknown, 50), 'p99 ms': percentile(unknown, 99), samples },
    );
    await sync.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
  }
  printTable('Sign-in latency over HTTP (sequential; a wrong password and an unknown e-mail must cost the same)', rows);
}
