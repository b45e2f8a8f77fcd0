import { setupI18n, type I18n, type Messages } from '@lingui/core';
import { messages as en } from '../../locales/en/messages.ts';
import { messages as es } from '../../locales/es/messages.ts';
import { messages as fr } from '../../locales/fr/messages.ts';
import { messages as ptBR } from '../../locales/pt-BR/messages.ts';
import { DEFAULT_LOCALE, matchLocale, parseAcceptLanguage, type SupportedLocale } from '../../shared/i18n/locales.ts';

const CATALOGS: Record<SupportedLocale, Messages> = { en, es, fr, 'pt-BR': ptBR };

/** One Lingui instance per locale, built once: the server answers in many languages at the same time. */
const instances = new Map<SupportedLocale, I18n>();

function i18nFor(locale: SupportedLocale): I18n {
  let i18n = instances.get(locale);
  if (!i18n) {
    i18n = setupI18n({ locale, messages: { [locale]: CATALOGS[locale] } });
    instances.set(locale, i18n);
  }
  return i18n;
}

export function localeFromHeader(acceptLanguage: string | null | undefined): SupportedLocale {
  return matchLocale(parseAcceptLanguage(acceptLanguage));
}

/** Translates a catalog id, falling back to English and then to the id itself (never throws). */
export function translate(locale: SupportedLocale, id: string, values: Record<string, unknown> = {}): string {
  const text = i18nFor(locale)._(id, values);
  if (text !== id || locale === DEFAULT_LOCALE) return text;
  return i18nFor(DEFAULT_LOCALE)._(id, values);
}
