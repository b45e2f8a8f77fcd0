/**
 * CreatorSync service worker (built by vite-plugin-pwa, injectManifest strategy, to /sw.js).
 * Precaches the app shell and serves index.html for navigations, so the installed app opens offline.
 * It deliberately does not touch /api/*: account responses must never be served from a cache.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { isSkipWaitingMessage, NAVIGATION_DENYLIST } from './routing-rules.ts';

// The project's tsconfig compiles web/ and sw/ together with the DOM library; the WebWorker library
// cannot be added beside it, so the few worker APIs used here are typed locally.
interface WorkerScope {
  __WB_MANIFEST: Parameters<typeof precacheAndRoute>[0];
  skipWaiting(): Promise<void>;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
declare const self: WorkerScope;

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

// Client-side routes (/profile, /settings, ...) all boot from the same shell.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: NAVIGATION_DENYLIST }));

// workbox-window's messageSkipWaiting(), sent when the user accepts the update toast.
self.addEventListener('message', (event) => {
  if (isSkipWaitingMessage(event.data)) void self.skipWaiting();
});
