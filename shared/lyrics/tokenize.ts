import { numberToWords } from './number-words.ts';

/** A word as written in a line, with where it sits so the UI can highlight it. */
export interface Token {
  /** As written, apostrophes kept ("drippin'"). */
  readonly text: string;
  /** Lower-case form used for lookups; numbers are spelled out ("24" → "twenty", "four" as two tokens). */
  readonly word: string;
  /** Offset of the written form in the line (UTF-16 units). */
  readonly start: number;
}

// Letters (any script), digits, inner apostrophes ("don't"), a leading elision ("'cause") and a
// trailing one ("drippin'"). A trailing apostrophe is kept only after "in" so quoted 'words' stay clean.
const WORD_PATTERN = /['\u2019]?[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*(?:(?<=in)['\u2019])?/gu;

/** Splits a lyric line into word tokens; punctuation, ad-lib brackets and emoji are dropped. */
export function tokenizeLine(line: string): Token[] {
  const tokens: Token[] = [];
  for (const match of line.matchAll(WORD_PATTERN)) {
    const text = match[0];
    const start = match.index ?? 0;
    const lower = text.toLowerCase().replace(/\u2019/g, "'");
    if (/^\d+$/.test(lower)) {
      for (const spelled of numberToWords(lower)) tokens.push({ text, word: spelled, start });
      continue;
    }
    // "'em", "'cause" keep their apostrophe; a quote mark before an ordinary word does not.
    const word = lower.startsWith("'") && !/^'(?:em|cause|bout|til|round|fore|nuff|kay|sup)$/.test(lower) ? lower.slice(1) : lower;
    tokens.push({ text, word, start });
  }
  return tokens;
}
