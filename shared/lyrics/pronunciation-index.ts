import { PHONEME_SYMBOLS, type Pronunciation } from './arpabet.ts';

/**
 * A compact text format for a pronouncing dictionary, small enough for the app to fetch lazily and
 * cache offline, and fast to decode in a Web Worker.
 *
 * Format (version 1): a header line `CSPRON1`, then one line per word in sorted order:
 * `<prefix><suffix>\t<pronunciation>[|<pronunciation>…]`. `<prefix>` is one character,
 * `'0' + n`, saying how many leading characters the word shares with the previous word (front
 * coding; capped at 60). Each pronunciation is one character per phoneme, `'!' + i` where `i` is
 * the phoneme's position in {@link PHONEME_SYMBOLS}. Sorting plus front coding removes most of the
 * spelling, and one character per phoneme keeps lines short; gzip then does the rest.
 */
export const PRONUNCIATION_INDEX_HEADER = 'CSPRON1';

const MAX_SHARED_PREFIX = 60;
const CODE_BASE = 33; // '!'
const SYMBOL_TO_CODE = new Map(PHONEME_SYMBOLS.map((symbol, index) => [symbol, String.fromCharCode(CODE_BASE + index)]));

/** Read access to a pronouncing dictionary. Words are lower-case. */
export interface PronunciationIndex {
  /** All pronunciations of a word, most common first, or undefined when the word is unknown. */
  lookup(word: string): readonly Pronunciation[] | undefined;
  has(word: string): boolean;
  /** Every word in the index, in sorted order. */
  words(): IterableIterator<string>;
  readonly size: number;
}

/** Packs one pronunciation into its one-character-per-phoneme code. Throws on an unknown phoneme so bad input never ships silently. */
export function encodePronunciation(pronunciation: Pronunciation): string {
  let code = '';
  for (const phoneme of pronunciation) {
    const character = SYMBOL_TO_CODE.get(phoneme);
    if (character === undefined) throw new Error(`Unknown phoneme "${phoneme}"`);
    code += character;
  }
  return code;
}

/** Unpacks a code made by {@link encodePronunciation}. */
export function decodePronunciation(code: string): Pronunciation {
  const phonemes: string[] = [];
  for (let index = 0; index < code.length; index += 1) {
    const symbol = PHONEME_SYMBOLS[code.charCodeAt(index) - CODE_BASE];
    if (symbol === undefined) throw new Error(`Bad phoneme code at ${index} in "${code}"`);
    phonemes.push(symbol);
  }
  return phonemes;
}

/**
 * Encodes word → pronunciations into the index text. Words are lower-cased and sorted; words
 * containing tab, newline or `|` are rejected because they would break the line format.
 */
export function encodePronunciationIndex(entries: Iterable<readonly [string, readonly Pronunciation[]]>): string {
  const merged = new Map<string, string[]>();
  for (const [rawWord, pronunciations] of entries) {
    const word = rawWord.toLowerCase();
    if (word.length === 0 || /[\t\n\r|]/.test(word)) throw new Error(`Word cannot be indexed: ${JSON.stringify(rawWord)}`);
    const codes = merged.get(word) ?? [];
    for (const pronunciation of pronunciations) {
      const code = encodePronunciation(pronunciation);
      if (code.length > 0 && !codes.includes(code)) codes.push(code);
    }
    if (codes.length > 0) merged.set(word, codes);
  }
  const words = [...merged.keys()].sort(compareCodeUnits);
  const lines = [PRONUNCIATION_INDEX_HEADER];
  let previous = '';
  for (const word of words) {
    let shared = 0;
    const limit = Math.min(previous.length, word.length, MAX_SHARED_PREFIX);
    while (shared < limit && previous.charCodeAt(shared) === word.charCodeAt(shared)) shared += 1;
    lines.push(`${String.fromCharCode(48 + shared)}${word.slice(shared)}\t${(merged.get(word) ?? []).join('|')}`);
    previous = word;
  }
  return lines.join('\n') + '\n';
}

/**
 * Decodes index text into a lookup. Pronunciations stay packed until asked for, so a 130k-word
 * index costs one string per word in memory rather than an array per phoneme.
 */
export function decodePronunciationIndex(text: string): PronunciationIndex {
  const packed = new Map<string, string>();
  const newline = text.indexOf('\n');
  const header = newline === -1 ? text : text.slice(0, newline);
  if (header !== PRONUNCIATION_INDEX_HEADER) throw new Error(`Not a pronunciation index (header "${header.slice(0, 20)}")`);
  let previous = '';
  let start = newline + 1;
  while (start > 0 && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end > start) {
      const tab = text.indexOf('\t', start);
      if (tab === -1 || tab > end) throw new Error(`Malformed index line at offset ${start}`);
      const shared = text.charCodeAt(start) - 48;
      const word = previous.slice(0, shared) + text.slice(start + 1, tab);
      packed.set(word, text.slice(tab + 1, end));
      previous = word;
    }
    start = end + 1;
  }
  return createPronunciationIndex(packed);
}

/** Builds an in-memory index from plain data, for tests and for small custom dictionaries. */
export function pronunciationIndexFromEntries(entries: Iterable<readonly [string, readonly Pronunciation[]]>): PronunciationIndex {
  return decodePronunciationIndex(encodePronunciationIndex(entries));
}

function createPronunciationIndex(packed: ReadonlyMap<string, string>): PronunciationIndex {
  const cache = new Map<string, readonly Pronunciation[]>();
  return {
    lookup(word) {
      const cached = cache.get(word);
      if (cached) return cached;
      const codes = packed.get(word);
      if (codes === undefined) return undefined;
      const pronunciations = codes.split('|').map(decodePronunciation);
      if (cache.size > 20_000) cache.clear(); // bounded: a song touches a few hundred words
      cache.set(word, pronunciations);
      return pronunciations;
    },
    has: (word) => packed.has(word),
    words: () => packed.keys(),
    size: packed.size,
  };
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
