import { messages as english } from '../../locales/en/messages.ts?part=core';
import type { CatalogPartLoaders, CatalogLoaders } from './locale-service.ts';

/**
 * Compiled catalogs (app.json + errors.json, merged by `npm run i18n:compile`). English is the
 * fallback and is bundled, except the strings of lazily loaded areas (web/build/catalog-parts.ts);
 * the other languages are separate chunks, fetched when chosen and precached by the service worker
 * so switching works offline.
 */
export const catalogLoaders: CatalogLoaders = {
  en: async () => english,
  es: async () => (await import('../../locales/es/messages.ts')).messages,
  fr: async () => (await import('../../locales/fr/messages.ts')).messages,
  'pt-BR': async () => (await import('../../locales/pt-BR/messages.ts')).messages,
};

/** The English strings of lazily loaded areas (other languages' catalogs are whole). */
export const catalogPartLoaders: CatalogPartLoaders = {
  marketplace: { en: async () => (await import('../../locales/en/messages.ts?part=marketplace')).messages },
  recovery: { en: async () => (await import('../../locales/en/messages.ts?part=recovery')).messages },
  studio: { en: async () => (await import('../../locales/en/messages.ts?part=studio')).messages },
};
