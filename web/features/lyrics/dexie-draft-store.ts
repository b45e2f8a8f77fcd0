import type { Dexie, EntityTable } from 'dexie';
import { moveDrafts, type Draft, type DraftStore } from './draft-store.ts';

type DraftDatabase = Dexie & { drafts: EntityTable<Draft, 'id'> };

/** Drafts written without an account (and every draft from before drafts were kept per account). */
export const GUEST_DRAFTS_DATABASE = 'creatorsync-lyrics';

/** The IndexedDB database of one account's drafts. */
export function accountDraftsDatabase(userId: string): string {
  return `${GUEST_DRAFTS_DATABASE}-${userId}`;
}

/**
 * Drafts in IndexedDB (Dexie, loaded with the pad's chunk, not at start-up), one database per
 * account, so the next person on a shared device never sees (or saves to their own account) someone
 * else's lyrics. A guest's drafts become the account's the first time that account opens the pad on
 * this device: someone who starts writing and then signs in keeps what they wrote.
 */
export function createDexieDraftStore(ownerId: string | null): DraftStore {
  const own = dexieDraftStore(ownerId ? accountDraftsDatabase(ownerId) : GUEST_DRAFTS_DATABASE);
  if (!ownerId) return own;
  let adopted: Promise<unknown> | null = null;
  const ready = () =>
    (adopted ??= moveDrafts(dexieDraftStore(GUEST_DRAFTS_DATABASE), own).catch((error: unknown) => {
      // The guest's drafts stay where they are; the account's own drafts still open.
      console.error(new Error('Could not move the guest drafts into the account', { cause: error }));
    }));
  return {
    async list() {
      await ready();
      return own.list();
    },
    async put(draft) {
      await ready();
      await own.put(draft);
    },
    async delete(id) {
      await ready();
      await own.delete(id);
    },
  };
}

function dexieDraftStore(name: string): DraftStore {
  let database: Promise<DraftDatabase> | null = null;
  const open = (): Promise<DraftDatabase> => {
    database ??= import('dexie').then(({ Dexie: DexieDatabase }) => {
      const db = new DexieDatabase(name) as DraftDatabase;
      db.version(1).stores({ drafts: 'id, updatedAt' });
      return db;
    });
    return database;
  };
  return {
    async list() {
      return (await open()).drafts.toArray();
    },
    async put(draft) {
      await (await open()).drafts.put(draft);
    },
    async delete(id) {
      await (await open()).drafts.delete(id);
    },
  };
}
