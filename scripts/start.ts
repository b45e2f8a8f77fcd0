import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../api/config.ts';
import { startServer } from '../api/server.ts';

/**
 * `npm start`: builds the PWA when dist/ is missing or older than its sources, then serves app,
 * API and sync endpoint from one process. A laptop with nothing installed gets the whole product.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCES = ['web', 'sw', 'shared', 'locales', 'public', 'index.html', 'vite.config.ts', 'lingui.config.ts', 'package-lock.json'];
const BUILD_MARKER = path.join(ROOT, 'dist', 'index.html');

function newestModification(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (child === 'node_modules' || child.startsWith('.')) continue;
    newest = Math.max(newest, newestModification(path.join(entry, child)));
  }
  return newest;
}

function buildIsStale(): boolean {
  if (!existsSync(BUILD_MARKER)) return true;
  const built = statSync(BUILD_MARKER).mtimeMs;
  return SOURCES.some((source) => newestModification(path.join(ROOT, source)) > built);
}

if (process.env.SKIP_BUILD !== '1' && buildIsStale()) {
  console.log(JSON.stringify({ level: 'info', message: 'building the app (dist/ is missing or stale)' }));
  // Always a production build, whatever NODE_ENV the caller has (Vitest sets it to "test").
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) {
    console.error('npm run build failed; not starting');
    process.exit(result.status ?? 1);
  }
}

const config = loadConfig({ ...process.env, STATIC_DIR: process.env.STATIC_DIR ?? path.join(ROOT, 'dist') });
const server = await startServer(config);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
