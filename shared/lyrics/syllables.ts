import { countVowels, isVowel, stressOf, type Pronunciation } from './arpabet.ts';
import { isFunctionWord } from './function-words.ts';
import type { Lexicon } from './lexicon.ts';
import type { PronunciationSource } from './pronounce.ts';
import { tokenizeLine, type Token } from './tokenize.ts';

/** One word of a line with its sound. */
export interface WordSound {
  readonly token: Token;
  /** The pronunciation used for counting (the shortest the dictionary allows: "every" as EV-RY). */
  readonly pronunciation: Pronunciation;
  /** Every pronunciation the lexicon knows, for rhyme matching. */
  readonly pronunciations: readonly Pronunciation[];
  readonly syllables: number;
  /** The count if every optional syllable is sung ("fire" as FI-ER is 2). */
  readonly maxSyllables: number;
  /** One character per syllable: 1 primary stress, 2 secondary, 0 unstressed. */
  readonly stress: string;
  readonly source: PronunciationSource;
}

/** A lyric line's sound: words, syllable count and stress pattern. */
export interface LineSound {
  readonly text: string;
  readonly words: readonly WordSound[];
  readonly syllables: number;
  readonly maxSyllables: number;
  readonly stress: string;
}

/**
 * Analyses a word. The count uses the shortest dictionary pronunciation because singers and
 * rappers elide ("fire" is one syllable in most hooks, "every" two); the longer reading is kept as
 * `maxSyllables` so the UI can show "1–2".
 */
export function analyzeWord(token: Token, lexicon: Lexicon): WordSound {
  const { pronunciations, source } = lexicon.pronounce(token.word);
  let shortest: Pronunciation = pronunciations[0] ?? [];
  let maxSyllables = countVowels(shortest);
  for (const pronunciation of pronunciations) {
    const count = countVowels(pronunciation);
    if (count < countVowels(shortest)) shortest = pronunciation;
    if (count > maxSyllables) maxSyllables = count;
  }
  const syllables = countVowels(shortest);
  return { token, pronunciation: shortest, pronunciations, syllables, maxSyllables, stress: stressPattern(token.word, shortest), source };
}

/**
 * Stress digits for a word in running speech. Dictionary stress is right for words of two or
 * more syllables; a one-syllable word is stressed unless it is a function word ("the", "in", "my"),
 * which delivery nearly always leaves weak.
 */
export function stressPattern(word: string, pronunciation: Pronunciation): string {
  const vowels = pronunciation.filter(isVowel);
  if (vowels.length === 1) return isFunctionWord(word) ? '0' : '1';
  return vowels.map((vowel) => String(stressOf(vowel))).join('');
}

/** Analyses a lyric line. Never throws; a line with no words has zero syllables. */
export function analyzeLine(text: string, lexicon: Lexicon): LineSound {
  const words = tokenizeLine(text).map((token) => analyzeWord(token, lexicon));
  let syllables = 0;
  let maxSyllables = 0;
  let stress = '';
  for (const word of words) {
    syllables += word.syllables;
    maxSyllables += word.maxSyllables;
    stress += word.stress;
  }
  return { text, words, syllables, maxSyllables, stress };
}
