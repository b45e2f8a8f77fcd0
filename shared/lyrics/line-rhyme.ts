import { countVowels, type Pronunciation } from './arpabet.ts';
import { comparePreparedEndings, prepareEnding, rhymeKey, rhymePart, RhymeType, type PreparedEnding, type Rhyme } from './rhyme.ts';
import type { LineSound, WordSound } from './syllables.ts';

/** Rhymes strong enough to carry a repeated end word ("sun up" / "come up"). */
const RIDING_RHYMES: ReadonlySet<RhymeType> = new Set([RhymeType.perfect, RhymeType.slant, RhymeType.multisyllabic]);

/** Enough trailing words to hold four vowel sounds, the longest chain we look for. */
export function endingWords(words: readonly WordSound[]): readonly WordSound[] {
  let vowels = 0;
  let start = words.length;
  while (start > 0 && vowels < 4) {
    start -= 1;
    vowels += countVowels((words[start] as WordSound).pronunciation);
  }
  return words.slice(start);
}

/**
 * Compares two runs of words (usually two line endings). Every dictionary variant of the two last
 * words is tried, since a rhyme may depend on one ("orange" with IH0), and the best result wins.
 * The same last word is `identical`: it binds lines in a scheme but is not a rhyme of craft.
 */
export function compareWordRuns(a: readonly WordSound[], b: readonly WordSound[]): Rhyme {
  const lastA = a.at(-1);
  const lastB = b.at(-1);
  if (!lastA || !lastB) return { type: RhymeType.none, strength: 0, vowelsMatched: 0 };
  if (lastA.token.word === lastB.token.word && lastA.pronunciation.length > 0) {
    // "sun up" / "come up": the repeated word rides on a rhyme just before it, a rap staple.
    const before = a.length > 1 && b.length > 1 ? compareWordRuns(a.slice(0, -1), b.slice(0, -1)) : undefined;
    if (before && RIDING_RHYMES.has(before.type) && before.strength >= 0.6) {
      const vowels = before.vowelsMatched + countVowels(lastA.pronunciation);
      return { type: RhymeType.multisyllabic, strength: Math.round((0.5 + 0.45 * before.strength) * 1000) / 1000, vowelsMatched: vowels };
    }
    return { type: RhymeType.identical, strength: 0.6, vowelsMatched: countVowels(lastA.pronunciation) };
  }
  const best = compareSounds(
    a.slice(0, -1).map((word) => word.pronunciation),
    pronunciationVariants(lastA),
    b.slice(0, -1).map((word) => word.pronunciation),
    pronunciationVariants(lastB),
  );
  return withEyeRhyme(best, lastA, lastB);
}

/**
 * The phonetic half of {@link compareWordRuns}: the best rhyme over every pairing of the last
 * words' variants, each after its run's earlier words. Spelling plays no part, so a caller
 * comparing one ending with many words may reuse a result for words that sound alike.
 */
export function compareSounds(headA: readonly Pronunciation[], variantsA: readonly Pronunciation[], headB: readonly Pronunciation[], variantsB: readonly Pronunciation[]): Rhyme {
  return comparePreparedSounds(prepareVariants(headA, variantsA), prepareVariants(headB, variantsB));
}

/** Each variant of a last word after the same earlier words, prepared for many comparisons. */
export function prepareVariants(head: readonly Pronunciation[], variants: readonly Pronunciation[]): PreparedEnding[] {
  return variants.map((variant) => prepareEnding([...head, variant]));
}

/** {@link compareSounds} on prepared variants. */
export function comparePreparedSounds(a: readonly PreparedEnding[], b: readonly PreparedEnding[]): Rhyme {
  let best: Rhyme = { type: RhymeType.none, strength: 0, vowelsMatched: 0 };
  for (const variantA of a) {
    for (const variantB of b) {
      const rhyme = comparePreparedEndings(variantA, variantB);
      if (rhyme.strength > best.strength) best = rhyme;
    }
  }
  return best;
}

/** Lifts a pair too weak to rhyme by ear to a weak slant when it is an eye rhyme (see {@link isEyeRhyme}). */
export function withEyeRhyme(best: Rhyme, lastA: WordSound, lastB: WordSound): Rhyme {
  if (best.strength < EYE_RHYME_STRENGTH && isEyeRhyme(lastA, lastB)) return { type: RhymeType.slant, strength: EYE_RHYME_STRENGTH, vowelsMatched: 1 };
  return best;
}

/** An eye rhyme counts as the weakest slant that still binds a scheme. */
const EYE_RHYME_STRENGTH = 0.6;

/**
 * An eye rhyme, a convention of hymns and ballads: the same spelled rime ("love" / "stove",
 * "come" / "home", "poor" / "door") over the same final consonants, though the vowels differ.
 */
function isEyeRhyme(a: WordSound, b: WordSound): boolean {
  const rimeA = spelledRime(a.token.word);
  const rimeB = spelledRime(b.token.word);
  if (!rimeA || rimeA !== rimeB || rimeA === a.token.word || rimeB === b.token.word) return false;
  const codaA = rhymePart(a.pronunciation).slice(1);
  const codaB = rhymePart(b.pronunciation).slice(1);
  return codaA.length > 0 && codaA.join(' ') === codaB.join(' ');
}

/** The written rime an eye rhyme rests on: "ove" in "love", "oor" in "door"; undefined for open endings. */
export function spelledRime(word: string): string | undefined {
  return /[aeiouy]+[^aeiouy]+e?$/.exec(word)?.[0];
}

/** Compares the endings of two lines. */
export function compareLines(a: LineSound, b: LineSound): Rhyme {
  return compareWordRuns(endingWords(a.words), endingWords(b.words));
}

/** The rhyme key of a line's last word ("AY T"), or "" for a line without words. */
export function lineRhymeKey(line: LineSound): string {
  const last = line.words.at(-1);
  return last ? rhymeKey(last.pronunciations[0] ?? last.pronunciation) : '';
}

/** The dictionary pronunciations a rhyme may use (up to three), or the one guessed from spelling. */
export function pronunciationVariants(word: WordSound): readonly Pronunciation[] {
  return word.pronunciations.length > 0 ? word.pronunciations.slice(0, 3) : [word.pronunciation];
}
