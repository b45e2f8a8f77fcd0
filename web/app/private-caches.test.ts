import { describe, expect, it } from 'vitest';
import { clearPrivateCaches, LIBRARY_DATABASE, LICENSED_AUDIO_CACHE } from './private-caches.ts';

describe('clearPrivateCaches', () => {
  it('deletes the licensed-audio cache and the library database, and leaves the rest alone', async () => {
    const caches = new Set([LICENSED_AUDIO_CACHE, 'creatorsync-lyrics-data', 'workbox-precache-v2']);
    const databases = new Set([LIBRARY_DATABASE, 'creatorsync-song-p1']);
    const indexedDB = {
      deleteDatabase(name: string) {
        const request = {} as IDBOpenDBRequest;
        setTimeout(() => {
          databases.delete(name);
          request.onsuccess?.call(request, new Event('success'));
        });
        return request;
      },
    };
    await clearPrivateCaches({ caches: { delete: async (name: string) => caches.delete(name) }, indexedDB });
    expect([...caches]).toEqual(['creatorsync-lyrics-data', 'workbox-precache-v2']);
    expect([...databases]).toEqual(['creatorsync-song-p1']);
  });

  it('does nothing where the browser has no storage', async () => {
    await expect(clearPrivateCaches({ caches: undefined, indexedDB: undefined })).resolves.toBeUndefined();
  });
});
