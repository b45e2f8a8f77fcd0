import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const START_TIMEOUT_MS = 280_000;

export interface ProductServer {
  baseUrl: string;
  /** Where the product writes e-mails (no SMTP_URL in the suite): `<DATA_DIR>/outbox`. */
  outboxDir: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts the real product (`node scripts/start.ts`, which builds dist/ when stale) on a free port with
 * a fresh data directory, and resolves once /api/health answers. `environment` adds to or overrides
 * the test environment (a Stripe-mode instance, say).
 */
export async function startProduct(environment: Record<string, string> = {}): Promise<ProductServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'creatorsync-e2e-'));
  let log = '';
  // Vitest sets NODE_ENV=test; passed on, it would make start.ts's `vite build` a development build
  // (Lit dev mode, no service worker registration). Start the product as `npm start` would.
  // Every browser test signs people up from 127.0.0.1, so the per-address budgets (tested in the API
  // suites) are raised here; and the server runs alone, without the CI's Redis, whose counters would
  // otherwise carry over from earlier runs in the same hour.
  const { NODE_ENV: _vitestNodeEnv, REDIS_URL: _sharedRedis, ...inherited } = process.env;
  const child = spawn(process.execPath, ['scripts/start.ts'], {
    cwd: ROOT,
    env: {
      ...inherited,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      RATE_LIMIT_MAX: '100000',
      RATE_LIMIT_SIGNED_IN_MAX: '100000',
      SIGNUP_RATE_LIMIT_PER_HOUR: '100000',
      // The demo store seeds in the background after start-up (synthesis and previews take seconds
      // of CPU): the tests make their own beats and must not race it for the catalogue or the CPU.
      DEMO_CATALOG: 'off',
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer): void => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`scripts/start.ts exited with ${child.exitCode} before it was healthy:\n${log}`);
      if (Date.now() > deadline) throw new Error(`${baseUrl} did not answer within ${START_TIMEOUT_MS / 1000}s:\n${log}`);
      const healthy = await fetch(`${baseUrl}/api/health`).then(
        (response) => response.ok,
        // Not listening yet (it may still be building dist/): poll again.
        () => false,
      );
      if (healthy) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, outboxDir: join(dataDir, 'outbox'), stop };
}
