/**
 * Where one account's private files live on the device: licensed full-quality audio in Cache
 * Storage (the project page's offline copy) and in the library's IndexedDB database (saved for
 * offline listening). Sign-out deletes them, so the next person on a shared device cannot play
 * what they did not buy.
 */
export const LICENSED_AUDIO_CACHE = 'creatorsync-licensed-audio-v1';
export const LIBRARY_DATABASE = 'creatorsync-library';

const PRIVATE_CACHES = [LICENSED_AUDIO_CACHE];
const PRIVATE_DATABASES = [LIBRARY_DATABASE];

export interface PrivateStorage {
  caches: Pick<CacheStorage, 'delete'> | undefined;
  indexedDB: Pick<IDBFactory, 'deleteDatabase'> | undefined;
}

export async function clearPrivateCaches(storage: PrivateStorage = { caches: globalThis.caches, indexedDB: globalThis.indexedDB }): Promise<void> {
  await Promise.all([
    ...PRIVATE_CACHES.map((name) => storage.caches?.delete(name)),
    // A page still holding the database open blocks the deletion until it closes; do not wait for that.
    ...PRIVATE_DATABASES.map(
      (name) =>
        new Promise<void>((resolve) => {
          const request = storage.indexedDB?.deleteDatabase(name);
          if (!request) return resolve();
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  ]);
}
