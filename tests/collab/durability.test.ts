import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createScratchPostgresDatabase } from '../../api/testing/test-database.ts';
import { connectClient, waitFor } from '../../api/testing/test-server.ts';

/**
 * Kills the real server with SIGKILL right after a collaborator received an update, restarts it on
 * the same storage, and checks a client that never connected before gets that update: an update
 * is relayed only once it is durable.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['api/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      STATIC_DIR: path.join(ROOT, '.no-static'),
      // Runs repeat within the hour on one machine; the sign-up budget is tested elsewhere.
      SIGNUP_RATE_LIMIT_PER_HOUR: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /"url":"(http:\/\/localhost:\d+)"/.exec(buffer);
      if (match) resolve(match[1]!.replace('localhost', '127.0.0.1'));
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${buffer.slice(-500)}`)));
  });
  return { child, url };
}

async function json(url: string, method: string, body?: unknown, token?: string) {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // The fields the calls below read: a session's access token, a project's id.
  return { status: response.status, body: (await response.json()) as { accessToken: string; id: string } };
}

const targets: Array<[string, 'pglite' | 'postgres']> = [['PGlite in DATA_DIR', 'pglite']];
if (process.env.DATABASE_URL) targets.push(['PostgreSQL', 'postgres']);

describe.each(targets)('an update a collaborator received survives SIGKILL (%s)', (_label, kind) => {
  const children: ChildProcess[] = [];
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const child of children) child.kill('SIGKILL');
    for (const step of cleanup.splice(0)) await step();
  });

  it('is there after a restart, for a client that never connected before', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cs-durability-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const env: Record<string, string> = {};
    if (kind === 'postgres') {
      const scratch = await createScratchPostgresDatabase();
      cleanup.push(scratch.drop);
      env.DATABASE_URL = scratch.url;
    }
    const serverEnv = { DATA_DIR: dataDir, JWT_SECRET: 'durability-test-secret-of-at-least-32-chars', ...env };
    const first = await startServer(serverEnv);
    children.push(first.child);
    const email = `durable-${Date.now()}@example.com`;
    const password = 'Violet-harbour-7-lanterns';
    const session = await json(`${first.url}/api/auth/register`, 'POST', { email, password, displayName: 'Durable' });
    expect(session.status).toBe(201);
    const project = await json(`${first.url}/api/projects`, 'POST', { title: 'Survivor' }, session.body.accessToken);
    const server1 = { httpUrl: first.url, wsUrl: first.url.replace('http', 'ws') + '/api/collab' };
    const a = connectClient(server1, session.body.accessToken, project.body.id);
    const b = connectClient(server1, session.body.accessToken, project.body.id);
    await Promise.all([a.synced(), b.synced()]);
    a.doc.getText('lyrics').insert(0, 'Update X: the line that must not be lost');
    await waitFor(() => b.doc.getText('lyrics').toString().includes('Update X'), 5000, 'B receives X');
    first.child.kill('SIGKILL');
    a.destroy();
    b.destroy();
    await new Promise((resolve) => first.child.once('exit', resolve));

    const second = await startServer(serverEnv);
    children.push(second.child);
    const login = await json(`${second.url}/api/auth/login`, 'POST', { email, password });
    const server2 = { httpUrl: second.url, wsUrl: second.url.replace('http', 'ws') + '/api/collab' };
    const c = connectClient(server2, login.body.accessToken, project.body.id);
    await c.synced();
    await waitFor(() => c.doc.getText('lyrics').toString().includes('Update X'), 5000, 'C loads X');
    c.destroy();
  }, 60_000);
});
