/**
 * The lyrics pad's Web Worker: loads the engine's data (web/features/lyrics/lyrics-data-loader.ts),
 * then answers analyse / suggest / rhyme requests (lyrics-engine.ts) off the main thread, so typing
 * never waits for the engine. Posts `ready` (with the load time) or `load-failed` once.
 */
import { loadLyricsData } from '../features/lyrics/lyrics-data-loader.ts';
import { createLyricsEngine, lexiconFromTexts } from '../features/lyrics/lyrics-engine.ts';
import { isLyricsRequest, LoadFailure, LYRICS_PROTOCOL_VERSION, type LyricsRequest, type LyricsResponse } from '../features/lyrics/lyrics-protocol.ts';

// The project's tsconfig compiles web/ with the DOM library only; the worker APIs used are typed here.
interface WorkerScope {
  postMessage(message: LyricsResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  fetch(url: string): Promise<Response>;
  caches?: CacheStorage;
  navigator: { onLine: boolean };
}
declare const self: WorkerScope;

const started = performance.now();
const queue: LyricsRequest[] = [];
let answer: ((request: LyricsRequest) => LyricsResponse) | null = null;

self.addEventListener('message', (event) => {
  if (!isLyricsRequest(event.data)) return;
  if (answer) self.postMessage(answer(event.data));
  else queue.push(event.data);
});

void (async () => {
  let texts;
  try {
    texts = await loadLyricsData({ fetch: (url) => self.fetch(url), caches: self.caches, online: () => self.navigator.onLine });
  } catch (error) {
    self.postMessage({ type: 'load-failed', reason: LoadFailure.network, message: error instanceof Error ? error.message : String(error) });
    return;
  }
  try {
    answer = createLyricsEngine(lexiconFromTexts(texts));
  } catch (error) {
    self.postMessage({ type: 'load-failed', reason: LoadFailure.format, message: error instanceof Error ? error.message : String(error) });
    return;
  }
  self.postMessage({ type: 'ready', version: LYRICS_PROTOCOL_VERSION, loadMs: Math.round(performance.now() - started) });
  for (const request of queue.splice(0)) self.postMessage(answer(request));
})();
