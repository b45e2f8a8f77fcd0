import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BEAT_GENRES, BEAT_MOODS, MUSICAL_KEYS } from '../../../shared/schemas/beats.ts';
import { call, createTestApp, signUp, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';
import { and, sql } from 'drizzle-orm';
import { beats } from '../../db/schema.ts';
import * as queries from './queries.ts';

interface Seed {
  title?: string;
  genre?: string;
  priceCents?: number;
  bpm?: number | null;
  musicalKey?: string | null;
  mood?: string | null;
  tags?: string[];
  description?: string;
  freeDownload?: boolean;
  status?: 'draft' | 'published';
  createdAt?: Date;
}

describe.each(databaseKinds())('beat search (%s)', (kind) => {
  let t: TestApp;
  let storageDir: string;
  let producerId: string;
  let producerToken: string;
  beforeAll(async () => {
    storageDir = await mkdtemp(path.join(os.tmpdir(), 'cs-search-'));
    t = await createTestApp(kind, { config: { storage: { dir: storageDir, s3: undefined } } });
    const producer = await signUp(t.app);
    producerId = producer.userId;
    producerToken = producer.accessToken;
  });
  afterAll(async () => {
    await t.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  /** Rows straight into the table (published unless said otherwise): search is what is under test here. */
  async function seed(rows: Seed[], owner = producerId): Promise<string[]> {
    const ids: string[] = [];
    for (const row of rows) {
      t.clock.advance(1000);
      const id = randomUUID();
      const tags = row.tags ?? [];
      await queries.insertBeat(t.database.db, {
        id,
        producerId: owner,
        title: row.title ?? 'Untitled beat',
        genre: row.genre ?? 'other',
        priceCents: row.priceCents ?? 2000,
        freeDownload: row.freeDownload ?? false,
        bpm: row.bpm ?? null,
        musicalKey: row.musicalKey ?? null,
        mood: row.mood ?? null,
        tags,
        searchText: tags.join(' '),
        description: row.description ?? '',
        status: row.status ?? 'published',
        publishedAt: row.status === 'draft' ? null : t.clock.now(),
        createdAt: row.createdAt ?? t.clock.now(),
        updatedAt: t.clock.now(),
      });
      ids.push(id);
    }
    return ids;
  }

  const search = async (params: Record<string, string | number | boolean>, token?: string) => {
    const query = new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)]));
    const response = await call(t.app, 'GET', `/api/beats?${query}`, token ? { token } : {});
    expect(response.status, response.text).toBe(200);
    return response.json as { beats: { id: string; title: string; price: number; plays: number }[]; nextCursor: string | null; facets: Record<string, { value: string; count: number }[]> | null };
  };

  /** Every page of a search, following nextCursor; `between` runs after each page. */
  async function allPages(params: Record<string, string | number | boolean>, between: () => Promise<unknown> = async () => {}) {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search({ ...params, facets: false, ...(cursor ? { cursor } : {}) });
      seen.push(...page.beats.map((beat) => beat.id));
      cursor = page.nextCursor;
      await between();
    } while (cursor);
    return seen;
  }

  it('ranks title matches above tag matches above description matches', async () => {
    const marker = `zephyr${Date.now() % 1000}`;
    const [inDescription, inTitle, inTags] = await seed([
      { title: 'Plain one', description: `a ${marker} somewhere in here` },
      { title: `${marker} Nights`, description: 'nothing' },
      { title: 'Plain two', tags: [marker] },
    ]);
    await seed([{ title: 'Unrelated', description: 'no match' }]);
    const found = await search({ q: marker });
    expect(found.beats.map((beat) => beat.id)).toEqual([inTitle, inTags, inDescription]);
    // Only stop words: no text filter rather than no results.
    expect((await search({ q: 'the', limit: 100 })).beats.length).toBeGreaterThanOrEqual(4);
    // Stemming: "nights" finds "night".
    expect((await search({ q: `${marker} night` })).beats.map((beat) => beat.id)).toEqual([inTitle]);
  });

  it('applies each filter, and the storefront filter', async () => {
    const other = await signUp(t.app);
    const tag = `filt${randomUUID().slice(0, 6)}`;
    const base = { tags: [tag] };
    const [trap, slow, fast, cheap, dear, free, keyed, moody, otherProducers] = await seed([
      { ...base, genre: 'trap', bpm: 100, priceCents: 3000 },
      { ...base, genre: 'lo-fi', bpm: 70, priceCents: 3000 },
      { ...base, genre: 'drill', bpm: 160, priceCents: 3000 },
      { ...base, genre: 'pop', bpm: 100, priceCents: 100 },
      { ...base, genre: 'pop', bpm: 100, priceCents: 100_000 },
      { ...base, genre: 'pop', bpm: 100, priceCents: 3000, freeDownload: true },
      { ...base, genre: 'pop', bpm: 100, priceCents: 3000, musicalKey: 'F# minor' },
      { ...base, genre: 'pop', bpm: 100, priceCents: 3000, mood: 'sad' },
    ]).then(async (ids) => [...ids, ...(await seed([{ ...base, genre: 'pop', bpm: 100, priceCents: 3000 }], other.userId))]);
    const ids = async (params: Record<string, string | number | boolean>) => (await search({ q: tag, limit: 100, ...params })).beats.map((beat) => beat.id).sort();
    expect(await ids({ genre: 'trap' })).toEqual([trap]);
    expect(await ids({ bpmMax: 80 })).toEqual([slow]);
    expect(await ids({ bpmMin: 150 })).toEqual([fast]);
    expect(await ids({ bpmMin: 90, bpmMax: 110, genre: 'pop', priceMax: 1 })).toEqual([cheap]);
    expect(await ids({ priceMin: 999.99 })).toEqual([dear]);
    expect(await ids({ freeDownload: true })).toEqual([free]);
    expect(await ids({ musicalKey: 'F# minor' })).toEqual([keyed]);
    expect(await ids({ mood: 'sad' })).toEqual([moody]);
    expect(await ids({ producer: other.userId })).toEqual([otherProducers]);
    expect((await ids({})).length).toBe(9);
  });

  it('counts facets per value, each ignoring its own filter', async () => {
    const tag = `facet${randomUUID().slice(0, 6)}`;
    await seed([
      { tags: [tag], genre: 'trap', mood: 'dark', musicalKey: 'C minor' },
      { tags: [tag], genre: 'trap', mood: 'dark', musicalKey: 'A minor' },
      { tags: [tag], genre: 'trap', mood: 'chill' },
      { tags: [tag], genre: 'lo-fi', mood: 'chill', musicalKey: 'C minor' },
      { tags: [tag], genre: 'lo-fi', mood: 'chill', status: 'draft' },
    ]);
    const all = await search({ q: tag });
    expect(all.facets).toEqual({
      genre: [{ value: 'trap', count: 3 }, { value: 'lo-fi', count: 1 }],
      musicalKey: [{ value: 'C minor', count: 2 }, { value: 'A minor', count: 1 }],
      mood: [{ value: 'chill', count: 2 }, { value: 'dark', count: 2 }],
    });
    const trapOnly = await search({ q: tag, genre: 'trap' });
    expect(trapOnly.beats).toHaveLength(3);
    // The genre facet still offers the other genres; the others narrow to trap.
    expect(trapOnly.facets!.genre).toEqual(all.facets!.genre);
    expect(trapOnly.facets!.mood).toEqual([{ value: 'dark', count: 2 }, { value: 'chill', count: 1 }]);
    // The producer sees their draft in their own storefront's counts.
    const own = await search({ q: tag, producer: producerId }, producerToken);
    expect(own.facets!.genre).toEqual([{ value: 'trap', count: 3 }, { value: 'lo-fi', count: 2 }]);
  });

  it('counts facets in one scan exactly as one query per dimension would, for any filters (fast-check)', async () => {
    const tag = `scan${randomUUID().slice(0, 6)}`;
    const rows: Seed[] = Array.from({ length: 60 }, (_, index) => ({
      tags: [tag],
      genre: BEAT_GENRES[index % 5],
      mood: index % 7 === 0 ? null : BEAT_MOODS[index % 4],
      musicalKey: index % 5 === 0 ? null : MUSICAL_KEYS[index % 6],
      bpm: 70 + ((index * 13) % 100),
      priceCents: 500 + ((index * 700) % 9000),
      freeDownload: index % 3 === 0,
      status: index % 11 === 0 ? 'draft' : 'published',
    }));
    await seed(rows);
    // The reference: each dimension counted by its own GROUP BY under every filter but its own.
    const reference = async (filters: queries.SearchFilters, dimension: queries.FacetDimension) => {
      const column = dimension === 'genre' ? beats.genre : dimension === 'musicalKey' ? beats.musicalKey : beats.mood;
      const counted = await t.database.db
        .select({ value: column, count: sql<number>`count(*)::int` })
        .from(beats)
        .where(and(...queries.conditions(filters, [dimension]), sql`${column} is not null`))
        .groupBy(column);
      return counted.map((row) => ({ value: row.value as string, count: Number(row.count) })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    };
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            genre: fc.constantFrom(...BEAT_GENRES.slice(0, 6)),
            musicalKey: fc.constantFrom(...MUSICAL_KEYS.slice(0, 7)),
            mood: fc.constantFrom(...BEAT_MOODS.slice(0, 5)),
            bpmMin: fc.integer({ min: 60, max: 180 }),
            priceMaxCents: fc.integer({ min: 500, max: 10_000 }),
            freeDownload: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
        async (picked) => {
          const none = { producerId: undefined, includeDrafts: false, genre: undefined, musicalKey: undefined, mood: undefined, bpmMin: undefined, bpmMax: undefined, priceMinCents: undefined, priceMaxCents: undefined, freeDownload: undefined };
          const filters: queries.SearchFilters = { ...none, text: tag, ...picked };
          const counts = await queries.facetCounts(t.database.db, filters);
          for (const dimension of ['genre', 'musicalKey', 'mood'] as const) expect(counts[dimension]).toEqual(await reference(filters, dimension));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('sorts by newest, price both ways and trending, ties broken by id', async () => {
    const tag = `sort${randomUUID().slice(0, 6)}`;
    const same = new Date('2026-06-01T00:00:00Z');
    const ids = await seed([
      { tags: [tag], priceCents: 500 },
      { tags: [tag], priceCents: 100 },
      { tags: [tag], priceCents: 900, createdAt: same },
      { tags: [tag], priceCents: 500, createdAt: same },
    ]);
    await queries.updateBeat(t.database.db, ids[1]!, { playCount: 3 });
    await queries.countSale(t.database.db, ids[3]!);
    const order = async (sort: string) => (await search({ q: tag, sort })).beats.map((beat) => ids.indexOf(beat.id));
    const byId = (a: number, b: number) => (ids[a]! < ids[b]! ? -1 : 1);
    expect(await order('newest')).toEqual([1, 0, ...[2, 3].sort(byId).reverse()]);
    expect(await order('price_asc')).toEqual([1, ...[0, 3].sort(byId), 2]);
    expect(await order('price_desc')).toEqual([2, ...[0, 3].sort(byId).reverse(), 1]);
    expect((await order('trending')).slice(0, 2)).toEqual([3, 1]);
  });

  it('pages with an opaque cursor, returning every row exactly once even with inserts between pages', async () => {
    const tag = `page${randomUUID().slice(0, 6)}`;
    const prices = fc.sample(fc.integer({ min: 100, max: 5000 }), { numRuns: 40, seed: 7 });
    const original = await seed(prices.map((priceCents, index) => ({ tags: [tag], priceCents, title: index % 3 ? `${tag} loop` : 'Beat', description: index % 2 ? tag : '' })));
    for (const sort of ['newest', 'price_asc', 'price_desc', 'trending', 'relevance'] as const) {
      const inserted: string[] = [];
      const seen = await allPages({ q: tag, sort, limit: 7 }, async () => {
        inserted.push(...(await seed([{ tags: [tag], priceCents: 100 + inserted.length * 97 }])));
      });
      expect(new Set(seen).size, `${sort}: no duplicates`).toBe(seen.length);
      expect(seen.filter((id) => original.includes(id)).sort(), `${sort}: every original row`).toEqual([...original].sort());
      original.push(...inserted);
    }
  });

  it('refuses a forged cursor or one from another sort with 400', async () => {
    const tag = `cur${randomUUID().slice(0, 6)}`;
    await seed([{ tags: [tag] }, { tags: [tag] }]);
    const first = await search({ q: tag, sort: 'newest', limit: 1 });
    for (const cursor of ['garbage', Buffer.from('["newest",1,"x"]').toString('base64url'), first.nextCursor!]) {
      const response = await call(t.app, 'GET', `/api/beats?q=${tag}&sort=price_asc&cursor=${cursor}`);
      expect(response.status).toBe(400);
      expect(response.json.error.code).toBe('invalid_cursor');
    }
  });

  it('answers generated queries with 200 or 4xx, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            q: fc.string({ maxLength: 40 }),
            genre: fc.oneof(fc.constantFrom(...BEAT_GENRES), fc.string()),
            musicalKey: fc.constantFrom(...MUSICAL_KEYS),
            mood: fc.constantFrom(...BEAT_MOODS),
            bpmMin: fc.integer({ min: -10, max: 400 }),
            priceMax: fc.oneof(fc.double({ noNaN: true }), fc.string()),
            sort: fc.string({ maxLength: 12 }),
            cursor: fc.string({ maxLength: 40 }),
          },
          { requiredKeys: [] },
        ),
        async (params) => {
          const response = await call(t.app, 'GET', `/api/beats?${new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)]))}`);
          expect(response.status === 200 || (response.status >= 400 && response.status < 500), `${response.status} ${response.text}`).toBe(true);
        },
      ),
      { numRuns: 80 },
    );
  });
});
