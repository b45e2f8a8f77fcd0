import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { call, signUp } from '../../api/testing/test-app.ts';
import { fetchTicket, startTestServer, waitFor, type TestServer } from '../../api/testing/test-server.ts';

/**
 * A thousand sockets open, sync and leave: afterwards no document stays loaded, no socket is
 * tracked, and the heap is back near where it started (nothing per connection is retained).
 */
// A real collection before each reading; without it heap numbers are noise.
v8.setFlagsFromString('--expose_gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

describe('connection churn', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('pglite', {
      config: { rateLimit: { windowSeconds: 900, max: 1e9, signedInMax: 1e9, signUpsPerHour: 1e9 } },
    });
  });
  afterAll(() => s.close());

  it('returns to baseline after 1,000 connect/disconnect cycles', async () => {
    const owner = await signUp(s.app);
    const projects: string[] = [];
    for (let i = 0; i < 4; i++) projects.push((await call(s.app, 'POST', '/api/projects', { token: owner.accessToken, body: { title: `Churn ${i}` } })).json.id);

    const cycle = async (index: number) => {
      const projectId = projects[index % projects.length]!;
      const { ticket } = await fetchTicket(s.httpUrl, owner.accessToken, projectId);
      await new Promise<void>((resolve, reject) => {
        const socket = new WebSocket(`${s.wsUrl}/${projectId}?ticket=${ticket}`);
        socket.on('message', () => socket.close());
        socket.on('close', () => resolve());
        socket.on('error', reject);
      });
    };
    // Warm up (JIT, pools, first loads) long enough that one-off growth is behind us, then measure.
    for (let i = 0; i < 300; i++) await cycle(i);
    await waitFor(() => s.sync.stats().openDocuments === 0 && s.sync.stats().connections === 0, 10_000, 'idle after warm-up');
    s.logger.entries.length = 0;
    collectGarbage();
    const baseline = process.memoryUsage().heapUsed;

    for (let batch = 0; batch < Number(process.env.CHURN_BATCHES ?? 100); batch++) await Promise.all(Array.from({ length: 10 }, (_, i) => cycle(batch * 10 + i)));
    await waitFor(() => s.sync.stats().openDocuments === 0 && s.sync.stats().connections === 0, 10_000, 'idle after churn');
    // The test logger keeps every line in memory; that is the harness, not the server.
    s.logger.entries.length = 0;
    await new Promise((resolve) => setTimeout(resolve, 100));
    collectGarbage();
    const after = process.memoryUsage().heapUsed;
    const growthMiB = (after - baseline) / 1024 / 1024;
    console.info(`heap: baseline ${(baseline / 1048576).toFixed(1)} MiB, after 1,000 cycles ${(after / 1048576).toFixed(1)} MiB (${growthMiB.toFixed(2)} MiB)`);
    expect(s.sync.stats()).toEqual({ openDocuments: 0, connections: 0 });
    // Retaining even 4 KiB per connection would show as ~4 MiB here.
    expect(growthMiB).toBeLessThan(4);
  }, 120_000);
});
