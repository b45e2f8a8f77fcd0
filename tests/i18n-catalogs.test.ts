import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../shared/i18n/locales.ts';

/**
 * The web app's catalogs (locales/<locale>/app.json) must stay complete and consistent: a missing or
 * empty translation, a renamed placeholder or an id used in web/ but absent from English fails here,
 * before a user sees a raw id.
 */

const root = join(import.meta.dirname, '..');

function readCatalog(locale: string): Record<string, string> {
  return JSON.parse(readFileSync(join(root, 'locales', locale, 'app.json'), 'utf8')) as Record<string, string>;
}

/** Argument names of an ICU message: `{name}`, `{count, plural, ...}`, nested ones included. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  for (const match of message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*(?=[,}])/g)) names.add(match[1] ?? '');
  return [...names].sort();
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

/** Ids written in web/ as `t('id'` (LocaleController/LocaleService) or `messageId('id')`. */
function idsUsedInWeb(): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of sourceFiles(join(root, 'web'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\b(?:t|messageId)\(\s*['"`]([^'"`$]+)['"`]/g)) {
      const id = match[1] ?? '';
      if (!used.has(id)) used.set(id, relative(root, file));
    }
  }
  return used;
}

const english = readCatalog('en');

describe('app catalogs', () => {
  it('finds the placeholders of ICU messages', () => {
    expect(placeholders('Hi {name}, {count, plural, one {# beat} other {# beats}} by {artist}')).toEqual(['artist', 'count', 'name']);
    expect(placeholders('No placeholders # here')).toEqual([]);
  });

  it('has English messages, none empty', () => {
    expect(Object.keys(english).length).toBeGreaterThan(0);
    for (const [id, message] of Object.entries(english)) expect(message.trim(), id).not.toBe('');
  });

  for (const locale of SUPPORTED_LOCALES.filter((l) => l !== 'en')) {
    describe(locale, () => {
      const catalog = readCatalog(locale);

      it('has exactly the ids of English', () => {
        expect(Object.keys(catalog).sort()).toEqual(Object.keys(english).sort());
      });

      it('has no empty messages', () => {
        for (const [id, message] of Object.entries(catalog)) expect(message.trim(), `${locale} ${id}`).not.toBe('');
      });

      it('uses the same placeholders as English', () => {
        for (const [id, message] of Object.entries(english)) {
          expect(placeholders(catalog[id] ?? ''), `${locale} ${id}`).toEqual(placeholders(message));
        }
      });
    });
  }

  it('defines every id the web app uses', () => {
    const missing = [...idsUsedInWeb()].filter(([id]) => !(id in english)).map(([id, file]) => `${id} (${file})`);
    expect(missing).toEqual([]);
  });

  it('has no English ids that the web app no longer uses', () => {
    const used = idsUsedInWeb();
    expect(Object.keys(english).filter((id) => !used.has(id))).toEqual([]);
  });
});
