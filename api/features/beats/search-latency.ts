/**
 * Search latency on a seeded catalogue, through the whole app (auth-free public search):
 * `node api/features/beats/search-latency.ts [rows]`, PGlite by default, PostgreSQL when DATABASE_URL
 * is set. Prints median and p95 per query shape. Not part of the test run: timings depend on the machine.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { seedSyntheticCatalog } from '../../testing/synthetic-catalog.ts';
import { call, createTestApp } from '../../testing/test-app.ts';

const rows = Number(process.argv[2] ?? 5000);
const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const storageDir = await mkdtemp(path.join(os.tmpdir(), 'cs-latency-'));
const t = await createTestApp(kind, { config: { storage: { dir: storageDir, s3: undefined } } });
await seedSyntheticCatalog(t.database.db, rows);

const shapes: Record<string, string> = {
  'newest, facets': '',
  'text "midnight rain", facets': 'q=midnight%20rain',
  'text + genre + bpm range': 'q=neon&genre=trap&bpmMin=120&bpmMax=150',
  'price ascending, no facets': 'sort=price_asc&facets=false',
  'trending, no facets': 'sort=trending&facets=false',
};
console.log(`${rows} published beats on ${kind}`);
for (const [name, query] of Object.entries(shapes)) {
  const times: number[] = [];
  for (let run = 0; run < 40; run++) {
    const started = performance.now();
    const response = await call(t.app, 'GET', `/api/beats?${query}`);
    if (response.status !== 200) throw new Error(`${name}: ${response.status} ${response.text}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(32)} median ${times[20]!.toFixed(1)} ms   p95 ${times[38]!.toFixed(1)} ms`);
}
await t.close();
await rm(storageDir, { recursive: true, force: true });
