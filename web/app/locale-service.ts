import type { I18n, Messages } from '@lingui/core';
import { isSupportedLocale, matchLocale, type SupportedLocale } from '../../shared/i18n/locales.ts';

export const LOCALE_STORAGE_KEY = 'cs.locale';

export type CatalogLoaders = Record<SupportedLocale, () => Promise<Messages>>;

/**
 * Catalog parts loaded with the pages that need them: per part, the locales whose main catalog
 * leaves those strings out (English; see web/build/catalog-parts.ts).
 */
export type CatalogPartLoaders = Record<string, Partial<Record<SupportedLocale, () => Promise<Messages>>>>;

export interface LocaleServiceOptions {
  i18n: I18n;
  loaders: CatalogLoaders;
  /** Parts of catalogs loaded on demand (`loadPart`); none by default. */
  parts?: CatalogPartLoaders;
  /** localStorage, or null where storage is blocked. */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** Receives `lang` on every switch (the <html> element in the browser). */
  root: { lang: string } | null;
}

/** The stored choice wins; otherwise the browser's language list is negotiated against ours. */
export function pickInitialLocale(stored: string | null, preferred: readonly string[]): SupportedLocale {
  return isSupportedLocale(stored) ? stored : matchLocale(preferred);
}

/**
 * The UI language: loads compiled catalogs on demand (English ships in the main bundle), activates them
 * in the Lingui instance, remembers the choice and sets <html lang>. Fires `change` after each switch.
 */
export class LocaleService extends EventTarget {
  readonly #i18n: I18n;
  readonly #loaders: CatalogLoaders;
  readonly #storage: LocaleServiceOptions['storage'];
  readonly #root: LocaleServiceOptions['root'];
  readonly #loaded = new Set<SupportedLocale>();
  readonly #parts: CatalogPartLoaders;
  /** Parts some page asked for: loaded for every locale activated afterwards too. */
  readonly #wantedParts = new Set<string>();
  /** `<locale>:<part>` already merged into that locale's messages. */
  readonly #loadedParts = new Set<string>();
  #locale: SupportedLocale = 'en';
  #dateFormats = new Map<string, Intl.DateTimeFormat>();

  constructor(options: LocaleServiceOptions) {
    super();
    this.#i18n = options.i18n;
    this.#loaders = options.loaders;
    this.#parts = options.parts ?? {};
    this.#storage = options.storage;
    this.#root = options.root;
  }

  get locale(): SupportedLocale {
    return this.#locale;
  }

  /** The locale the user chose before on this device, if any. */
  storedLocale(): string | null {
    try {
      return this.#storage?.getItem(LOCALE_STORAGE_KEY) ?? null;
    } catch {
      // Storage access can throw (blocked cookies, sandboxed frames); no stored choice is the honest answer.
      return null;
    }
  }

  /** Translates a catalog id. Placeholder values are formatted by the caller (see formatDate). */
  t(id: string, values?: Record<string, unknown>): string {
    return this.#i18n._(id, values);
  }

  formatDate(value: Date | string, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
    const key = `${this.#locale}|${JSON.stringify(options)}`;
    let format = this.#dateFormats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(this.#locale, options);
      this.#dateFormats.set(key, format);
    }
    return format.format(typeof value === 'string' ? new Date(value) : value);
  }

  formatNumber(value: number): string {
    return new Intl.NumberFormat(this.#locale).format(value);
  }

  /** "A, B and C" in the current language. */
  formatList(values: readonly string[]): string {
    return new Intl.ListFormat(this.#locale, { type: 'conjunction' }).format(values);
  }

  /** The name of a language in that language ("Español"), for the language switcher. */
  languageName(locale: SupportedLocale): string {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  }

  /** Makes sure a catalog part is loaded for the current language (and for later switches). */
  async loadPart(part: string): Promise<void> {
    this.#wantedParts.add(part);
    if (await this.#loadPartFor(this.#locale, part)) this.dispatchEvent(new Event('change'));
  }

  /** Merges a part into a locale's messages; true when something was added. */
  async #loadPartFor(locale: SupportedLocale, part: string): Promise<boolean> {
    const key = `${locale}:${part}`;
    const loader = this.#parts[part]?.[locale];
    if (!loader || this.#loadedParts.has(key)) return false;
    this.#i18n.load(locale, await loader());
    this.#loadedParts.add(key);
    return true;
  }

  async activate(locale: SupportedLocale, options: { remember?: boolean } = {}): Promise<void> {
    if (!this.#loaded.has(locale)) {
      this.#i18n.load(locale, await this.#loaders[locale]());
      this.#loaded.add(locale);
    }
    await Promise.all([...this.#wantedParts].map((part) => this.#loadPartFor(locale, part)));
    this.#i18n.activate(locale);
    this.#locale = locale;
    if (this.#root) this.#root.lang = locale;
    if (options.remember) {
      try {
        this.#storage?.setItem(LOCALE_STORAGE_KEY, locale);
      } catch (error) {
        // The switch still works for this visit; only remembering it failed.
        console.warn('Could not remember the language choice', error);
      }
    }
    this.dispatchEvent(new Event('change'));
  }
}
