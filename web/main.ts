/**
 * Entry point: builds the services (the only place that touches window, fetch and storage), waits for
 * the UI language, then mounts <cs-app>. Everything below receives its services through @lit/context.
 */
// First: configures zod before any schema is constructed (see the file).
import './app/zod-config.ts';
import { setupI18n } from '@lingui/core';
import { ApiClient } from './api/api-client.ts';
import { AuthApi } from './api/auth-api.ts';
import { AppUpdates } from './app/app-updates.ts';
import { catalogLoaders, catalogPartLoaders } from './app/catalog-loaders.ts';
import { Connectivity } from './app/connectivity.ts';
import './app/cs-app.ts';
import { LocaleService, pickInitialLocale } from './app/locale-service.ts';
import { followProfileLocale } from './app/locale-sync.ts';
import { createDexieProfileCache } from './features/auth/dexie-profile-cache.ts';
import { SessionService } from './features/auth/session-service.ts';

function reportError(error: unknown): void {
  console.error(error);
}

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Blocked storage (some privacy settings) throws on access: run without remembering.
    return null;
  }
}

async function start(): Promise<void> {
  const locale = new LocaleService({
    i18n: setupI18n(),
    loaders: catalogLoaders,
    parts: catalogPartLoaders,
    storage: safeLocalStorage(),
    root: document.documentElement,
  });
  await locale.activate(pickInitialLocale(locale.storedLocale(), navigator.languages));

  const client = new ApiClient({ fetch: window.fetch.bind(window), getLocale: () => locale.locale });
  const session = new SessionService({ api: new AuthApi(client), cache: createDexieProfileCache(), reportError });
  const connectivity = new Connectivity(window);
  const updates = new AppUpdates({
    scriptUrl: '/sw.js',
    enabled: import.meta.env.PROD,
    container: navigator.serviceWorker,
    reload: () => window.location.reload(),
    reportError,
  });

  followProfileLocale({ locale, session }, reportError);
  // Back online after a start-up that could not reach the server (a cached profile, or none): ask again.
  connectivity.addEventListener('change', () => {
    if (connectivity.online && session.needsRestore) void session.restore();
  });

  const app = document.createElement('cs-app');
  app.services = { locale, session, connectivity, updates, api: client };
  document.getElementById('splash')?.remove();
  document.body.append(app);

  await session.restore();
  await updates.register();
}

start().catch((error: unknown) => {
  reportError(new Error('CreatorSync failed to start', { cause: error }));
});
