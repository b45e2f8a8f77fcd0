import type { Dexie, EntityTable } from 'dexie';
import { Licence } from '../../../shared/schemas/commerce.ts';
import { LIBRARY_DATABASE } from '../../app/private-caches.ts';

/** Audio saved on the device for offline playback. */
export interface SavedAudio {
  beatId: string;
  blob: Blob;
  savedAt: number;
}

/**
 * The buyer's library on this device: the last licence list seen (per user, so a shared device
 * never mixes accounts) and the purchased audio, kept as blobs so it plays offline. Sign-out deletes
 * the whole database (web/app/private-caches.ts): the next person on the device did not buy it.
 */
export interface LibraryStore {
  loadLicences(userId: string): Promise<Licence[] | null>;
  saveLicences(userId: string, licences: readonly Licence[]): Promise<void>;
  loadAudio(beatId: string): Promise<SavedAudio | null>;
  saveAudio(beatId: string, blob: Blob, savedAt: number): Promise<void>;
  removeAudio(beatId: string): Promise<void>;
  savedAudioIds(): Promise<string[]>;
}

interface LicenceRow {
  userId: string;
  licences: unknown[];
}

type LibraryDatabase = Dexie & { licences: EntityTable<LicenceRow, 'userId'>; audio: EntityTable<SavedAudio, 'beatId'> };

/** The library in IndexedDB (Dexie loads with the library page). */
export function createDexieLibraryStore(): LibraryStore {
  let database: Promise<LibraryDatabase> | null = null;
  const open = (): Promise<LibraryDatabase> => {
    database ??= import('dexie').then(({ Dexie: DexieDatabase }) => {
      const db = new DexieDatabase(LIBRARY_DATABASE) as LibraryDatabase;
      db.version(1).stores({ licences: 'userId', audio: 'beatId' });
      return db;
    });
    return database;
  };
  return {
    async loadLicences(userId) {
      const row = await (await open()).licences.get(userId);
      if (!row) return null;
      // Rows from an older app version may not parse any more: keep the ones that do. (Those saved
      // before licences could be revoked or held have no `revokedAt` or `heldAt`: they were live when saved.)
      return row.licences.flatMap((value) => {
        const parsed = Licence.safeParse(typeof value === 'object' && value !== null ? { revokedAt: null, heldAt: null, ...value } : value);
        return parsed.success ? [parsed.data] : [];
      });
    },
    async saveLicences(userId, licences) {
      await (await open()).licences.put({ userId, licences: [...licences] });
    },
    async loadAudio(beatId) {
      return (await (await open()).audio.get(beatId)) ?? null;
    },
    async saveAudio(beatId, blob, savedAt) {
      await (await open()).audio.put({ beatId, blob, savedAt });
    },
    async removeAudio(beatId) {
      await (await open()).audio.delete(beatId);
    },
    async savedAudioIds() {
      return (await (await open()).audio.toCollection().primaryKeys()) as string[];
    },
  };
}
