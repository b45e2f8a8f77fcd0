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

/** A link this strong can join two lines that each already have a rhyme partner of their own. */
const MERGING_STRENGTH = 0.9;
/** Two groups whose every cross pair rhymes this well on average are one sound. */
const MERGING_MEAN_STRENGTH = 0.8;

function allRhymeWell(a: readonly number[], b: readonly number[], rhymeBetween: (x: number, y: number) => Rhyme | undefined): boolean {
  let total = 0;
  for (const x of a) {
    for (const y of b) {
      const rhyme = rhymeBetween(x, y);
      if (!rhyme) return false;
      total += rhyme.strength;
    }
  }
  return total / (a.length * b.length) >= MERGING_MEAN_STRENGTH;
}

/**
 * Rhyme scheme of one stanza. Lines are grouped by their links, strongest first (ties to the
 * nearest pair): perfect pairs settle first, and a weaker link may add a line to a group only when
 * that line rhymes with most of the group, never chain two settled groups together ("scar" must
 * not pull the "-ar" pair into the "-ore" pair through a slant "four" / "scar"). Perfect,
 * multisyllabic and slant rhymes count, and repeated end words; a line in no group gets its own
 * letter. Each line's link is to its strongest earlier partner in its group.
 */
export function detectRhymeScheme(lines: readonly LineSound[], minimumStrength = DEFAULT_SCHEME_STRENGTH): RhymeScheme {
  const count = lines.length;
  // A rhyme partner more than 16 lines back is beyond what a listener hears as a pair, and the
  // bound keeps an unbroken 200-line verse linear rather than quadratic.
  const rhymes = new Map<number, Rhyme>();
  const key = (earlier: number, line: number) => earlier * count + line;
  const candidates: { earlier: number; line: number; rhyme: Rhyme }[] = [];
  for (let line = 1; line < count; line += 1) {
    for (let earlier = line - 1; earlier >= Math.max(0, line - MAX_LOOKBACK); earlier -= 1) {
      const rhyme = compareLines(lines[earlier] as LineSound, lines[line] as LineSound);
      if (rhyme.type === RhymeType.identical || rhyme.strength >= minimumStrength) {
        rhymes.set(key(earlier, line), rhyme);
        candidates.push({ earlier, line, rhyme });
      }
    }
  }
  candidates.sort((x, y) => y.rhyme.strength - x.rhyme.strength || x.line - x.earlier - (y.line - y.earlier) || x.line - y.line);
  const rhymeBetween = (x: number, y: number) => (x < y ? rhymes.get(key(x, y)) : rhymes.get(key(y, x)));

  const group = Array.from({ length: count }, (_, line) => line);
  const members: number[][] = Array.from({ length: count }, (_, line) => [line]);
  for (const { earlier, line, rhyme } of candidates) {
    const groupA = group[earlier] as number;
    const groupB = group[line] as number;
    if (groupA === groupB) continue;
    const a = members[groupA] as number[];
    const b = members[groupB] as number[];
    if (a.length > 1 && b.length > 1) {
      // Two settled groups merge on a near-perfect link, or when every line of one rhymes well with
      // every line of the other (a monorhyme of two perfect pairs: "down/crown", "sound/bound").
      if (rhyme.strength < MERGING_STRENGTH && !allRhymeWell(a, b, rhymeBetween)) continue;
    } else {
      // A single line joins a group only when it rhymes with at least half of the group.
      const [single, settled] = a.length === 1 ? [a[0] as number, b] : [b[0] as number, a];
      const partners = settled.filter((member) => rhymeBetween(member, single) !== undefined).length;
      if (settled.length > 1 && 2 * partners < settled.length) continue;
    }
    const [keep, drop] = groupA < groupB ? [groupA, groupB] : [groupB, groupA];
    for (const member of members[drop] as number[]) group[member] = keep;
    (members[keep] as number[]).push(...(members[drop] as number[]));
    members[drop] = [];
  }

  const letters: string[] = [];
  const letterOfGroup = new Map<number, string>();
  const links: RhymeLink[] = [];
  for (let line = 0; line < count; line += 1) {
    const own = group[line] as number;
    let letter = letterOfGroup.get(own);
    if (letter === undefined) {
      letter = letterFor(letterOfGroup.size);
      letterOfGroup.set(own, letter);
    }
    letters.push(letter);
    let best: RhymeLink | undefined;
    for (let earlier = line - 1; earlier >= Math.max(0, line - MAX_LOOKBACK); earlier -= 1) {
      if (group[earlier] !== own) continue;
      const rhyme = rhymes.get(key(earlier, line));
      if (rhyme && (!best || rhyme.strength > best.rhyme.strength)) best = { line, rhymesWith: earlier, rhyme };
    }
    if (best) links.push(best);
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
