import { isFunctionWord } from './function-words.ts';
import type { Lexicon } from './lexicon.ts';
import { round } from './statistics.ts';
import { PROFANITY_STEMS, PROFANITY_WORDS, SLANG_WORDS } from './word-lists.ts';

export interface SignatureWord {
  readonly word: string;
  readonly count: number;
  /** How much more this writer uses the word than everyday speech (log2 ratio weighted by count). */
  readonly score: number;
}

export interface Phrase {
  readonly phrase: string;
  readonly count: number;
}

export interface Vocabulary {
  readonly totalWords: number;
  readonly distinctWords: number;
  /** Distinct / total; falls with length, so compare songs with `movingTypeTokenRatio`. */
  readonly typeTokenRatio: number;
  /** Mean type-token ratio over a sliding window of 50 words (MATTR): length-independent diversity. */
  readonly movingTypeTokenRatio: number;
  /** Share of distinct words used exactly once. */
  readonly hapaxShare: number;
  readonly signatureWords: readonly SignatureWord[];
  readonly favouritePhrases: readonly Phrase[];
  readonly profanityShare: number;
  readonly slangShare: number;
}

const WINDOW = 50;

/** True for profanity by stem or whole word. */
export function isProfane(word: string): boolean {
  return PROFANITY_WORDS.has(word) || PROFANITY_STEMS.some((stem) => word.startsWith(stem));
}

/**
 * True for slang or vernacular spellings: a known slang word, a dropped g ("drippin'"), or a word
 * that the pronouncing dictionary does not know at all (made-up or street spellings).
 */
export function isSlang(word: string, lexicon: Lexicon): boolean {
  if (SLANG_WORDS.has(word) || SLANG_WORDS.has(word.replace(/'$/, ''))) return true;
  if (/in'$/.test(word)) return true;
  if (/^\d/.test(word)) return false;
  return lexicon.pronounce(word).source !== 'dictionary';
}

/**
 * Vocabulary statistics for a list of lower-case words (in order) and the lines they came from.
 * Signature words compare the writer's rate per million with the lexicon's spoken-English
 * frequency; favourite phrases are 2–4-word n-grams used at least twice that carry at least one
 * content word, keeping only the longest form of a phrase that repeats as often as its parts.
 */
export function analyzeVocabulary(lines: readonly (readonly string[])[], lexicon: Lexicon, limit = 10): Vocabulary {
  const words = lines.flat();
  const total = words.length;
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);

  let windowTotal = 0;
  let windows = 0;
  if (total > 0 && total <= WINDOW) {
    windowTotal = counts.size / total;
    windows = 1;
  } else {
    const inWindow = new Map<string, number>();
    for (let index = 0; index < total; index += 1) {
      const word = words[index] as string;
      inWindow.set(word, (inWindow.get(word) ?? 0) + 1);
      if (index >= WINDOW) {
        const leaving = words[index - WINDOW] as string;
        const left = (inWindow.get(leaving) ?? 1) - 1;
        if (left === 0) inWindow.delete(leaving);
        else inWindow.set(leaving, left);
      }
      if (index >= WINDOW - 1) {
        windowTotal += inWindow.size / WINDOW;
        windows += 1;
      }
    }
  }

  const signatureWords: SignatureWord[] = [];
  for (const [word, count] of counts) {
    if (isFunctionWord(word) || word.length < 3 || /^\d/.test(word)) continue;
    const writerRate = (count / total) * 1_000_000;
    const ratio = Math.log2((writerRate + 1) / (lexicon.frequencyPerMillion(word) + 1));
    // Count weighting keeps a single rare word from outranking a word the writer leans on.
    const score = ratio * Math.log2(1 + count);
    if (score > 0) signatureWords.push({ word, count, score: round(score, 2) });
  }
  signatureWords.sort((a, b) => b.score - a.score || a.word.localeCompare(b.word));

  let profane = 0;
  let slang = 0;
  for (const word of words) {
    if (isProfane(word)) profane += 1;
    if (isSlang(word, lexicon)) slang += 1;
  }
  return {
    totalWords: total,
    distinctWords: counts.size,
    typeTokenRatio: total ? round(counts.size / total) : 0,
    movingTypeTokenRatio: windows ? round(windowTotal / windows) : 0,
    hapaxShare: counts.size ? round([...counts.values()].filter((count) => count === 1).length / counts.size) : 0,
    signatureWords: signatureWords.slice(0, limit),
    favouritePhrases: favouritePhrases(lines).slice(0, limit),
    profanityShare: total ? round(profane / total) : 0,
    slangShare: total ? round(slang / total) : 0,
  };
}

/**
 * 2–4-word phrases used in at least two different lines, longest forms first among equals. Each
 * distinct line counts once, so a chorus sung four times or a line that repeats itself ("we up all
 * night, we up all night") does not pass its rotations off as favourite phrases.
 */
export function favouritePhrases(lines: readonly (readonly string[])[]): Phrase[] {
  const counts = new Map<string, number>();
  const seenLines = new Set<string>();
  for (const line of lines) {
    const key = line.join(' ');
    if (seenLines.has(key)) continue;
    seenLines.add(key);
    const inLine = new Set<string>();
    for (let size = 2; size <= 4; size += 1) {
      for (let start = 0; start + size <= line.length; start += 1) {
        const gram = line.slice(start, start + size);
        if (gram.every(isFunctionWord)) continue;
        inLine.add(gram.join(' '));
      }
    }
    for (const phrase of inLine) counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
  }
  const repeated = [...counts].filter(([, count]) => count >= 2);
  // Drop a phrase when a longer repeated phrase containing it occurs just as often.
  const kept = repeated.filter(([phrase, count]) => !repeated.some(([other, otherCount]) => other !== phrase && otherCount === count && ` ${other} `.includes(` ${phrase} `)));
  return kept
    .map(([phrase, count]) => ({ phrase, count }))
    .sort((a, b) => b.count - a.count || b.phrase.split(' ').length - a.phrase.split(' ').length || a.phrase.localeCompare(b.phrase));
}
