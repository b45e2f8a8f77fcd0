import { setupI18n } from '@lingui/core';
import { describe, expect, it } from 'vitest';
import { LOCALE_STORAGE_KEY, LocaleService, pickInitialLocale, type CatalogLoaders } from './locale-service.ts';

// Compiled catalogs are arrays of parts (see locales/<locale>/messages.ts), e.g. ["Hola ", ["name"]].
const loaders: CatalogLoaders = {
  en: async () => ({ greet: ['Hello ', ['name']] }),
  es: async () => ({ greet: ['Hola ', ['name']] }),
  fr: async () => ({ greet: ['Bonjour ', ['name']] }),
  'pt-BR': async () => ({ greet: ['Olá ', ['name']] }),
};

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value), values };
}

describe('pickInitialLocale', () => {
  it('prefers the stored choice, then negotiates navigator.languages', () => {
    expect(pickInitialLocale('fr', ['es-MX'])).toBe('fr');
    expect(pickInitialLocale(null, ['es-MX', 'en'])).toBe('es');
    expect(pickInitialLocale('klingon', ['pt-PT'])).toBe('pt-BR');
    expect(pickInitialLocale(null, ['de-DE'])).toBe('en');
  });
});

describe('LocaleService', () => {
  it('activates a catalog, sets <html lang>, remembers the choice and fires change', async () => {
    const storage = memoryStorage();
    const root = { lang: 'en' };
    const service = new LocaleService({ i18n: setupI18n(), loaders, storage, root });
    let changes = 0;
    service.addEventListener('change', () => changes++);
    await service.activate('es', { remember: true });
    expect(service.t('greet', { name: 'Ada' })).toBe('Hola Ada');
    expect(root.lang).toBe('es');
    expect(storage.values.get(LOCALE_STORAGE_KEY)).toBe('es');
    expect(service.storedLocale()).toBe('es');
    expect(changes).toBe(1);
  });

  it('formats dates and numbers for the active locale', async () => {
    const service = new LocaleService({ i18n: setupI18n(), loaders, storage: null, root: null });
    await service.activate('fr');
    expect(service.formatNumber(1234.5)).toBe(new Intl.NumberFormat('fr').format(1234.5));
    expect(service.formatDate('2026-03-01T12:00:00Z', { dateStyle: 'long', timeZone: 'UTC' })).toBe('1 mars 2026');
    expect(service.languageName('es')).toBe('Español');
    expect(service.languageName('pt-BR')).toBe('Português (Brasil)');
  });

  it('survives storage that throws', async () => {
    const throwing = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    const service = new LocaleService({ i18n: setupI18n(), loaders, storage: throwing, root: null });
    expect(service.storedLocale()).toBeNull();
    await service.activate('fr', { remember: true });
    expect(service.locale).toBe('fr');
  });
});

describe('LocaleService catalog parts', () => {
  it('loads a part with the page that asks for it, and again for a language activated later', async () => {
    let partLoads = 0;
    const service = new LocaleService({
      i18n: setupI18n(),
      loaders,
      parts: {
        shop: {
          en: async () => {
            partLoads++;
            return { 'shop.title': ['Shop'] };
          },
        },
      },
      storage: null,
      root: null,
    });
    await service.activate('es');
    await service.loadPart('shop');
    // Spanish has no separate part: its whole catalog is already loaded.
    expect(partLoads).toBe(0);
    await service.activate('en');
    expect(service.t('shop.title')).toBe('Shop');
    expect(service.t('greet', { name: 'Ada' })).toBe('Hello Ada');
    await service.loadPart('shop');
    expect(partLoads).toBe(1);
  });
});
