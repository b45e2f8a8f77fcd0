import { countVowels, type Pronunciation } from '../../shared/lyrics/arpabet.ts';
import type { Lexicon } from '../../shared/lyrics/lexicon.ts';
import { letterToSound } from '../../shared/lyrics/letter-to-sound.ts';
import { compareWords, rhymeKey, RhymeType } from '../../shared/lyrics/rhyme.ts';
import { DEFAULT_SCHEME_STRENGTH } from '../../shared/lyrics/rhyme-scheme.ts';

/**
 * Held-out words: every `step`-th of the `limit` most frequent SUBTLEX words that CMUdict knows
 * (letters only), so the sample is deterministic and spread across the frequency range.
 */
export function selectHeldOut(frequentWords: readonly string[], limit: number, step: number): { heldOut: string[]; kept: string[] } {
  const heldOut: string[] = [];
  const kept: string[] = [];
  frequentWords.slice(0, limit).forEach((word, index) => (index % step === step - 1 ? heldOut : kept).push(word));
  return { heldOut, kept };
}

/** The engine's scheme verdict for two words: slant or stronger, over every pronunciation pair. */
export function engineRhymes(a: readonly Pronunciation[], b: readonly Pronunciation[]): boolean {
  for (const x of a) {
    for (const y of b) {
      const rhyme = compareWords(x, y);
      if (rhyme.type === RhymeType.identical || rhyme.strength >= DEFAULT_SCHEME_STRENGTH) return true;
    }
  }
  return false;
}

/** The count the engine would use: the shortest of the word's pronunciations, as syllables.ts does. */
export const shortestSyllableCount = (pronunciations: readonly Pronunciation[]) =>
  pronunciations.length === 0 ? 0 : Math.min(...pronunciations.map(countVowels));

export interface HeldOutWordResult {
  readonly word: string;
  readonly source: string;
  readonly engineSyllables: number;
  readonly rulesSyllables: number;
  readonly dictionarySyllables: readonly number[];
}

export interface RhymePairResult {
  readonly word: string;
  readonly partner: string;
  /** `rhyming` (same dictionary rhyme key) or `same-spelling` (same last three letters). */
  readonly kind: 'rhyming' | 'same-spelling';
  readonly source: string;
  readonly dictionaryVerdict: boolean;
  readonly engineVerdict: boolean;
}

/**
 * Compares, for each held-out word, what the engine makes of it without its dictionary entry
 * (`lexicon` must be built without the held-out words) against the dictionary itself: syllable
 * count, and the rhyme verdict against two partners from the kept vocabulary — the most frequent
 * word with the same rhyme key (a pair that should rhyme) and the most frequent word ending in the
 * same three letters (spelling traps like "bomb" / "tomb", rhyming or not).
 */
export function evaluateHeldOut(
  heldOut: readonly string[],
  kept: readonly string[],
  dictionary: (word: string) => readonly Pronunciation[] | undefined,
  lexicon: Lexicon,
): { words: HeldOutWordResult[]; pairs: RhymePairResult[] } {
  const byKey = new Map<string, string>();
  const bySpelling = new Map<string, string>();
  for (const word of kept) {
    if (word.length < 3) continue; // "a", "s": partners should be words a lyric would end on
    for (const pronunciation of dictionary(word) ?? []) {
      const key = rhymeKey(pronunciation);
      if (!byKey.has(key)) byKey.set(key, word);
    }
    if (word.length >= 4 && !bySpelling.has(word.slice(-3))) bySpelling.set(word.slice(-3), word);
  }
  const words: HeldOutWordResult[] = [];
  const pairs: RhymePairResult[] = [];
  for (const word of heldOut) {
    const truth = dictionary(word) ?? [];
    const engine = lexicon.pronounce(word);
    words.push({
      word,
      source: engine.source,
      engineSyllables: shortestSyllableCount(engine.pronunciations),
      rulesSyllables: countVowels(letterToSound(word)),
      dictionarySyllables: truth.map(countVowels),
    });
    const first = truth[0];
    const partners: [RhymePairResult['kind'], string | undefined][] = [
      ['rhyming', first ? byKey.get(rhymeKey(first)) : undefined],
      ['same-spelling', word.length >= 4 ? bySpelling.get(word.slice(-3)) : undefined],
    ];
    for (const [kind, partner] of partners) {
      if (!partner || partner === word) continue;
      const partnerPronunciations = dictionary(partner) ?? [];
      pairs.push({
        word,
        partner,
        kind,
        source: engine.source,
        dictionaryVerdict: engineRhymes(truth, partnerPronunciations),
        engineVerdict: engineRhymes(engine.pronunciations, partnerPronunciations),
      });
    }
  }
  return { words, pairs };
}
