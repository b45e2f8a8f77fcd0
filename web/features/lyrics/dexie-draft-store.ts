import type { Dexie, EntityTable } from 'dexie';
import type { Draft, DraftStore } from './draft-store.ts';

type DraftDatabase = Dexie & { drafts: EntityTable<Draft, 'id'> };

/** Drafts in IndexedDB (Dexie, loaded with the pad's chunk, not at start-up). */
export function createDexieDraftStore(): DraftStore {
  let database: Promise<DraftDatabase> | null = null;
  const open = (): Promise<DraftDatabase> => {
    database ??= import('dexie').then(({ Dexie: DexieDatabase }) => {
      const db = new DexieDatabase('creatorsync-lyrics') as DraftDatabase;
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
