import { isFunctionWord } from './function-words.ts';
import type { LineSound, WordSound } from './syllables.ts';

/**
 * Builds a new line on the skeleton of one of the writer's own lines: the last word becomes the
 * new rhyme and one other content word is swapped for a word of the same class and length. The
 * writer's syntax and rhythm carry over, so the line sounds like them and stays grammatical,
 * while the swap keeps it from being a copy. Returns undefined when no swap is possible.
 */
export function echoLine(
  source: LineSound,
  ending: string,
  swap: (word: WordSound, position: number) => string | undefined,
  choose: (positions: readonly number[]) => number,
): string | undefined {
  const last = source.words.at(-1);
  if (!last || source.words.length < 3 || isFunctionWord(last.token.word)) return undefined;
  const interior = source.words
    .map((word, position) => ({ word, position }))
    .filter(({ word, position }) => position < source.words.length - 1 && !isFunctionWord(word.token.word) && word.syllables > 0)
    .map(({ position }) => position);
  if (interior.length === 0) return undefined;
  const position = choose(interior);
  const word = source.words[position] as WordSound;
  const replacement = swap(word, position);
  if (!replacement) return undefined;
  const start = word.token.start;
  const end = start + word.token.text.length;
  const head = source.text.slice(0, start) + matchCase(replacement, word.token.text) + source.text.slice(end, last.token.start);
  return head.trimStart() + ending;
}

function matchCase(replacement: string, original: string): string {
  return /^[A-Z]/.test(original) ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}
