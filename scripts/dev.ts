import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * `npm run dev`: the API on 8787, restarted by `node --watch` when its files change, and Vite's dev
 * server with hot reload in front of it (vite.config.ts proxies /api and the sync socket to 8787).
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const children: ChildProcess[] = [];

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code) => {
    // One half dying leaves a confusing half-working setup: stop the other and report.
    console.error(`${command} ${args.join(' ')} exited with ${code}`);
    shutdown(code ?? 1);
  });
  children.push(child);
}

function shutdown(code: number) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exit(code);
}

// The API and the app both import the compiled catalogs; make them once before either starts.
if (spawnSync('npm', ['run', 'i18n:compile', '--silent'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
run(process.execPath, ['--watch-path=api', '--watch-path=shared', '--watch-path=locales', 'api/server.ts'], {
  PORT: process.env.API_PORT ?? '8787',
  STATIC_DIR: path.join(ROOT, '.no-static'),
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
});
run(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js')]);

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => shutdown(0));
