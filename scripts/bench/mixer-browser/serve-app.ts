import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../../..');
const distAssets = join(root, 'dist/assets');
/** What the worklet bundle is built from: if any is newer than dist/, the benchmark would time old code. */
const processorSources = ['shared/dsp', 'shared/mix', 'web/audio'];
const startTimeoutMs = 120_000;

function newestModification(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(entry).map((child) => newestModification(join(entry, child))));
}

function findProcessor(): string | null {
  if (!existsSync(distAssets)) return null;
  return readdirSync(distAssets).find((name) => /^mix-processor-[\w-]+\.js$/.test(name)) ?? null;
}

/**
 * The built processor's path on the server (`/assets/mix-processor-<hash>.js`),
 * building the app first when dist/ is missing or older than the engine's sources.
 */
export function ensureProcessorBuilt(): string {
  const marker = join(root, 'dist/index.html');
  const stale = !existsSync(marker) || !findProcessor() || processorSources.some((source) => newestModification(join(root, source)) > statSync(marker).mtimeMs);
  if (stale) {
    console.log('mixer-browser bench: building the app (dist/ is missing or older than the engine sources)');
    const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (result.status !== 0) throw new Error(`npm run build failed with status ${String(result.status)}`);
  }
  const file = findProcessor();
  if (!file) throw new Error('dist/assets has no mix-processor-*.js after the build');
  return `/assets/${file}`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

export interface ServedApp {
  readonly baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the real product (`scripts/start.ts`, without rebuilding: call
 * `ensureProcessorBuilt` first) on a free port with a temporary data
 * directory, as the Chromium suite's global setup does.
 */
export async function serveApp(): Promise<ServedApp> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'creatorsync-bench-'));
  let log = '';
  const { NODE_ENV: _nodeEnvironment, ...environment } = process.env;
  const child = spawn(process.execPath, ['scripts/start.ts'], {
    cwd: root,
    env: { ...environment, PORT: String(port), DATA_DIR: dataDir, SKIP_BUILD: '1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer): void => {
    log = (log + chunk.toString()).slice(-10_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
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
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`scripts/start.ts exited with ${child.exitCode}:\n${log}`);
    }
    const healthy = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.ok,
      // Not listening yet: poll again.
      () => false,
    );
    if (healthy) return { baseUrl, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${baseUrl}/api/health did not answer within ${startTimeoutMs / 1000}s:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
