import type { Pronunciation } from './arpabet.ts';
import { pronounceWord, type WordPronunciation } from './pronounce.ts';
import type { PronunciationIndex } from './pronunciation-index.ts';
import type { Thesaurus } from './thesaurus.ts';

/**
 * Everything the engine knows about English, passed in as data so shared/ stays pure: the caller
 * (Web Worker or API) loads the files and builds this once.
 */
export interface LexiconData {
  /** Pronouncing dictionary; see pronunciation-index.ts. */
  readonly pronunciations: PronunciationIndex;
  /** Spoken-English frequency per word (lower-case), any consistent unit; SUBTLEX counts work. */
  readonly frequencies?: ReadonlyMap<string, number>;
  /** Valence per word in [-5, 5] (AFINN). */
  readonly valence?: ReadonlyMap<string, number>;
  /** Semantic relations used to keep suggestions on theme (WordNet). */
  readonly thesaurus?: Thesaurus;
}

/** Lexicon data plus memoised pronunciation, shared by every analysis of a session. */
export interface Lexicon extends LexiconData {
  /** Pronounces any word (dictionary, derived, or letter-to-sound). */
  pronounce(word: string): WordPronunciation;
  /** Frequency per million words of the lexicon's corpus, 0 when unknown. */
  frequencyPerMillion(word: string): number;
}

/** Wraps lexicon data with a bounded pronunciation cache; songs reuse the same few hundred words. */
export function createLexicon(data: LexiconData): Lexicon {
  const cache = new Map<string, WordPronunciation>();
  let total = 0;
  for (const count of data.frequencies?.values() ?? []) total += count;
  return {
    ...data,
    pronounce(word) {
      const cached = cache.get(word);
      if (cached) return cached;
      const result = pronounceWord(word, data.pronunciations);
      if (cache.size > 50_000) cache.clear();
      cache.set(word, result);
      return result;
    },
    frequencyPerMillion(word) {
      const count = data.frequencies?.get(word) ?? 0;
      return total > 0 ? (count / total) * 1_000_000 : 0;
    },
  };
}

/** The first pronunciation of a word, or an empty one. */
export function mainPronunciation(lexicon: Lexicon, word: string): Pronunciation {
  return lexicon.pronounce(word).pronunciations[0] ?? [];
}
