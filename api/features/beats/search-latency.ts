/**
 * Search latency on a seeded catalogue, through the whole app (auth-free public search):
 * `node api/features/beats/search-latency.ts [rows]`, PGlite by default, PostgreSQL when DATABASE_URL
 * is set. Prints median and p95 per query shape. Not part of the test run: timings depend on the machine.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BEAT_GENRES, BEAT_MOODS, MUSICAL_KEYS } from '../../../shared/schemas/beats.ts';
import { beats } from '../../db/schema.ts';
import { call, createTestApp, signUp } from '../../testing/test-app.ts';

const rows = Number(process.argv[2] ?? 5000);
const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const storageDir = await mkdtemp(path.join(os.tmpdir(), 'cs-latency-'));
const t = await createTestApp(kind, { config: { storage: { dir: storageDir, s3: undefined } } });
const words = ['midnight', 'drive', 'neon', 'rain', 'gold', 'smoke', 'ocean', 'fire', 'ghost', 'velvet', 'summer', 'echo', 'crown', 'storm', 'dream', 'street'];
// A fixed linear congruential sequence, so every run seeds the same catalogue.
let state = 42;
const next = (limit: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31), state % limit);
const pick = <T>(values: readonly T[]) => values[next(values.length)]!;

const producer = await signUp(t.app);
const now = Date.now();
for (let start = 0; start < rows; start += 500) {
  const batch = Array.from({ length: Math.min(500, rows - start) }, (_, index) => {
    const tags = [pick(words), pick(words)];
    return {
      id: randomUUID(),
      producerId: producer.userId,
      title: `${pick(words)} ${pick(words)} ${start + index}`,
      genre: pick(BEAT_GENRES),
      priceCents: 100 + next(99_900),
      freeDownload: next(10) === 0,
      bpm: 60 + next(120),
      musicalKey: pick(MUSICAL_KEYS),
      mood: pick(BEAT_MOODS),
      tags,
      searchText: tags.join(' '),
      description: Array.from({ length: 12 }, () => pick(words)).join(' '),
      status: 'published',
      playCount: next(1000),
      createdAt: new Date(now - next(1e10)),
      updatedAt: new Date(now),
    };
  });
  await t.database.db.insert(beats).values(batch);
}

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
