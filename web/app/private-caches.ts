/**
 * Cache Storage caches holding one account's private files (licensed full-quality audio). Sign-out
 * deletes them, so the next person on a shared device cannot play what they did not buy.
 */
export const LICENSED_AUDIO_CACHE = 'creatorsync-licensed-audio-v1';

const PRIVATE_CACHES = [LICENSED_AUDIO_CACHE];

export async function clearPrivateCaches(storage: Pick<CacheStorage, 'delete'> | undefined = globalThis.caches): Promise<void> {
  if (!storage) return;
  await Promise.all(PRIVATE_CACHES.map((name) => storage.delete(name)));
}
