import type { Dexie, EntityTable } from 'dexie';
import { User } from '../../../shared/schemas/auth.ts';
import type { ProfileCache } from './profile-cache.ts';

interface CachedProfileRow {
  /** Always 'current': one signed-in user per browser profile. */
  key: 'current';
  user: unknown;
  savedAt: number;
}

type ProfileDatabase = Dexie & { profiles: EntityTable<CachedProfileRow, 'key'> };

/**
 * The IndexedDB-backed cache. Dexie is loaded on first use, not at start-up, so it stays out of the
 * JavaScript needed for the first screen.
 */
export function createDexieProfileCache(clock: () => number = Date.now): ProfileCache {
  let database: Promise<ProfileDatabase> | null = null;
  const open = (): Promise<ProfileDatabase> => {
    database ??= import('dexie').then(({ Dexie: DexieDatabase }) => {
      const db = new DexieDatabase('creatorsync-profile') as ProfileDatabase;
      db.version(1).stores({ profiles: 'key' });
      return db;
    });
    return database;
  };
  return {
    async load() {
      const row = await (await open()).profiles.get('current');
      if (!row) return null;
      // IndexedDB content may come from an older app version: parse it, and forget it if it no longer fits.
      const parsed = User.safeParse(row.user);
      return parsed.success ? parsed.data : null;
    },
    async save(user) {
      await (await open()).profiles.put({ key: 'current', user, savedAt: clock() });
    },
    async clear() {
      await (await open()).profiles.delete('current');
    },
  };
}
