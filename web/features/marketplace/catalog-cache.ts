import type { Dexie, EntityTable } from 'dexie';
import { Beat, BeatPage } from '../../../shared/schemas/beats.ts';
import { ProducerProfile } from '../../../shared/schemas/storefronts.ts';

/** A search page as saved on the device, with when it was fetched. */
export interface SavedPage {
  page: BeatPage;
  savedAt: number;
}

/**
 * The catalog pages this device has seen (search pages by their filters and cursor, single beats and
 * producer pages), so browsing keeps working offline: shown first, then refreshed from the server.
 */
export interface CatalogCache {
  loadPage(key: string): Promise<SavedPage | null>;
  savePage(key: string, page: BeatPage, savedAt: number): Promise<void>;
  loadBeat(id: string): Promise<{ beat: Beat; savedAt: number } | null>;
  saveBeat(beat: Beat, savedAt: number): Promise<void>;
  /** A producer page's header (who they are, their storefront), so it opens offline whole. */
  loadProducer(id: string): Promise<{ profile: ProducerProfile; savedAt: number } | null>;
  saveProducer(profile: ProducerProfile, savedAt: number): Promise<void>;
}

interface PageRow {
  key: string;
  page: unknown;
  savedAt: number;
}

interface BeatRow {
  id: string;
  beat: unknown;
  savedAt: number;
}

interface ProducerRow {
  id: string;
  profile: unknown;
  savedAt: number;
}

type CatalogDatabase = Dexie & { pages: EntityTable<PageRow, 'key'>; beats: EntityTable<BeatRow, 'id'>; producers: EntityTable<ProducerRow, 'id'> };

/** Pages kept; the oldest go first, so a long browsing session cannot grow the database without bound. */
const MAX_PAGES = 200;
const MAX_BEATS = 500;
const MAX_PRODUCERS = 200;

/** The catalog cache in IndexedDB (Dexie loads with the marketplace pages, not at start-up). */
export function createDexieCatalogCache(): CatalogCache {
  let database: Promise<CatalogDatabase> | null = null;
  const open = (): Promise<CatalogDatabase> => {
    database ??= import('dexie').then(({ Dexie: DexieDatabase }) => {
      const db = new DexieDatabase('creatorsync-catalog') as CatalogDatabase;
      db.version(1).stores({ pages: 'key, savedAt', beats: 'id, savedAt' });
      db.version(2).stores({ pages: 'key, savedAt', beats: 'id, savedAt', producers: 'id, savedAt' });
      return db;
    });
    return database;
  };
  return {
    async loadPage(key) {
      const row = await (await open()).pages.get(key);
      // Rows from an older app version may no longer parse: treat them as absent.
      const parsed = row ? BeatPage.safeParse(row.page) : null;
      return row && parsed?.success ? { page: parsed.data, savedAt: row.savedAt } : null;
    },
    async savePage(key, page, savedAt) {
      const db = await open();
      await db.pages.put({ key, page, savedAt });
      const extra = (await db.pages.count()) - MAX_PAGES;
      if (extra > 0) await db.pages.orderBy('savedAt').limit(extra).delete();
    },
    async loadBeat(id) {
      const row = await (await open()).beats.get(id);
      const parsed = row ? Beat.safeParse(row.beat) : null;
      return row && parsed?.success ? { beat: parsed.data, savedAt: row.savedAt } : null;
    },
    async saveBeat(beat, savedAt) {
      const db = await open();
      await db.beats.put({ id: beat.id, beat, savedAt });
      const extra = (await db.beats.count()) - MAX_BEATS;
      if (extra > 0) await db.beats.orderBy('savedAt').limit(extra).delete();
    },
    async loadProducer(id) {
      const row = await (await open()).producers.get(id);
      const parsed = row ? ProducerProfile.safeParse(row.profile) : null;
      return row && parsed?.success ? { profile: parsed.data, savedAt: row.savedAt } : null;
    },
    async saveProducer(profile, savedAt) {
      const db = await open();
      await db.producers.put({ id: profile.id, profile, savedAt });
      const extra = (await db.producers.count()) - MAX_PRODUCERS;
      if (extra > 0) await db.producers.orderBy('savedAt').limit(extra).delete();
    },
  };
}
