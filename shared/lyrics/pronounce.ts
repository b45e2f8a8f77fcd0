import { countVowels, isVowel, type Phoneme, type Pronunciation } from './arpabet.ts';
import { letterToSound } from './letter-to-sound.ts';
import type { PronunciationIndex } from './pronunciation-index.ts';

/** Where a pronunciation came from, so the UI can mark guesses and tests can check coverage. */
export const PronunciationSource = { dictionary: 'dictionary', derived: 'derived', rules: 'rules', none: 'none' } as const;
export type PronunciationSource = (typeof PronunciationSource)[keyof typeof PronunciationSource];

export interface WordPronunciation {
  readonly word: string;
  /** At least one pronunciation unless the word has no letters. First is the usual one. */
  readonly pronunciations: readonly Pronunciation[];
  readonly source: PronunciationSource;
}

/** Suffixes we can peel off to find a dictionary stem, with the sound to add back. */
const SUFFIXES: readonly { spelling: string; sound: (stem: Pronunciation) => Phoneme[]; restore?: string[]; afterE?: boolean }[] = [
  { spelling: "'s", sound: (stem) => plural(stem) },
  { spelling: 's', sound: (stem) => plural(stem) },
  { spelling: 'z', sound: (stem) => plural(stem) },
  // -es is whatever the plural of the stem is: "boxes" IH0 Z, but "heroes", "babies" just Z.
  { spelling: 'es', sound: (stem) => plural(stem) },
  { spelling: 'ed', sound: (stem) => past(stem), restore: ['', 'e'] },
  // A bare -d is the past of a stem ending in e ("freed", "tied"), never "pai" + d.
  { spelling: 'd', sound: (stem) => past(stem), afterE: true },
  { spelling: 'ing', sound: () => ['IH0', 'NG'], restore: ['', 'e'] },
  { spelling: 'in', sound: () => ['IH0', 'N'], restore: ['', 'e'] },
  { spelling: 'er', sound: () => ['ER0'], restore: ['', 'e'] },
  { spelling: 'ers', sound: () => ['ER0', 'Z'], restore: ['', 'e'] },
  { spelling: 'est', sound: () => ['AH0', 'S', 'T'], restore: ['', 'e'] },
  { spelling: 'ly', sound: () => ['L', 'IY0'] },
  { spelling: 'y', sound: () => ['IY0'], restore: ['', 'e'] },
  { spelling: 'ness', sound: () => ['N', 'AH0', 'S'] },
  { spelling: 'less', sound: () => ['L', 'AH0', 'S'] },
  { spelling: 'ful', sound: () => ['F', 'AH0', 'L'] },
];

function plural(stem: Pronunciation): Phoneme[] {
  const last = stem.at(-1) ?? '';
  if (['S', 'Z', 'SH', 'ZH', 'CH', 'JH'].includes(last)) return ['IH0', 'Z'];
  return ['P', 'T', 'K', 'F', 'TH'].includes(last) ? ['S'] : ['Z'];
}

function past(stem: Pronunciation): Phoneme[] {
  const last = stem.at(-1) ?? '';
  if (last === 'T' || last === 'D') return ['IH0', 'D'];
  return ['P', 'K', 'F', 'TH', 'S', 'SH', 'CH'].includes(last) ? ['T'] : ['D'];
}

/** Lower-cases and normalises typographic apostrophes; keeps letters, digits, apostrophes and hyphens. */
export function normalizeWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[^a-z0-9'-]/g, '');
}

/**
 * Pronounces a word: dictionary first, then forms derived from dictionary words (g-dropping
 * "drippin'" from "dripping", stretched "sooo", slang plurals "boyz", suffixes on known stems,
 * two-word compounds "lowkey"), and only then letter-to-sound rules. Derivation beats raw rules
 * because it inherits the dictionary's stress and vowel quality.
 */
export function pronounceWord(rawWord: string, index: PronunciationIndex): WordPronunciation {
  const word = normalizeWord(rawWord);
  const bare = word.replace(/^'+|'+$/g, '');
  if (!/[a-z]/.test(bare)) return { word, pronunciations: [], source: PronunciationSource.none };

  // "fallin'" with its apostrophe is "falling" with the g dropped, whatever else "fallin" may be
  // (a surname); the -ing form wins when the dictionary has it.
  if (/in'$/.test(word)) {
    const dropped = droppedG(bare, index);
    if (dropped) return { word, pronunciations: dropped, source: PronunciationSource.derived };
  }
  const direct = index.lookup(word) ?? index.lookup(bare);
  if (direct) return { word, pronunciations: withSmoothing(bare, direct), source: PronunciationSource.dictionary };

  const derived = derive(bare, index, 0);
  if (derived) return { word, pronunciations: derived, source: PronunciationSource.derived };

  if (bare.includes('-') || bare.includes("'")) {
    const parts = bare.split(/[-']+/).filter((part) => /[a-z]/.test(part));
    if (parts.length > 1) {
      const joined = parts.flatMap((part) => pronounceWord(part, index).pronunciations[0] ?? []);
      if (joined.length > 0) return { word, pronunciations: [joined], source: PronunciationSource.derived };
    }
  }
  const guessed = letterToSound(bare);
  return { word, pronunciations: guessed.length > 0 ? [guessed] : [], source: guessed.length > 0 ? PronunciationSource.rules : PronunciationSource.none };
}

/**
 * "fire", "tired", "hour", "ours" are one syllable in most singing (the diphthong swallows the
 * r-vowel), but CMUdict often lists only the two-syllable form. When the spelling is -ire/-our
 * (not "higher", "liar", "flower"), add the smoothed form as a variant so the count can use it.
 */
function withSmoothing(word: string, pronunciations: readonly Pronunciation[]): readonly Pronunciation[] {
  if (!/(?:ire|our)(?:s|d|ed)?$/.test(word)) return pronunciations;
  const smoothed: Pronunciation[] = [];
  for (const pronunciation of pronunciations) {
    const index = pronunciation.findIndex((phoneme, position) => /^A[YW]1$/.test(phoneme) && pronunciation[position + 1] === 'ER0');
    if (index === -1) continue;
    const candidate = [...pronunciation.slice(0, index + 1), 'R', ...pronunciation.slice(index + 2)];
    if (!pronunciations.some((existing) => existing.join(' ') === candidate.join(' '))) smoothed.push(candidate);
  }
  return smoothed.length ? [...pronunciations, ...smoothed] : pronunciations;
}

function derive(word: string, index: PronunciationIndex, depth: number): readonly Pronunciation[] | undefined {
  if (depth > 1) return undefined;
  const known = (candidate: string) => index.lookup(candidate);

  // Stretched spellings: "sooo" → "so", "yeahhh" → "yeah".
  if (/([a-z])\1\1/.test(word)) {
    for (const squeezed of [word.replace(/([a-z])\1{2,}/g, '$1'), word.replace(/([a-z])\1{2,}/g, '$1$1')]) {
      const found = known(squeezed) ?? derive(squeezed, index, depth + 1);
      if (found) return found;
    }
  }
  // Dropped g: "drippin'" / "drippin" → "dripping" with the final NG → N.
  const dropped = droppedG(word, index);
  if (dropped) return dropped;
  for (const suffix of SUFFIXES) {
    if (!word.endsWith(suffix.spelling) || word.length - suffix.spelling.length < 2) continue;
    const base = word.slice(0, -suffix.spelling.length);
    if (suffix.afterE && !base.endsWith('e')) continue;
    // A y right after a vowel letter spells a vowel team: "they" is not "the" + y.
    if (suffix.spelling === 'y' && /[aeiouy]$/.test(base)) continue;
    // An e-suffix after a base ending in e spells "ee": "feed" is not "fe" + ed.
    if (suffix.spelling.startsWith('e') && base.endsWith('e')) continue;
    const stems: { stem: string; silentE: boolean }[] = [{ stem: base, silentE: false }];
    // One vowel letter and one consonant before a vowel suffix spell a long vowel whose silent e
    // was dropped ("taking" ← take, "lady" ← lade); a short vowel doubles the consonant instead.
    const magicE = /^[aeiouy]/.test(suffix.spelling) && /(?:^|[^aeiou])[aeiou][bcdfgklmnprstvz]$/.test(base);
    for (const ending of suffix.restore ?? []) if (ending) stems[magicE ? 'unshift' : 'push']({ stem: base + ending, silentE: true });
    if (/([bdgklmnprt])\1$/.test(base)) stems.push({ stem: base.slice(0, -1), silentE: false }); // "drippin" stem "drip"
    if (base.endsWith('i')) stems.push({ stem: `${base.slice(0, -1)}y`, silentE: false }); // "babies" → "baby"
    for (const { stem, silentE } of stems) {
      const found = known(stem);
      const first = found?.[0];
      if (!found || !first || !plausiblePart(stem, first)) continue;
      // A restored e must be silent in the stem ("shine" → "shiny"); "entre" + y is not "entry".
      if (silentE && isVowel(first.at(-1) ?? '')) continue;
      // Every variant of the stem carries over ("reading" from both readings of "read").
      return found.slice(0, 3).map((variant) => joinSuffix(stem, variant, suffix.sound(variant)));
    }
  }
  // Compounds of two dictionary words, each at least 3 letters: "lowkey", "moneybag". The split
  // may not cut a vowel team ("cho|ose"), and a tail may not start like a suffix ("vers|ion").
  for (let split = word.length - 3; split >= 3; split -= 1) {
    const headSpelling = word.slice(0, split);
    const tailSpelling = word.slice(split);
    if (/[aeiou]$/.test(headSpelling) && /^[aeiou]/.test(tailSpelling)) continue;
    if (/^[ie][aeiou]/.test(tailSpelling)) continue;
    const head = known(headSpelling)?.[0];
    const tail = head ? known(tailSpelling)?.[0] : undefined;
    if (head && tail && plausiblePart(headSpelling, head) && plausiblePart(tailSpelling, tail)) return [[...head, ...demote(tail)]];
  }
  return undefined;
}

/** "drippin'" / "drippin" → "dripping" with the final NG → N, when the dictionary has the -ing form. */
function droppedG(word: string, index: PronunciationIndex): readonly Pronunciation[] | undefined {
  if (!/in'?$/.test(word)) return undefined;
  const full = index.lookup(word.replace(/in'?$/, 'ing'));
  return full?.map((pronunciation) => (pronunciation.at(-1) === 'NG' ? [...pronunciation.slice(0, -1), 'N'] : pronunciation));
}

/**
 * A dictionary entry read letter by letter ("ach" as A-C-H, "afl") has more syllables than its
 * spelling has vowel groups; such entries are abbreviations, not parts of a longer word.
 */
function plausiblePart(spelling: string, pronunciation: Pronunciation): boolean {
  const groups = (spelling.match(/[aeiouy]+/g) ?? []).length;
  return countVowels(pronunciation) <= groups + 1;
}

/**
 * Appends a suffix to a stem. A stem ending in syllabic -le (AH0 L) loses its schwa before a
 * vowel-initial or -ly suffix: "simple" + est is "simplest", "possible" + y is "possibly".
 */
function joinSuffix(spelling: string, stem: Pronunciation, suffix: readonly Phoneme[]): Pronunciation {
  if (stem.at(-1) === 'L' && suffix[0] === 'L') return [...stem, ...suffix.slice(1)]; // "final" + ly: one L
  const syllabicL = /[^aeiou]le$/.test(spelling) && stem.at(-1) === 'L' && stem.at(-2) === 'AH0' && !isVowel(stem.at(-3) ?? 'AH0');
  if (syllabicL && suffix.length > 0 && (isVowel(suffix[0] as Phoneme) || suffix[0] === 'L')) {
    const trimmed = [...stem.slice(0, -2), 'L'];
    return suffix[0] === 'L' ? [...trimmed, ...suffix.slice(1)] : [...trimmed, ...suffix];
  }
  return [...stem, ...suffix];
}

/** In a compound the second part keeps secondary stress only ("LOW-key"). */
function demote(pronunciation: Pronunciation): Pronunciation {
  return pronunciation.map((phoneme) => (phoneme.endsWith('1') ? `${phoneme.slice(0, -1)}2` : phoneme));
}
