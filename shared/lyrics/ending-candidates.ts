import { isFunctionWord } from './function-words.ts';
import type { Lexicon } from './lexicon.ts';
import { compareWordRuns } from './line-rhyme.ts';
import { WordClass } from './part-of-speech.ts';
import { RhymeType, rhymePart } from './rhyme.ts';
import { round } from './statistics.ts';
import { multisyllabicEndings } from './multisyllabic-endings.ts';
import { topByValue, type SuggestionContext } from './suggestion-context.ts';
import { analyzeLine, analyzeWord, type WordSound } from './syllables.ts';
import { CLOSED_CLASSES, CORE_WORDS } from './line-frames.ts';
import { isProfane } from './vocabulary.ts';

/** A proposed line ending and why it ranks where it does. */
export interface EndingSuggestion {
  readonly ending: string;
  readonly syllables: number;
  readonly rhyme?: { readonly type: RhymeType; readonly strength: number };
  readonly theme: number;
  readonly own: boolean;
  readonly score: number;
}

/** Endings must rhyme at least this strongly with the target line (slant and up). */
export const MINIMUM_RHYME = 0.6;
const ACCEPTED_RHYMES: ReadonlySet<RhymeType> = new Set([RhymeType.perfect, RhymeType.multisyllabic, RhymeType.slant]);

/** Per-lexicon list of common, pronounceable words: built once, reused across calls (a cache, not state). */
const commonWordsCache = new WeakMap<Lexicon, readonly string[]>();

export function commonWords(lexicon: Lexicon): readonly string[] {
  const cached = commonWordsCache.get(lexicon);
  if (cached) return cached;
  const words: string[] = [];
  for (const word of lexicon.frequencies?.keys() ?? []) {
    if (/^[a-z]{2,}$/.test(word) && lexicon.frequencyPerMillion(word) >= 2 && lexicon.pronunciations.has(word)) words.push(word);
  }
  words.sort();
  commonWordsCache.set(lexicon, words);
  return words;
}

/** An ending with the sounds and word classes the line builder needs. */
export interface RankedEnding extends EndingSuggestion {
  readonly sound: readonly WordSound[];
  readonly classes: ReadonlySet<WordClass | 'phrase-noun' | 'phrase-verb'>;
}

/**
 * Ranks candidate endings: words from the writer, the theme and (when a rhyme is needed) everyday
 * English, plus the writer's favourite phrases. A rhyme target admits only perfect, slant and
 * multisyllabic rhymes; the score then weighs rhyme strength, theme, the writer's use and
 * commonness, so "light" beats "anchorite".
 */
export function rankEndings(context: SuggestionContext): RankedEnding[] {
  const { lexicon, target } = context;
  // Without a rhyme to find, the whole dictionary is noise: draw endings from the writer and the theme.
  const candidates = new Set<string>([...context.own.keys(), ...topByValue(context.theme, 400), ...(target ? commonWords(lexicon) : [])]);
  for (const word of CORE_WORDS.noun) candidates.add(word);
  const targetLast = target?.words.at(-1);
  const targetVowels = new Set<string>();
  if (targetLast) {
    for (const pronunciation of targetLast.pronunciations) {
      const part = rhymePart(pronunciation);
      if (part[0]) targetVowels.add(part[0].slice(0, 2));
      const last = [...pronunciation].reverse().find((phoneme) => /\d$/.test(phoneme));
      if (last) targetVowels.add(last.slice(0, 2));
    }
  }
  const ranked: RankedEnding[] = [];
  const consider = (ending: string, sound: readonly WordSound[], classes: RankedEnding['classes'], phrase: boolean) => {
    let rhyme: EndingSuggestion['rhyme'];
    if (target) {
      const result = compareWordRuns(target.words, sound);
      if (!ACCEPTED_RHYMES.has(result.type) || result.strength < MINIMUM_RHYME) return;
      rhyme = { type: result.type, strength: result.strength };
    }
    const last = sound.at(-1)?.token.word ?? ending;
    const theme = context.theme.get(last) ?? 0;
    const ownCount = context.own.get(last) ?? 0;
    // The writer's own words count as common: they are common for this writer.
    const commonness = Math.max(ownCount > 0 ? 0.7 : 0, Math.min(1, Math.log10(1 + lexicon.frequencyPerMillion(last)) / 2));
    // Rare words ("swain", "flocculent") rhyme on paper but stop a listener; keep the writer's own.
    if (!phrase && ownCount === 0 && lexicon.frequencies && commonness < 0.3) return;
    const syllables = sound.reduce((total, word) => total + word.syllables, 0);
    const score =
      1.5 * (rhyme?.strength ?? 0.5) + 1.0 * theme + 1.5 * Math.min(1, Math.log2(1 + ownCount) / 3) + 1.0 * commonness +
      (rhyme?.type === RhymeType.multisyllabic ? 0.3 : 0) + (phrase ? 0.4 : 0);
    ranked.push({ ending, syllables, ...(rhyme ? { rhyme } : {}), theme: round(theme), own: ownCount > 0 || phrase, score: round(score), sound, classes });
  };
  for (const word of candidates) {
    if (isFunctionWord(word) || context.stanzaEndWords.has(word) || sameStem(word, context.target?.text)) continue;
    if (word.length < 3 && !context.own.has(word)) continue; // two-letter dictionary entries are mostly abbreviations
    if (!context.allowProfanity && isProfane(word)) continue;
    const sound = analyzeWord({ text: word, word, start: 0 }, lexicon);
    if (sound.syllables === 0) continue;
    if (targetVowels.size > 0 && !sound.pronunciations.some((pronunciation) => sharesVowel(pronunciation, targetVowels))) continue;
    const classes = context.classes.classesOf(word);
    if (classes.size === 0) continue;
    consider(word, [sound], classes, false);
  }
  for (const phrase of context.ownPhrases) {
    const line = analyzeLine(phrase, lexicon);
    const first = line.words[0]?.token.word ?? '';
    const last = line.words.at(-1)?.token.word ?? '';
    if (line.words.length < 2 || isFunctionWord(last) || last === context.target?.text || context.stanzaEndWords.has(last)) continue;
    const kind = CLOSED_CLASSES.D?.includes(first) || CLOSED_CLASSES.P?.includes(first) ? 'phrase-noun' : context.classes.classesOf(first).has(WordClass.verb) ? 'phrase-verb' : undefined;
    if (kind) consider(phrase, line.words, new Set([kind]), true);
  }
  ranked.push(...multisyllabicEndings(context, ranked));
  return ranked.sort((a, b) => b.score - a.score || (a.ending < b.ending ? -1 : 1));
}

/** "orange"/"oranges", "night"/"nightly": a shared stem is repetition, not rhyme. */
function sameStem(word: string, target: string | undefined): boolean {
  if (!target) return false;
  const shorter = word.length < target.length ? word : target;
  const longer = shorter === word ? target : word;
  return shorter.length >= 3 && longer.startsWith(shorter);
}

function sharesVowel(pronunciation: readonly string[], vowels: ReadonlySet<string>): boolean {
  const part = rhymePart(pronunciation);
  return pronunciation.some((phoneme) => /\d$/.test(phoneme) && vowels.has(phoneme.slice(0, 2))) && part.length > 0;
}

