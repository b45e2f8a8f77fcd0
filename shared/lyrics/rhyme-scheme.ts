import { compareLines } from './line-rhyme.ts';
import { RhymeType, type Rhyme } from './rhyme.ts';
import type { LineSound } from './syllables.ts';

/** Named stanza forms a songwriter would recognise. */
export const SchemeName = {
  monorhyme: 'monorhyme',
  couplets: 'couplets',
  alternate: 'alternate',
  ballad: 'ballad',
  enclosed: 'enclosed',
  limerick: 'limerick',
  rubaiyat: 'rubaiyat',
  shakespeareanSonnet: 'shakespearean-sonnet',
  petrarchanSonnet: 'petrarchan-sonnet',
  tercet: 'tercet',
  free: 'free',
} as const;
export type SchemeName = (typeof SchemeName)[keyof typeof SchemeName];

export interface RhymeLink {
  /** Line (within the stanza) and the earlier line it rhymes with. */
  readonly line: number;
  readonly rhymesWith: number;
  readonly rhyme: Rhyme;
}

export interface RhymeScheme {
  /** One letter per line: "ABAB". Lines that rhyme with nothing get their own letter. */
  readonly scheme: string;
  readonly name: SchemeName;
  readonly links: readonly RhymeLink[];
}

/** Near rhymes count in a scheme the way writers count them: slant yes, bare assonance no. */
export const DEFAULT_SCHEME_STRENGTH = 0.55;

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const MAX_LOOKBACK = 16;

/**
 * Rhyme scheme of one stanza. Each line takes the letter of the earlier line it rhymes with most
 * strongly (ties go to the nearest), counting perfect, multisyllabic and slant rhymes and repeated
 * end words; otherwise it opens a new letter.
 */
export function detectRhymeScheme(lines: readonly LineSound[], minimumStrength = DEFAULT_SCHEME_STRENGTH): RhymeScheme {
  const letters: string[] = [];
  const links: RhymeLink[] = [];
  let nextLetter = 0;
  for (let line = 0; line < lines.length; line += 1) {
    let best: RhymeLink | undefined;
    // A rhyme partner more than 16 lines back is beyond what a listener hears as a pair, and the
    // bound keeps an unbroken 200-line verse linear rather than quadratic.
    for (let earlier = line - 1; earlier >= Math.max(0, line - MAX_LOOKBACK); earlier -= 1) {
      const rhyme = compareLines(lines[earlier] as LineSound, lines[line] as LineSound);
      const counts = rhyme.type === RhymeType.identical || rhyme.strength >= minimumStrength;
      if (counts && (!best || rhyme.strength > best.rhyme.strength)) best = { line, rhymesWith: earlier, rhyme };
    }
    if (best) {
      links.push(best);
      letters.push(letters[best.rhymesWith] as string);
    } else {
      letters.push(letterFor(nextLetter));
      nextLetter += 1;
    }
  }
  const scheme = letters.join('');
  return { scheme, name: nameScheme(scheme), links };
}

function letterFor(position: number): string {
  // Past Z (a 27-line stanza), letters repeat with a prime, which is how such schemes are written.
  return (LETTERS[position % LETTERS.length] as string) + "'".repeat(Math.floor(position / LETTERS.length));
}

/** Names a scheme string (letters in order of first appearance). */
export function nameScheme(scheme: string): SchemeName {
  const letters = scheme.match(/[A-Z]'*/g) ?? [];
  const count = letters.length;
  const distinct = new Set(letters).size;
  const at = (index: number) => letters[index];
  if (count >= 3 && distinct === 1) return SchemeName.monorhyme;
  if (scheme === 'AABBA') return SchemeName.limerick;
  if (scheme === 'AABA') return SchemeName.rubaiyat;
  if (scheme === 'ABBA') return SchemeName.enclosed;
  if (scheme === 'ABABCDCDEFEFGG') return SchemeName.shakespeareanSonnet;
  if (count === 14 && scheme.startsWith('ABBAABBA')) return SchemeName.petrarchanSonnet;
  if (count === 3 && at(0) === at(2) && at(0) !== at(1)) return SchemeName.tercet;
  if (count >= 4 && count % 2 === 0) {
    // Pairs that rhyme within themselves; neighbouring pairs may share a sound (AAAABB).
    const couplets = letters.every((letter, index) => (index % 2 === 0 ? letter === at(index + 1) : true)) && distinct > 1;
    if (couplets) return SchemeName.couplets;
    if (count % 4 === 0) {
      let alternate = true;
      let ballad = true;
      for (let start = 0; start < count; start += 4) {
        const [a, b, c, d] = [at(start), at(start + 1), at(start + 2), at(start + 3)];
        if (!(a === c && b === d && a !== b)) alternate = false;
        if (!(b === d && a !== b && c !== b && a !== c)) ballad = false;
      }
      if (alternate) return SchemeName.alternate;
      if (ballad) return SchemeName.ballad;
    }
  }
  return SchemeName.free;
}
