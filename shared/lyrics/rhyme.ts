import {
  consonantSimilarity,
  isVowel,
  stressOf,
  Stress,
  vowelQuality,
  vowelSimilarity,
  type Phoneme,
  type Pronunciation,
} from './arpabet.ts';

/** Kinds of rhyme, strongest family first. */
export const RhymeType = {
  /** Same word again: a refrain, not a rhyme, but it still binds lines in a scheme. */
  identical: 'identical',
  /** Two or more vowel sounds matched across word boundaries ("orange" / "door hinge"). */
  multisyllabic: 'multisyllabic',
  /** Everything from the stressed vowel on is identical ("night" / "light"). */
  perfect: 'perfect',
  /** Same stressed vowel, similar consonants after it ("heart" / "hard", "time" / "mine"). */
  slant: 'slant',
  /** Same stressed vowel, different consonants ("night" / "time"). */
  assonance: 'assonance',
  /** Different vowels, matching consonants after them ("bit" / "bat"). */
  consonance: 'consonance',
  none: 'none',
} as const;
export type RhymeType = (typeof RhymeType)[keyof typeof RhymeType];

export interface Rhyme {
  readonly type: RhymeType;
  /** How strongly the pair rhymes to a listener, in [0,1]. */
  readonly strength: number;
  /** Vowel sounds matched counting back from the end. */
  readonly vowelsMatched: number;
}

const NO_RHYME: Rhyme = { type: RhymeType.none, strength: 0, vowelsMatched: 0 };

/**
 * Index of the vowel that carries the rhyme: the last primary stress, else the last secondary,
 * else the last vowel. -1 when there is no vowel.
 */
export function rhymeVowelIndex(pronunciation: Pronunciation): number {
  let secondary = -1;
  let last = -1;
  for (let index = pronunciation.length - 1; index >= 0; index -= 1) {
    const phoneme = pronunciation[index] as Phoneme;
    if (!isVowel(phoneme)) continue;
    if (last === -1) last = index;
    const stress = stressOf(phoneme);
    if (stress === Stress.primary) return index;
    if (stress === Stress.secondary && secondary === -1) secondary = index;
  }
  return secondary !== -1 ? secondary : last;
}

/** Phonemes from the rhyme vowel to the end ("N AY1 T" → "AY1 T"). */
export function rhymePart(pronunciation: Pronunciation): Pronunciation {
  const index = rhymeVowelIndex(pronunciation);
  return index === -1 ? [] : pronunciation.slice(index);
}

/**
 * A stress-free key for a pronunciation's rhyme part ("AY T"): words with equal keys rhyme
 * perfectly, so the key groups them in an index and labels lines in the API.
 */
export function rhymeKey(pronunciation: Pronunciation): string {
  return rhymePart(pronunciation).map(vowelQuality).join(' ');
}

/**
 * How alike two phoneme sequences sound, in [0,1], by a weighted alignment: substituting similar
 * consonants costs little (T for D), dropping a sound costs more. Used for codas after the
 * rhyming vowel.
 */
export function sequenceSimilarity(a: readonly Phoneme[], b: readonly Phoneme[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const gap = 0.6;
  // Dropping a sound costs a gap; a light final (see lightFinal) costs less. Computed once, not per cell.
  const lastGapA = lightFinal(a) ? LIGHT_GAP : gap;
  const lastGapB = lightFinal(b) ? LIGHT_GAP : gap;
  let previous = [0];
  for (let column = 1; column <= b.length; column += 1) previous.push((previous[column - 1] as number) + (column === b.length ? lastGapB : gap));
  for (let row = 1; row <= a.length; row += 1) {
    const gapA = row === a.length ? lastGapA : gap;
    const x = a[row - 1] as Phoneme;
    const xIsVowel = isVowel(x);
    const current = [(previous[0] as number) + gapA];
    for (let column = 1; column <= b.length; column += 1) {
      const y = b[column - 1] as Phoneme;
      const yIsVowel = isVowel(y);
      const similarity = xIsVowel && yIsVowel ? vowelSimilarity(x, y) : !xIsVowel && !yIsVowel ? consonantSimilarity(x, y) : 0;
      current.push(
        Math.min(
          (previous[column - 1] as number) + (1 - similarity),
          (previous[column] as number) + gapA,
          (current[column - 1] as number) + (column === b.length ? lastGapB : gap),
        ),
      );
    }
    previous = current;
  }
  const cost = previous[b.length] as number;
  return Math.max(0, 1 - cost / Math.max(a.length, b.length));
}

/**
 * Codas must be at least this alike for a same-vowel pair to be a slant rhyme: two fricatives at
 * different places (0.55) still are; stops differing in both place and voicing ("lad" / "pack")
 * are only assonance.
 */
const SLANT_CODA = 0.55;

/** Dropping one of these costs half a gap. */
const LIGHT_GAP = 0.3;

/**
 * A final consonant singers drop or listeners forgive: an inflectional S/Z ("go" / "shows"), or a
 * stop after a consonant at the same place, which cluster reduction drops ("down" / "sound",
 * "coal" / "cold", "bess" / "best").
 */
function lightFinal(sequence: readonly Phoneme[]): boolean {
  const last = sequence.at(-1);
  if (last === 'S' || last === 'Z') return true;
  if (last !== 'T' && last !== 'D') return false;
  const before = sequence.at(-2);
  return before === 'N' || before === 'L' || before === 'S' || before === 'Z';
}

/** Vowels alike enough to count in a multisyllabic chain: same quality, or two reduced vowels. */
const CHAIN_VOWEL_SIMILARITY = 0.85;

const REDUCIBLE = new Set(['AH', 'IH', 'ER']);

/** A full (unreduced) vowel: stressed, or a quality other than schwa-like AH/IH/ER. */
const isFullVowel = (phoneme: Phoneme) => stressOf(phoneme) !== Stress.none || !REDUCIBLE.has(vowelQuality(phoneme));

/**
 * Compares two single-word pronunciations. Perfect, slant, assonance and consonance are judged
 * from the rhyme vowel on; see {@link compareEndings} for rhymes spanning several words.
 */
export function compareWords(a: Pronunciation, b: Pronunciation): Rhyme {
  return compareEndings([a], [b]);
}

/**
 * Compares two line endings, each given as the pronunciations of its last few words in order.
 * The last words decide perfect/slant/assonance/consonance; the whole ending is searched for a
 * multisyllabic chain (the last 2–4 vowel sounds matching across word boundaries), which rappers
 * value above a one-syllable perfect rhyme.
 */
export function compareEndings(a: readonly Pronunciation[], b: readonly Pronunciation[]): Rhyme {
  return comparePreparedEndings(prepareEnding(a), prepareEnding(b));
}

/**
 * A line ending's facts that do not depend on what it is compared with. A search comparing one
 * ending with thousands of words prepares each side once instead of once per pair.
 */
export interface PreparedEnding {
  /** The last word's pronunciation. */
  readonly last: Pronunciation;
  /** Every phoneme of the ending, words joined. */
  readonly flat: readonly Phoneme[];
  /** Where the last word starts in `flat`. */
  readonly offset: number;
  /** The last word's rhyme vowel, -1 without a vowel. */
  readonly main: number;
  /** Later vowels of the last word a rhyme may also land on, with weights. */
  readonly later: readonly (readonly [number, number])[];
  /** Positions of the vowels in `flat`. */
  readonly vowels: readonly number[];
  /** Facts about the rhyme part from a given vowel of `last`, filled on first use (see {@link partFrom}). */
  readonly parts: Map<number, RhymePartFacts>;
}

interface RhymePartFacts {
  /** `last` from the vowel on. */
  readonly part: Pronunciation;
  /** The part without its vowel. */
  readonly coda: Pronunciation;
  readonly vowelCount: number;
  /** The part's vowel qualities and consonants, stress dropped: equal keys are a perfect rhyme. */
  readonly soundKey: string;
  /** Consonants before the vowel, space-joined. */
  readonly onset: string;
  /** The coda, space-joined. */
  readonly codaKey: string;
  /** sequenceSimilarity of this coda with others seen, by their codaKey: a search meets the same codas again and again. */
  readonly codaSimilarities: Map<string, number>;
}

function partFrom(ending: PreparedEnding, vowel: number): RhymePartFacts {
  const known = ending.parts.get(vowel);
  if (known) return known;
  const part = ending.last.slice(vowel);
  const facts = {
    part,
    coda: part.slice(1),
    vowelCount: part.filter(isVowel).length,
    soundKey: part.map(vowelQuality).join(' '),
    onset: onsetOf(ending.last, vowel).join(' '),
    codaKey: part.slice(1).join(' '),
    codaSimilarities: new Map<string, number>(),
  };
  ending.parts.set(vowel, facts);
  return facts;
}

export function prepareEnding(words: readonly Pronunciation[]): PreparedEnding {
  const last = words.at(-1) ?? [];
  const flat = words.flat();
  const main = rhymeVowelIndex(last);
  return { last, flat, offset: flat.length - last.length, main, later: main === -1 ? [] : laterRhymeVowels(last, main), vowels: positionsOfVowels(flat), parts: new Map() };
}

/** {@link compareEndings} on prepared endings. */
export function comparePreparedEndings(a: PreparedEnding, b: PreparedEnding): Rhyme {
  const mainA = a.main;
  const mainB = b.main;
  if (mainA === -1 || mainB === -1) return NO_RHYME;
  let best = compareEndingsAt(a, b, mainA, mainB);
  if (best.strength >= 1) return best;
  // Songwriters also rhyme on a later syllable: a final secondary stress ("holiday" / "play",
  // "everything" / "sing"), or a final full unstressed vowel against a stressed one ("melody" /
  // "me"). Those count a little weaker than a rhyme on the main stress.
  const laterA = a.later;
  const laterB = b.later;
  if (laterA.length === 0 && laterB.length === 0) return best;
  const consider = (indexA: number, indexB: number, weight: number) => {
    // A later-vowel rhyme is worth at most its weight: one that cannot beat the best so far is not worked out.
    if (weight <= best.strength) return;
    // An unstressed vowel only rhymes against a stressed one.
    if (stressOf(a.last[indexA] as Phoneme) === Stress.none && stressOf(b.last[indexB] as Phoneme) === Stress.none) return;
    const rhyme = compareEndingsAt(a, b, indexA, indexB);
    const strength = round(rhyme.strength * weight);
    if (rhyme.type !== RhymeType.none && strength > best.strength) best = { ...rhyme, strength };
  };
  // In this order (a later vowel of A against B's main one and B's later ones, then B's later ones
  // against A's main one): the first of equally strong rhymes wins.
  for (const [indexA, weightA] of laterA) {
    consider(indexA, mainB, weightA);
    for (const [indexB, weightB] of laterB) consider(indexA, indexB, Math.min(weightA, weightB));
  }
  for (const [indexB, weightB] of laterB) consider(mainA, indexB, weightB);
  return best;
}

/** A secondary stress after the main one counts nearly as much; a final unstressed full vowel less. */
const LATER_SECONDARY_WEIGHT = 0.92;
const FINAL_UNSTRESSED_WEIGHT = 0.8;
const RHYMING_UNSTRESSED = new Set(['IY', 'OW', 'UW', 'EY', 'AY']);

/** Vowels after the main rhyme vowel that a rhyme can also land on, with the weight of such a rhyme. */
function laterRhymeVowels(pronunciation: Pronunciation, main: number): [number, number][] {
  const later: [number, number][] = [];
  let lastVowel = -1;
  for (let index = pronunciation.length - 1; index > main; index -= 1) {
    if (isVowel(pronunciation[index] as Phoneme)) {
      lastVowel = index;
      break;
    }
  }
  if (lastVowel === -1) return later;
  for (let index = main + 1; index < pronunciation.length; index += 1) {
    const phoneme = pronunciation[index] as Phoneme;
    if (isVowel(phoneme) && stressOf(phoneme) === Stress.secondary) later.push([index, LATER_SECONDARY_WEIGHT]);
  }
  const final = pronunciation[lastVowel] as Phoneme;
  const tail = pronunciation.slice(lastVowel + 1);
  // An open final syllable ("melody", "pillow"), or one closed only by a plural/verb -s.
  const open = tail.length === 0 || (tail.length === 1 && (tail[0] === 'Z' || tail[0] === 'S'));
  // Only two or more syllables after the stress promote the last one to a beat ("MEL-o-DY", not
  // "PAR-ty"): a trochee's weak syllable stays weak.
  const between = pronunciation.slice(main + 1, lastVowel).filter(isVowel).length;
  if (stressOf(final) === Stress.none && open && between >= 1 && RHYMING_UNSTRESSED.has(vowelQuality(final))) later.push([lastVowel, FINAL_UNSTRESSED_WEIGHT]);
  return later;
}

function compareEndingsAt(a: PreparedEnding, b: PreparedEnding, vowelA: number, vowelB: number): Rhyme {
  const factsA = partFrom(a, vowelA);
  const factsB = partFrom(b, vowelB);
  const partA = factsA.part;
  const partB = factsB.part;
  if (partA.length === 0 || partB.length === 0) return NO_RHYME;

  const flatA = a.flat;
  const flatB = b.flat;
  const rhymeA = a.offset + vowelA;
  const rhymeB = b.offset + vowelB;
  const chain = vowelChain(flatA, flatB, rhymeA, rhymeB, a.vowels, b.vowels);
  const partVowels = Math.max(factsA.vowelCount, factsB.vowelCount);

  // Multisyllabic: the chain reaches both rhyme vowels and holds at least two full vowel sounds;
  // a chain no longer than two identical rhyme parts is just a perfect feminine rhyme (fire/higher).
  const perfectPart = factsA.soundKey === factsB.soundKey;
  // The stressed vowel of at least one line's last word must land on a stressed vowel of the
  // other line, or the "rhyme" is just matching schwas off the beat (audition / the hill).
  if (chain.length >= 2 && chain.length >= partVowels && chain.strongPairs >= 2 && chain.aligned && !(perfectPart && chain.length <= partVowels)) {
    const length = Math.min(chain.length, 4);
    const pairs = Array.from({ length: chain.length }, (_, pair) => [a.vowels[a.vowels.length - 1 - pair] as number, b.vowels[b.vowels.length - 1 - pair] as number] as const);
    const { mean, weakest } = chainConsonantSimilarity(flatA, flatB, pairs);
    const consonants = 0.5 * mean + 0.5 * weakest;
    const strength = Math.min(1, 0.6 + 0.06 * (length - 2) + 0.4 * consonants) * (0.7 + 0.3 * chain.vowelSimilarity);
    return { type: RhymeType.multisyllabic, strength: round(strength), vowelsMatched: chain.length };
  }
  if (perfectPart) {
    // Same onset too ("light" / "delight") is rime riche: still perfect, a touch weaker to the ear.
    const strength = factsA.onset !== '' && factsA.onset === factsB.onset ? 0.9 : 1;
    return { type: RhymeType.perfect, strength, vowelsMatched: Math.max(1, chain.length) };
  }
  const codaA = factsA.coda;
  const codaB = factsB.coda;
  let codaSimilarity = factsA.codaSimilarities.get(factsB.codaKey);
  if (codaSimilarity === undefined) {
    codaSimilarity = sequenceSimilarity(codaA, codaB);
    factsA.codaSimilarities.set(factsB.codaKey, codaSimilarity);
  }
  const vowelMatch = vowelSimilarity(partA[0] as Phoneme, partB[0] as Phoneme);
  if (vowelMatch === 1) {
    if (codaSimilarity >= SLANT_CODA) {
      return { type: RhymeType.slant, strength: round(0.5 + 0.4 * codaSimilarity), vowelsMatched: Math.max(1, chain.length) };
    }
    return { type: RhymeType.assonance, strength: round(0.4 + 0.1 * codaSimilarity), vowelsMatched: Math.max(1, chain.length) };
  }
  if (vowelMatch >= 0.6 && codaSimilarity >= 0.9 && codaA.length > 0) {
    return { type: RhymeType.slant, strength: round(0.45 + 0.15 * codaSimilarity), vowelsMatched: 0 };
  }
  if (codaA.length > 0 && codaB.length > 0 && codaSimilarity >= 0.75) {
    return { type: RhymeType.consonance, strength: round(0.25 + 0.1 * codaSimilarity), vowelsMatched: 0 };
  }
  return NO_RHYME;
}

/** Consonants before the rhyme vowel back to the previous vowel: "B L" in "block". */
function onsetOf(pronunciation: Pronunciation, vowelIndex: number): Phoneme[] {
  const onset: Phoneme[] = [];
  for (let index = vowelIndex - 1; index >= 0; index -= 1) {
    const phoneme = pronunciation[index] as Phoneme;
    if (isVowel(phoneme)) break;
    onset.unshift(phoneme);
  }
  return onset;
}

interface VowelChain {
  /** Matched vowels, counted back from the end: the last `length` vowels of each side. */
  readonly length: number;
  /** Mean similarity of the matched vowels (1 when all are the same quality). */
  readonly vowelSimilarity: number;
  /** Matched pairs carrying real sound (see {@link vowelChain}); schwa pairs do not make a multi. */
  readonly strongPairs: number;
  /** Some pair puts one side's rhyme vowel on a stressed vowel of the other. */
  readonly aligned: boolean;
}

/**
 * Matches vowels backwards from the end of two phoneme strings, up to four. `rhymeA`/`rhymeB` are
 * the positions of each side's rhyme vowel: before them, a pair only counts as strong when both
 * vowels are full, so "just kill" / "the hill" stays a perfect rhyme rather than a multi.
 */
function vowelChain(a: readonly Phoneme[], b: readonly Phoneme[], rhymeA: number, rhymeB: number, vowelsA: readonly number[], vowelsB: readonly number[]): VowelChain {
  // One pass, no allocation: most compared endings match no vowel at all, and this runs per pair.
  const longest = Math.min(4, vowelsA.length, vowelsB.length);
  let length = 0;
  let vowelTotal = 0;
  let strongPairs = 0;
  let aligned = false;
  while (length < longest) {
    const indexA = vowelsA[vowelsA.length - 1 - length] as number;
    const indexB = vowelsB[vowelsB.length - 1 - length] as number;
    const x = a[indexA] as Phoneme;
    const y = b[indexB] as Phoneme;
    const similarity = vowelSimilarity(x, y);
    if (similarity < CHAIN_VOWEL_SIMILARITY) break;
    vowelTotal += similarity;
    const fullA = isFullVowel(x);
    const fullB = isFullVowel(y);
    if (indexA >= rhymeA || indexB >= rhymeB ? fullA || fullB : fullA && fullB) strongPairs += 1;
    if ((indexA === rhymeA && stressOf(y) !== Stress.none) || (indexB === rhymeB && stressOf(x) !== Stress.none)) aligned = true;
    length += 1;
  }
  return { length, vowelSimilarity: length ? vowelTotal / length : 0, strongPairs, aligned };
}

/**
 * Mean and lowest similarity of the consonants after each matched vowel of a chain: only asked for
 * once a chain counts as multisyllabic, since most compared pairs never get that far.
 */
function chainConsonantSimilarity(a: readonly Phoneme[], b: readonly Phoneme[], pairs: readonly (readonly [number, number])[]): { mean: number; weakest: number } {
  let total = 0;
  let weakest = 1;
  for (let pair = 0; pair < pairs.length; pair += 1) {
    const [indexA, indexB] = pairs[pair] as [number, number];
    const similarity =
      pair === 0
        ? sequenceSimilarity(a.slice(indexA + 1), b.slice(indexB + 1))
        : sequenceSimilarity(coda(a, indexA, (pairs[pair - 1] as [number, number])[0]), coda(b, indexB, (pairs[pair - 1] as [number, number])[1]));
    total += similarity;
    weakest = Math.min(weakest, similarity);
  }
  return pairs.length ? { mean: total / pairs.length, weakest } : { mean: 0, weakest: 0 };
}

/**
 * Consonants between a matched vowel and the next one, minus the next syllable's onset when that
 * syllable is stressed: in "night time" / "right rhyme" the T of "time" and R of "rhyme" are
 * onsets, which rhymes are free to change.
 */
function coda(phonemes: readonly Phoneme[], vowelIndex: number, nextVowelIndex: number): readonly Phoneme[] {
  const between = phonemes.slice(vowelIndex + 1, nextVowelIndex);
  const next = phonemes[nextVowelIndex];
  return next !== undefined && stressOf(next) !== Stress.none && between.length > 0 ? between.slice(0, -1) : between;
}

function positionsOfVowels(phonemes: readonly Phoneme[]): number[] {
  const positions: number[] = [];
  phonemes.forEach((phoneme, index) => {
    if (isVowel(phoneme)) positions.push(index);
  });
  return positions;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
