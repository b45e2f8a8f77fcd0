import { isFunctionWord } from './function-words.ts';
import { compareWordRuns } from './line-rhyme.ts';
import { RhymeType, type Rhyme } from './rhyme.ts';
import type { LineSound, WordSound } from './syllables.ts';

/** A rhyme between two words of the same line. */
export interface InternalRhyme extends Rhyme {
  /** Word positions in the line (indexes into `LineSound.words`), first < second. */
  readonly first: number;
  readonly second: number;
}

const COUNTED: ReadonlySet<RhymeType> = new Set([RhymeType.perfect, RhymeType.multisyllabic, RhymeType.slant]);

/**
 * Rhymes inside one line ("I'm the *one* that *won*, *fun* in the *sun*"). Only words that carry a
 * beat count, so "the"/"a" never rhyme with each other; each word is paired with two-word windows
 * ending on it so multisyllabic internal rhymes are found too. For each later word the best earlier
 * partner is kept, which is how a listener hears the chain.
 */
export function findInternalRhymes(line: LineSound, minimumStrength = 0.7): InternalRhyme[] {
  const words = line.words;
  const found: InternalRhyme[] = [];
  for (let second = 1; second < words.length; second += 1) {
    const later = words[second] as WordSound;
    if (!carriesBeat(later)) continue;
    let best: InternalRhyme | undefined;
    for (let first = 0; first < second; first += 1) {
      const earlier = words[first] as WordSound;
      if (!carriesBeat(earlier)) continue;
      const rhyme = compareWordRuns(words.slice(Math.max(0, first - 1), first + 1), words.slice(Math.max(first + 1, second - 1), second + 1));
      if (!COUNTED.has(rhyme.type) || rhyme.strength < minimumStrength) continue;
      if (!best || rhyme.strength > best.strength) best = { ...rhyme, first, second };
    }
    if (best) found.push(best);
  }
  return found;
}

function carriesBeat(word: WordSound): boolean {
  return word.syllables > 1 || (word.syllables === 1 && !isFunctionWord(word.token.word));
}
