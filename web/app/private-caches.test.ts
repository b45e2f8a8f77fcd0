import { describe, expect, it } from 'vitest';
import { clearPrivateCaches, LICENSED_AUDIO_CACHE } from './private-caches.ts';

describe('clearPrivateCaches', () => {
  it('deletes the licensed-audio cache and leaves the others alone', async () => {
    const names = new Set([LICENSED_AUDIO_CACHE, 'creatorsync-lyrics-data', 'workbox-precache-v2']);
    await clearPrivateCaches({ delete: async (name: string) => names.delete(name) });
    expect([...names]).toEqual(['creatorsync-lyrics-data', 'workbox-precache-v2']);
  });

  it('does nothing where Cache Storage is missing', async () => {
    await expect(clearPrivateCaches(undefined)).resolves.toBeUndefined();
  });
});
