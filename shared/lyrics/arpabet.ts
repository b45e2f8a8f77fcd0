/**
 * The ARPAbet phoneme inventory used by CMUdict, and the phonetic features the rhyme code needs.
 *
 * A phoneme is a string such as `"AY1"` (vowel with stress digit) or `"T"` (consonant). We keep
 * strings rather than numeric ids because they read well in tests and in rhyme keys; the compact
 * pronunciation index packs them into one character each for transport.
 */

/** The fifteen vowel qualities, without stress. */
export const VOWELS = ['AA', 'AE', 'AH', 'AO', 'AW', 'AY', 'EH', 'ER', 'EY', 'IH', 'IY', 'OW', 'OY', 'UH', 'UW'] as const;
export type Vowel = (typeof VOWELS)[number];

/** The twenty-four consonants. */
export const CONSONANTS = [
  'B', 'CH', 'D', 'DH', 'F', 'G', 'HH', 'JH', 'K', 'L', 'M', 'N', 'NG', 'P', 'R', 'S', 'SH', 'T', 'TH', 'V', 'W', 'Y', 'Z', 'ZH',
] as const;
export type Consonant = (typeof CONSONANTS)[number];

/** A phoneme: a consonant, or a vowel followed by its stress digit (0 none, 1 primary, 2 secondary). */
export type Phoneme = string;
/** One pronunciation of a word: its phonemes in order. */
export type Pronunciation = readonly Phoneme[];

/** Stress levels as CMUdict writes them. */
export const Stress = { none: 0, primary: 1, secondary: 2 } as const;
export type Stress = (typeof Stress)[keyof typeof Stress];

const CONSONANT_SET: ReadonlySet<string> = new Set(CONSONANTS);

/** Every phoneme symbol the index can hold: vowels with each stress, then consonants. Order is part of the index format. */
export const PHONEME_SYMBOLS: readonly string[] = [
  ...VOWELS.flatMap((vowel) => [`${vowel}0`, `${vowel}1`, `${vowel}2`]),
  ...CONSONANTS,
];

/**
 * Each vowel symbol, bare and with every stress digit, mapped to its quality. The rhyme search
 * asks "is this a vowel, which one?" millions of times a second: a lookup, not a slice.
 */
const QUALITY_OF_VOWEL: ReadonlyMap<string, string> = new Map(VOWELS.flatMap((vowel) => [vowel, `${vowel}0`, `${vowel}1`, `${vowel}2`].map((symbol) => [symbol, vowel] as const)));

/** True for a vowel phoneme (with or without its stress digit). */
export function isVowel(phoneme: Phoneme): boolean {
  return QUALITY_OF_VOWEL.has(phoneme);
}

/** True for a known consonant symbol. */
export function isConsonant(phoneme: Phoneme): boolean {
  return CONSONANT_SET.has(phoneme);
}

/** The vowel quality without its stress digit (`"AY1"` → `"AY"`). Consonants come back unchanged. */
export function vowelQuality(phoneme: Phoneme): string {
  return QUALITY_OF_VOWEL.get(phoneme) ?? phoneme;
}

/** The stress digit of a vowel; consonants and bare vowels count as unstressed. */
export function stressOf(phoneme: Phoneme): Stress {
  const digit = phoneme.charCodeAt(2) - 48;
  return digit === 1 ? Stress.primary : digit === 2 ? Stress.secondary : Stress.none;
}

/** Number of syllables (vowel nuclei) in a pronunciation. */
export function countVowels(pronunciation: Pronunciation): number {
  let count = 0;
  for (const phoneme of pronunciation) if (isVowel(phoneme)) count += 1;
  return count;
}

type Place = 'bilabial' | 'labiodental' | 'dental' | 'alveolar' | 'postalveolar' | 'palatal' | 'velar' | 'glottal';
type Manner = 'stop' | 'fricative' | 'affricate' | 'nasal' | 'liquid' | 'glide';
interface ConsonantFeatures {
  readonly place: Place;
  readonly manner: Manner;
  readonly voiced: boolean;
}

const FEATURES: Readonly<Record<Consonant, ConsonantFeatures>> = {
  P: { place: 'bilabial', manner: 'stop', voiced: false },
  B: { place: 'bilabial', manner: 'stop', voiced: true },
  M: { place: 'bilabial', manner: 'nasal', voiced: true },
  W: { place: 'bilabial', manner: 'glide', voiced: true },
  F: { place: 'labiodental', manner: 'fricative', voiced: false },
  V: { place: 'labiodental', manner: 'fricative', voiced: true },
  TH: { place: 'dental', manner: 'fricative', voiced: false },
  DH: { place: 'dental', manner: 'fricative', voiced: true },
  T: { place: 'alveolar', manner: 'stop', voiced: false },
  D: { place: 'alveolar', manner: 'stop', voiced: true },
  N: { place: 'alveolar', manner: 'nasal', voiced: true },
  S: { place: 'alveolar', manner: 'fricative', voiced: false },
  Z: { place: 'alveolar', manner: 'fricative', voiced: true },
  L: { place: 'alveolar', manner: 'liquid', voiced: true },
  R: { place: 'postalveolar', manner: 'liquid', voiced: true },
  SH: { place: 'postalveolar', manner: 'fricative', voiced: false },
  ZH: { place: 'postalveolar', manner: 'fricative', voiced: true },
  CH: { place: 'postalveolar', manner: 'affricate', voiced: false },
  JH: { place: 'postalveolar', manner: 'affricate', voiced: true },
  Y: { place: 'palatal', manner: 'glide', voiced: true },
  K: { place: 'velar', manner: 'stop', voiced: false },
  G: { place: 'velar', manner: 'stop', voiced: true },
  NG: { place: 'velar', manner: 'nasal', voiced: true },
  HH: { place: 'glottal', manner: 'fricative', voiced: false },
};

/**
 * How alike two consonants sound at the end of a line, in [0,1].
 * The weights follow what songwriters accept in slant rhymes: voicing pairs (heart/hard) are
 * nearly interchangeable, nasals swap freely (time/mine), stops swap with each other more readily
 * than with fricatives.
 */
export function consonantSimilarity(a: Phoneme, b: Phoneme): number {
  return CONSONANT_SIMILARITY.get(a)?.get(b) ?? featureSimilarity(a, b);
}

function featureSimilarity(a: Phoneme, b: Phoneme): number {
  if (a === b) return 1;
  const fa = FEATURES[a as Consonant];
  const fb = FEATURES[b as Consonant];
  if (!fa || !fb) return 0;
  const samePlace = fa.place === fb.place;
  const sameVoice = fa.voiced === fb.voiced;
  if (fa.manner === fb.manner) {
    if (samePlace) return 0.85; // differ only in voicing: T/D, S/Z, F/V
    if (fa.manner === 'nasal') return 0.75;
    if (fa.manner === 'stop') return sameVoice ? 0.6 : 0.5;
    if (fa.manner === 'fricative') return sameVoice ? 0.55 : 0.45;
    return 0.45; // L/R, W/Y
  }
  const pair = new Set([fa.manner, fb.manner]);
  if (pair.has('affricate') && (pair.has('fricative') || pair.has('stop'))) {
    return samePlace || fa.place === 'alveolar' || fb.place === 'alveolar' ? 0.6 : 0.35;
  }
  if (samePlace) return 0.35;
  return 0.1;
}

const NEAR_VOWELS: readonly (readonly [string, string])[] = [
  ['IH', 'IY'], ['EH', 'AE'], ['EH', 'EY'], ['AA', 'AO'], ['AA', 'AH'], ['AO', 'OW'], ['UH', 'UW'], ['AH', 'UH'], ['AH', 'ER'], ['IH', 'EH'],
];

/**
 * How alike two vowels sound, in [0,1]. Same quality scores 1 whatever the stress; neighbours in
 * the vowel space score 0.6; two unstressed reduced vowels (schwa and its kin) are treated as
 * near-identical because singers blur them. A reduced vowel against a stressed one is only a
 * neighbour: letting schwa match anything made every long word a "multisyllabic" rhyme.
 */
export function vowelSimilarity(a: Phoneme, b: Phoneme): number {
  return VOWEL_SIMILARITY.get(a)?.get(b) ?? judgeVowels(a, b);
}

function judgeVowels(a: Phoneme, b: Phoneme): number {
  const qa = vowelQuality(a);
  const qb = vowelQuality(b);
  if (qa === qb) return 1;
  const reduced = (phoneme: Phoneme, quality: string) =>
    stressOf(phoneme) === Stress.none && (quality === 'AH' || quality === 'IH' || quality === 'ER');
  if (reduced(a, qa) && reduced(b, qb)) return 0.9;
  for (const [x, y] of NEAR_VOWELS) {
    if ((qa === x && qb === y) || (qa === y && qb === x)) return 0.6;
  }
  return 0;
}

/** Every pair judged once at load: rhyme searches compare consonants and vowels millions of times. */
function pairTable(symbols: readonly string[], judge: (a: Phoneme, b: Phoneme) => number): ReadonlyMap<string, ReadonlyMap<string, number>> {
  return new Map(symbols.map((a) => [a, new Map(symbols.map((b) => [b, judge(a as Phoneme, b as Phoneme)]))]));
}
const CONSONANT_SIMILARITY = pairTable(CONSONANTS, featureSimilarity);
const VOWEL_SIMILARITY = pairTable([...VOWELS, ...PHONEME_SYMBOLS.filter((symbol) => isVowel(symbol as Phoneme))], judgeVowels);
