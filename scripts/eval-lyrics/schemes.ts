/**
 * Scheme comparison and the plain CMUdict perfect-rhyme baseline. Pure functions: the dictionary
 * comes in as a lookup so the test can pass a tiny one.
 */

/** Pronunciations of a word (CMUdict style, stress digits on vowels), or undefined if unknown. */
export type PronunciationLookup = (word: string) => readonly (readonly string[])[] | undefined;

/**
 * Relabels a scheme so letters appear in order of first use ("BBAC" → "AABC"). Letters may carry
 * primes past Z ("A'"), as the engine writes them.
 */
export function canonicalScheme(scheme: string): string {
  const tokens = scheme.match(/[A-Z]'*/g) ?? [];
  const names = new Map<string, string>();
  return tokens
    .map((token) => {
      let name = names.get(token);
      if (name === undefined) {
        const position = names.size;
        name = String.fromCharCode(65 + (position % 26)) + "'".repeat(Math.floor(position / 26));
        names.set(token, name);
      }
      return name;
    })
    .join('');
}

/** Number of lines a scheme labels (letters with their primes). */
export const schemeLength = (scheme: string) => (scheme.match(/[A-Z]'*/g) ?? []).length;

/** The last word of a line, lower-cased, with surrounding quotes and punctuation removed. */
export function lastWord(line: string): string {
  const words = line.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[a-z0-9'-]+/g) ?? [];
  const withLetters = words.filter((word) => /[a-z]/.test(word));
  return withLetters.at(-1) ?? '';
}

const isVowel = (phoneme: string) => /\d$/.test(phoneme);

/** From the last primary-stressed vowel (else secondary, else last vowel) to the end, stress removed. */
export function perfectRhymePart(pronunciation: readonly string[]): string {
  let index = -1;
  for (const stress of ['1', '2', '0']) {
    index = pronunciation.findLastIndex((phoneme) => isVowel(phoneme) && phoneme.endsWith(stress));
    if (index !== -1) break;
  }
  return index === -1 ? '' : pronunciation.slice(index).map((phoneme) => phoneme.replace(/\d$/, '')).join(' ');
}

/** Two words rhyme perfectly iff some pronunciations of each share the rhyme part; unknown words never rhyme. */
export function rhymesPerfectly(a: string, b: string, lookup: PronunciationLookup): boolean {
  const partsA = new Set((lookupLoosely(a, lookup) ?? []).map(perfectRhymePart).filter(Boolean));
  return (lookupLoosely(b, lookup) ?? []).some((pronunciation) => partsA.has(perfectRhymePart(pronunciation)));
}

function lookupLoosely(word: string, lookup: PronunciationLookup) {
  return lookup(word) ?? lookup(word.replace(/^'+|'+$/g, ''));
}

/**
 * The baseline scheme: each line takes the letter of the nearest earlier line whose last word
 * rhymes perfectly with its own, else a new letter.
 */
export function baselineScheme(lines: readonly string[], lookup: PronunciationLookup): string {
  const words = lines.map(lastWord);
  const letters: string[] = [];
  words.forEach((word, line) => {
    let partner = -1;
    for (let earlier = line - 1; earlier >= 0 && partner === -1; earlier -= 1) {
      if (rhymesPerfectly(words[earlier] ?? '', word, lookup)) partner = earlier;
    }
    letters.push(partner === -1 ? String.fromCharCode(65 + new Set(letters).size) : (letters[partner] ?? ''));
  });
  return letters.join('');
}

/** Line pairs (i < j) a scheme puts under the same letter. */
export function rhymingPairs(scheme: string): Set<string> {
  const tokens = scheme.match(/[A-Z]'*/g) ?? [];
  const pairs = new Set<string>();
  for (let j = 0; j < tokens.length; j += 1) for (let i = 0; i < j; i += 1) if (tokens[i] === tokens[j]) pairs.add(`${i}-${j}`);
  return pairs;
}

export interface PairCounts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/** Adds one stanza's pair agreement between a predicted and an annotated scheme to running counts. */
export function countPairs(predicted: string, annotated: string, counts: PairCounts): PairCounts {
  const truth = rhymingPairs(annotated);
  const guess = rhymingPairs(predicted);
  for (const pair of guess) if (truth.has(pair)) counts.truePositives += 1;
  else counts.falsePositives += 1;
  for (const pair of truth) if (!guess.has(pair)) counts.falseNegatives += 1;
  return counts;
}

/** Exact match after canonical relabelling on both sides. */
export const schemesMatch = (predicted: string, annotated: string) => canonicalScheme(predicted) === canonicalScheme(annotated);

/** Share of rows whose flag is true, per group key, plus an "all" row; groups in first-seen order. */
export function accuracyByGroup<T>(rows: readonly T[], group: (row: T) => string, correct: (row: T) => boolean): Map<string, { count: number; correct: number }> {
  const groups = new Map<string, { count: number; correct: number }>();
  for (const row of rows) {
    const key = group(row);
    const entry = groups.get(key) ?? { count: 0, correct: 0 };
    entry.count += 1;
    if (correct(row)) entry.correct += 1;
    groups.set(key, entry);
  }
  return groups;
}
