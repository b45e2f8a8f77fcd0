import { LYRICS_DATA_CACHE, LYRICS_DATA_FILES, LYRICS_DATA_PATH } from './lyrics-data-files.ts';
import type { LyricsDataTexts } from './lyrics-engine.ts';

/** What the loader needs from the worker's global scope; tests pass fakes. */
export interface DataSources {
  fetch(url: string): Promise<Response>;
  /** Cache Storage, absent where the browser has none (insecure origins). */
  caches?: CacheStorage | undefined;
  /** navigator.onLine: offline, a cached copy is used without trying the network. */
  online(): boolean;
}

/**
 * Fetches the engine's data from the app's own origin, stale-while-revalidate: a cached copy is used
 * at once and refreshed in the background, so the pad starts offline and still picks up new files.
 * The worker keeps the files itself rather than relying on the service worker, which does not
 * control the page on its very first visit (no clients.claim()): the first visit must already
 * leave the pad ready for offline use.
 */
export async function loadLyricsData(sources: DataSources): Promise<LyricsDataTexts> {
  const cache = sources.caches ? await sources.caches.open(LYRICS_DATA_CACHE) : undefined;
  const read = async (file: string): Promise<string> => {
    const url = LYRICS_DATA_PATH + file;
    const download = () =>
      sources.fetch(url).then(async (response) => {
        if (!response.ok) throw new Error(`${url} answered ${response.status}`);
        await cache?.put(url, response.clone());
        return response;
      });
    const cached = await cache?.match(url);
    if (cached) {
      // Refresh for next time; a failure just keeps the cached copy.
      if (sources.online()) download().catch(() => undefined);
      return cached.text();
    }
    const fresh = download();
    return (await fresh).text();
  };
  const [pronunciations, thesaurus, frequencies] = await Promise.all([read(LYRICS_DATA_FILES.pronunciations), read(LYRICS_DATA_FILES.thesaurus), read(LYRICS_DATA_FILES.frequencies)]);
  return { pronunciations, thesaurus, frequencies };
}
