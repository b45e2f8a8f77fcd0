import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../api/db/database.ts';
import { encodeWav, renderLoop } from '../../api/features/demo-catalog/synth.ts';
import { createScratchPostgresDatabase } from '../../api/testing/test-database.ts';
import { seedSyntheticCatalog } from '../../api/testing/synthetic-catalog.ts';
import { printTable } from './stats.ts';

/**
 * The marketplace under load: catalogue search at 10,000 and 100,000 published beats on PGlite
 * and on PostgreSQL (when DATABASE_URL is set), side by side, and preview streaming with HTTP
 * Range. The API runs as `node api/server.ts` in its own process; autocannon drives it with 50
 * concurrent connections from this one. Numbers, not assertions.
 *
 * Settings (environment):
 *   MARKET_BENCH_SIZES       catalogue sizes, comma-separated (10000,100000)
 *   MARKET_BENCH_SECONDS     seconds of load per query shape (5)
 *   MARKET_BENCH_CONNECTIONS concurrent connections (50)
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHAPES: Record<string, string> = {
  'newest, with facets': '',
  'text "midnight rain", with facets': 'q=midnight%20rain',
  'text + genre + BPM range': 'q=neon&genre=trap&bpmMin=120&bpmMax=150&facets=false',
  'genre + BPM + price, price ascending': 'genre=trap&bpmMin=80&bpmMax=100&priceMin=10&priceMax=200&sort=price_asc&facets=false',
  'trending, no facets': 'sort=trending&facets=false',
};
type Kind = 'pglite' | 'postgres';

interface ServerUnderTest {
  url: string;
  cpuSeconds: () => number;
  stop: () => Promise<void>;
}

export async function benchMarketplace(env = process.env) {
  const sizes = (env.MARKET_BENCH_SIZES ?? '10000,100000').split(',').map(Number);
  const seconds = Number(env.MARKET_BENCH_SECONDS ?? 5);
  const connections = Number(env.MARKET_BENCH_CONNECTIONS ?? 50);
  const kinds: Kind[] = env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  if (!env.DATABASE_URL) console.log('\nmarketplace: DATABASE_URL is not set, so PostgreSQL is left out of the search table.');

  const search = new Map<string, Record<string, string | number>>();
  let streaming: Array<Record<string, string | number>> = [];
  for (const size of sizes) {
    for (const kind of kinds) {
      const seeded = performance.now();
      const prepared = await prepareDatabase(kind, size);
      const seedSeconds = (performance.now() - seeded) / 1000;
      const server = await startApiProcess(prepared.env);
      try {
        for (const [shape, query] of Object.entries(SHAPES)) {
          const cpuBefore = server.cpuSeconds();
          const result = await autocannon({ url: `${server.url}/api/beats?${query}`, connections, duration: seconds });
          const cpu = server.cpuSeconds() - cpuBefore;
          if (result.non2xx > 0 || result.errors > 0) throw new Error(`${shape} on ${kind}: ${result.non2xx} non-2xx, ${result.errors} errors`);
          const row = search.get(`${size} ${shape}`) ?? { beats: size, query: shape };
          const label = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
          row[`${label} p50 ms`] = result.latency.p50;
          row[`${label} p99 ms`] = result.latency.p99;
          row[`${label} req/s`] = Math.round(result.requests.average);
          row[`${label} API CPU ms/req`] = (cpu * 1000) / Math.max(1, result.requests.total);
          search.set(`${size} ${shape}`, row);
        }
        console.log(`marketplace: ${size} beats on ${kind} seeded in ${seedSeconds.toFixed(1)} s and measured`);
        if (kind === 'pglite' && streaming.length === 0) streaming = await benchStreaming(server.url, connections, seconds);
      } finally {
        await server.stop();
        await prepared.cleanUp();
      }
    }
  }
  printTable(`Catalogue search through the API process, ${connections} concurrent connections, ${seconds} s per query (autocannon)`, [...search.values()]);
  printTable(`Preview streaming, ${connections} concurrent connections, ${seconds} s each (autocannon)`, streaming);
}

/** A database holding `size` published beats, and the environment that points the API at it. */
async function prepareDatabase(kind: Kind, size: number): Promise<{ env: Record<string, string>; cleanUp: () => Promise<void> }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cs-market-bench-'));
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    await seedSyntheticCatalog(database.db, size);
    await database.close();
    return { env: { DATA_DIR: dataDir }, cleanUp: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const scratch = await createScratchPostgresDatabase();
  const database = await openDatabase({ kind: 'postgres', url: scratch.url, maxConnections: 2 });
  await seedSyntheticCatalog(database.db, size);
  await database.close();
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: scratch.url },
    cleanUp: async () => {
      await scratch.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function startApiProcess(extraEnv: Record<string, string>): Promise<ServerUnderTest> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'api/server.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      DEMO_CATALOG: 'off',
      STATIC_DIR: path.join(ROOT, 'no-static-files-for-the-bench'),
      RATE_LIMIT_MAX: '1000000000',
      RATE_LIMIT_SIGNED_IN_MAX: '1000000000',
      SIGNUP_RATE_LIMIT_PER_HOUR: '1000000',
      UPLOAD_MAX_BYTES: String(200 * 1024 * 1024),
      ...extraEnv,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null) throw new Error('the API process exited during start-up');
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 600) throw new Error('the API process did not start within a minute');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const ticks = 100; // USER_HZ on Linux
  return {
    url,
    cpuSeconds: () => {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / ticks;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A producer uploads a one-minute beat; listeners then stream its preview, whole and by 256 KiB ranges. */
async function benchStreaming(url: string, connections: number, seconds: number): Promise<Array<Record<string, string | number>>> {
  const json = async (method: string, route: string, token: string | undefined, body?: unknown, raw?: Uint8Array) => {
    const response = await fetch(`${url}${route}`, {
      method,
      headers: { ...(raw ? { 'content-type': 'audio/wav' } : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: raw ? Buffer.from(raw) : body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  const registered = await json('POST', '/api/auth/register', undefined, { email: `bench-stream-${Date.now()}@example.com`, password: 'Violet-harbour-7-lanterns', displayName: 'Bench Producer' });
  const token = registered.body.accessToken as string;
  const beat = await json('POST', '/api/beats', token, { title: 'Bench Stream', genre: 'trap', price: 30, bpm: 140, musicalKey: 'A minor' });
  const beatId = beat.body.id as string;
  const wav = encodeWav(renderLoop({ bpm: 140, musicalKey: 'A minor', seed: 7, minSeconds: 60, maxSeconds: 62 }));
  const uploaded = await json('POST', `/api/beats/${beatId}/audio`, token, undefined, wav);
  if (uploaded.status >= 300) throw new Error(`upload: ${uploaded.status} ${JSON.stringify(uploaded.body)}`);
  // Publishing may wait for the tagged preview to be made.
  for (let attempt = 0; ; attempt += 1) {
    const published = await json('POST', `/api/beats/${beatId}/publish`, token);
    if (published.status < 300) break;
    if (attempt > 120) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const preview = `${url}/api/beats/${beatId}/preview`;
  const size = Number((await fetch(preview, { method: 'HEAD' })).headers.get('content-length') ?? 0);
  const rows: Array<Record<string, string | number>> = [];
  for (const [request, headers] of [
    ['whole preview', {}],
    ['Range: first 256 KiB', { range: 'bytes=0-262143' }],
    ['Range: last 64 KiB (seek)', { range: 'bytes=-65536' }],
  ] as const) {
    const result = await autocannon({ url: preview, connections, duration: seconds, headers });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${request}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    rows.push({
      request,
      'preview bytes': size,
      'req/s': Math.round(result.requests.average),
      'MB/s': result.throughput.average / 1e6,
      'p50 ms': result.latency.p50,
      'p99 ms': result.latency.p99,
    });
  }
  return rows;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

if (import.meta.main) await benchMarketplace();
