import { and, asc, desc, eq, getTableColumns, gte, inArray, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../../db/database.ts';
import { beats, licences, users } from '../../db/schema.ts';

export type BeatRow = typeof beats.$inferSelect;
export type NewBeatRow = typeof beats.$inferInsert;
export interface BeatWithProducer {
  beat: BeatRow;
  producerName: string;
}

/** Every column but the tsvector, which is only ever searched, never read. */
const { searchVector: _searchVector, ...beatColumns } = getTableColumns(beats);
const selection = { beat: beatColumns, producerName: users.displayName };
/** Lists leave the waveform out: 800 peak pairs per beat would make a page ten times heavier. */
const { peaks: _peaks, ...listColumns } = beatColumns;
const listSelection = { beat: { ...listColumns, peaks: sql<number[] | null>`null` }, producerName: users.displayName };

export async function findBeat(db: Database, id: string): Promise<BeatWithProducer | undefined> {
  const [row] = await db.select(selection).from(beats).innerJoin(users, eq(users.id, beats.producerId)).where(eq(beats.id, id)).limit(1);
  return row as BeatWithProducer | undefined;
}

/** Serialises, until the transaction ends, the steps that count a producer's beats and add one. */
export async function lockBeatsOf(tx: Executor, producerId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'cs-beats:' + producerId}))`);
}

export async function insertBeat(db: Executor, row: NewBeatRow): Promise<void> {
  await db.insert(beats).values(row);
}

export async function updateBeat(db: Database, id: string, changes: Partial<NewBeatRow>): Promise<void> {
  await db.update(beats).set(changes).where(eq(beats.id, id));
}

/**
 * Points the beat at newly stored master and preview and returns the keys it pointed at before, read
 * under a row lock so two concurrent uploads each learn the right files to delete. Undefined when the
 * beat was deleted meanwhile (the caller then deletes the new files).
 */
export async function replaceAudio(db: Database, id: string, changes: Partial<NewBeatRow>): Promise<{ previousKeys: (string | null)[] } | undefined> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ audioKey: beats.audioKey, previewKey: beats.previewKey, deliveryMp3Key: beats.deliveryMp3Key, deliveryWavKey: beats.deliveryWavKey })
      .from(beats)
      .where(eq(beats.id, id))
      .for('update');
    if (!current) return undefined;
    // Delivery files were made from the old master: they go with it.
    await tx
      .update(beats)
      .set({ ...changes, deliveryMp3Key: null, deliveryWavKey: null })
      .where(eq(beats.id, id));
    return { previousKeys: [current.audioKey, current.previewKey, current.deliveryMp3Key, current.deliveryWavKey] };
  });
}

/**
 * Points the beat at a preview remade from the master `audioKey`, unless the master changed meanwhile
 * (a newer upload brought its own preview): then undefined, and the caller deletes the file it made.
 */
export async function replacePreview(db: Database, id: string, audioKey: string, changes: Partial<NewBeatRow>): Promise<{ previousKey: string | null } | undefined> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ audioKey: beats.audioKey, previewKey: beats.previewKey }).from(beats).where(eq(beats.id, id)).for('update');
    if (!current || current.audioKey !== audioKey) return undefined;
    await tx.update(beats).set(changes).where(eq(beats.id, id));
    return { previousKey: current.previewKey };
  });
}

/** Sets (or clears) the beat's voice tag and returns the key it replaced; undefined when the beat is gone. */
export async function replaceVoiceTag(db: Database, id: string, changes: Pick<NewBeatRow, 'voiceTagKey' | 'voiceTagDurationSeconds' | 'updatedAt'>): Promise<{ previousKey: string | null } | undefined> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ voiceTagKey: beats.voiceTagKey }).from(beats).where(eq(beats.id, id)).for('update');
    if (!current) return undefined;
    await tx.update(beats).set(changes).where(eq(beats.id, id));
    return { previousKey: current.voiceTagKey };
  });
}

/** Beats with a master but no preview (uploaded before previews existed): the start-up backfill's work list. */
export async function beatsWithoutPreview(db: Database, limit: number): Promise<{ id: string }[]> {
  return db
    .select({ id: beats.id })
    .from(beats)
    .where(and(isNotNull(beats.audioKey), isNull(beats.previewKey)))
    .orderBy(asc(beats.createdAt), asc(beats.id))
    .limit(limit);
}

/** Beats whose master only a decoder reads and that have no waveform yet (uploaded before those got one). */
export async function beatsWithoutPeaks(db: Database, limit: number): Promise<{ id: string; audioKey: string; audioContentType: string; durationSeconds: number }[]> {
  const rows = await db
    .select({ id: beats.id, audioKey: beats.audioKey, audioContentType: beats.audioContentType, durationSeconds: beats.durationSeconds })
    .from(beats)
    .where(and(isNotNull(beats.audioKey), isNull(beats.peaks), isNotNull(beats.durationSeconds), inArray(beats.audioContentType, ['audio/mpeg', 'audio/flac', 'audio/ogg'])))
    .orderBy(asc(beats.createdAt), asc(beats.id))
    .limit(limit);
  return rows.flatMap((row) => (row.audioKey && row.audioContentType && row.durationSeconds ? [{ ...row, audioKey: row.audioKey, audioContentType: row.audioContentType, durationSeconds: row.durationSeconds }] : []));
}

/** Records a waveform made from the master `audioKey`, unless the master was replaced meanwhile. */
export async function setPeaks(db: Database, id: string, audioKey: string, peaks: number[]): Promise<boolean> {
  const updated = await db.update(beats).set({ peaks }).where(and(eq(beats.id, id), eq(beats.audioKey, audioKey))).returning({ id: beats.id });
  return updated.length > 0;
}

/** Beats a producer has, drafts included (the plan's upload limit counts them all). */
export async function countBeatsOf(db: Executor, producerId: string): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(beats).where(eq(beats.producerId, producerId));
  return Number(row?.count ?? 0);
}

/**
 * Deletes the beat unless someone holds a live licence of it (their downloads are its files): under
 * the beat's row lock, which a sale's grant takes too, so a sale cannot slip in between. Answers the
 * stored files' keys as they were at deletion, for the caller to delete.
 */
export async function deleteBeat(db: Database, id: string): Promise<{ deleted: true; keys: (string | null)[] } | { deleted: false; reason: 'missing' | 'licensed' }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(beats).where(eq(beats.id, id)).for('update');
    if (!row) return { deleted: false, reason: 'missing' } as const;
    const [licensed] = await tx
      .select({ id: licences.id })
      .from(licences)
      .where(and(eq(licences.beatId, id), isNull(licences.revokedAt)))
      .limit(1);
    if (licensed) return { deleted: false, reason: 'licensed' } as const;
    await tx.delete(beats).where(eq(beats.id, id));
    return { deleted: true, keys: [row.audioKey, row.previewKey, row.voiceTagKey, row.deliveryMp3Key, row.deliveryWavKey] } as const;
  });
}

/** Bumped in SQL so concurrent sales never overwrite each other (plays: features/analytics). */
export async function countSale(db: Database, id: string): Promise<void> {
  await db.update(beats).set({ saleCount: sql`${beats.saleCount} + 1` }).where(eq(beats.id, id));
}

/**
 * Whether a search text has any lexeme left after parsing: one of only stop words ("the", "a") has
 * none, and matching on it would find nothing. Asked separately so the search itself keeps a plain
 * `@@` the GIN index can serve.
 */
export async function hasLexemes(db: Database, text: string): Promise<boolean> {
  // The drivers shape raw results differently (postgres.js: an array, PGlite: { rows }).
  const result: unknown = await db.execute(sql`select numnode(${textQuery(text)}) as nodes`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { nodes: number | string }[];
  return Number(rows[0]?.nodes ?? 0) > 0;
}

export type SearchSort = 'relevance' | 'newest' | 'price_asc' | 'price_desc' | 'trending';
export type FacetDimension = 'genre' | 'musicalKey' | 'mood';

export interface SearchFilters {
  text: string | undefined;
  /** Restrict to one producer; `includeDrafts` only when that producer is the caller. */
  producerId: string | undefined;
  includeDrafts: boolean;
  genre: string | undefined;
  musicalKey: string | undefined;
  mood: string | undefined;
  bpmMin: number | undefined;
  bpmMax: number | undefined;
  priceMinCents: number | undefined;
  priceMaxCents: number | undefined;
  freeDownload: boolean | undefined;
}

/** Where the previous page stopped: the sort key of its last row and that row's id. */
export interface SearchPosition {
  value: number | string;
  id: string;
}

const textQuery = (text: string) => sql`websearch_to_tsquery('english', ${text})`;
const rank = (text: string) => sql<number>`ts_rank(${beats.searchVector}, ${textQuery(text)})`;

/** The filter on one facet dimension, if the search has one. */
function facetFilter(filters: SearchFilters, dimension: FacetDimension): SQL | undefined {
  if (dimension === 'genre') return filters.genre ? eq(beats.genre, filters.genre) : undefined;
  if (dimension === 'musicalKey') return filters.musicalKey ? eq(beats.musicalKey, filters.musicalKey) : undefined;
  return filters.mood ? eq(beats.mood, filters.mood) : undefined;
}

const FACET_DIMENSIONS: readonly FacetDimension[] = ['genre', 'musicalKey', 'mood'];

/** The search's WHERE conditions, leaving out the filters of the `except` dimensions. */
export function conditions(filters: SearchFilters, except: readonly FacetDimension[] = []): SQL[] {
  const where: (SQL | undefined)[] = [
    filters.includeDrafts ? undefined : eq(beats.status, 'published'),
    filters.producerId ? eq(beats.producerId, filters.producerId) : undefined,
    filters.text ? sql`${beats.searchVector} @@ ${textQuery(filters.text)}` : undefined,
    ...FACET_DIMENSIONS.filter((dimension) => !except.includes(dimension)).map((dimension) => facetFilter(filters, dimension)),
    filters.bpmMin !== undefined ? gte(beats.bpm, filters.bpmMin) : undefined,
    filters.bpmMax !== undefined ? lte(beats.bpm, filters.bpmMax) : undefined,
    filters.priceMinCents !== undefined ? gte(beats.priceCents, filters.priceMinCents) : undefined,
    filters.priceMaxCents !== undefined ? lte(beats.priceCents, filters.priceMaxCents) : undefined,
    filters.freeDownload !== undefined ? eq(beats.freeDownload, filters.freeDownload) : undefined,
  ];
  return where.filter((condition): condition is SQL => condition !== undefined);
}

/** The sort key expression and direction; ties are broken by id in the same direction, so the order is total. */
function sortKey(sort: SearchSort, text: string | undefined): { key: SQL; direction: 'asc' | 'desc'; cast: SQL } {
  switch (sort) {
    case 'relevance':
      return text ? { key: rank(text), direction: 'desc', cast: sql`real` } : sortKey('newest', text);
    case 'newest':
      return { key: sql`${beats.createdAt}`, direction: 'desc', cast: sql`timestamptz` };
    case 'price_asc':
      return { key: sql`${beats.priceCents}`, direction: 'asc', cast: sql`integer` };
    case 'price_desc':
      return { key: sql`${beats.priceCents}`, direction: 'desc', cast: sql`integer` };
    case 'trending':
      return { key: sql`${beats.popularity}`, direction: 'desc', cast: sql`integer` };
  }
}

/**
 * One page in keyset order: rows strictly after `after` in the (sort key, id) order. Unlike OFFSET,
 * rows inserted between two requests never shift the window, so no row is seen twice or skipped.
 */
export async function searchBeats(db: Database, filters: SearchFilters, sort: SearchSort, limit: number, after: SearchPosition | undefined) {
  const { key, direction, cast } = sortKey(sort, filters.text);
  const where = conditions(filters);
  if (after) {
    const position = sql`(${key}, ${beats.id}) ${direction === 'desc' ? sql`<` : sql`>`} (${after.value}::${cast}, ${after.id})`;
    where.push(position);
  }
  const order = direction === 'desc' ? [desc(key), desc(beats.id)] : [asc(key), asc(beats.id)];
  const rows = await db
    .select({ ...listSelection, sortValue: sql<number | string | Date>`${key}` })
    .from(beats)
    .innerJoin(users, eq(users.id, beats.producerId))
    .where(and(...where))
    .orderBy(...order)
    .limit(limit + 1);
  return rows as (BeatWithProducer & { sortValue: number | string | Date })[];
}

export type FacetCounts = Record<FacetDimension, { value: string; count: number }[]>;

/**
 * Counts per value of each facet dimension, each under every filter except its own (disjunctive
 * facets: choosing "trap" still shows how many beats the other genres have). One scan with
 * grouping sets instead of one query per dimension: each dimension's count leaves out its own
 * filter through a FILTER clause, so the rows are read once whatever the catalogue's size.
 */
export async function facetCounts(db: Database, filters: SearchFilters): Promise<FacetCounts> {
  const others = (dimension: FacetDimension) => {
    const kept = FACET_DIMENSIONS.filter((other) => other !== dimension).map((other) => facetFilter(filters, other)).filter((condition) => condition !== undefined);
    return kept.length > 0 ? sql`count(*) filter (where ${and(...kept)})::int` : sql`count(*)::int`;
  };
  const rows = await db
    .select({
      genre: beats.genre,
      musicalKey: beats.musicalKey,
      mood: beats.mood,
      byGenre: sql<number>`grouping(${beats.genre})`,
      byKey: sql<number>`grouping(${beats.musicalKey})`,
      genreCount: sql<number>`${others('genre')}`,
      keyCount: sql<number>`${others('musicalKey')}`,
      moodCount: sql<number>`${others('mood')}`,
    })
    .from(beats)
    .where(and(...conditions(filters, FACET_DIMENSIONS)))
    .groupBy(sql`grouping sets ((${beats.genre}), (${beats.musicalKey}), (${beats.mood}))`);
  const counts: FacetCounts = { genre: [], musicalKey: [], mood: [] };
  for (const row of rows) {
    // grouping() is 0 for the column a row is grouped by.
    const [dimension, value, count] =
      Number(row.byGenre) === 0 ? (['genre', row.genre, row.genreCount] as const) : Number(row.byKey) === 0 ? (['musicalKey', row.musicalKey, row.keyCount] as const) : (['mood', row.mood, row.moodCount] as const);
    if (value !== null && Number(count) > 0) counts[dimension].push({ value, count: Number(count) });
  }
  for (const list of Object.values(counts)) list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return counts;
}
