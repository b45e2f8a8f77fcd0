import type { SongAnalysis } from './analyze-song.ts';
import { round } from './statistics.ts';

/** What a new line at a position should do: which line it should rhyme with and how long it should be. */
export interface LinePlan {
  /** Index (among lyric lines) of the first line of the stanza the new line joins. */
  readonly stanzaStart: number;
  /** Position of the new line inside its stanza. */
  readonly positionInStanza: number;
  /** The scheme the stanza is expected to follow, e.g. "ABAB". */
  readonly expectedScheme: string;
  /** Lyric-line index of the line to rhyme with, when the scheme calls for a rhyme. */
  readonly rhymeWithLine?: number;
  readonly targetSyllables: number;
}

export interface PlanOptions {
  /** Position among lyric lines; defaults to after the last line. An existing line there is being rewritten. */
  readonly lineIndex?: number;
  /** Start a new stanza instead of continuing the last one (only when appending). */
  readonly newStanza?: boolean;
  readonly targetSyllables?: number;
  /** The writer's favourite stanza scheme and mean line length, from the style profile. */
  readonly favouriteScheme?: string;
  readonly usualSyllables?: number;
}

const DEFAULT_SYLLABLES = 10;

/**
 * Plans a line. The expected scheme is the first of these consistent with the stanza so far:
 * the previous stanza's scheme, the writer's favourite, couplets (AABB), alternate (ABAB). The
 * line then rhymes with the nearest other line of the stanza carrying its letter. Length follows
 * the stanza's other lines, else the previous stanza, else the writer's habit.
 */
export function planLine(song: SongAnalysis, options: PlanOptions = {}): LinePlan {
  const total = song.lines.length;
  const lineIndex = Math.max(0, Math.min(options.lineIndex ?? total, total));
  const stanzas = song.stanzas;
  let stanzaIndex = stanzas.findIndex((stanza) => lineIndex >= stanza.startLine && lineIndex < stanza.startLine + stanza.scheme.replace(/'/g, '').length);
  const appending = stanzaIndex === -1;
  if (appending && !options.newStanza && stanzas.length > 0) stanzaIndex = stanzas.length - 1;
  const stanza = stanzaIndex === -1 ? undefined : stanzas[stanzaIndex];
  const stanzaStart = stanza ? stanza.startLine : lineIndex;
  const stanzaLength = stanza ? letters(stanza.scheme).length : 0;
  const positionInStanza = lineIndex - stanzaStart;
  const stanzaLetters = stanza ? letters(stanza.scheme) : [];
  const previous = stanzas[(stanzaIndex === -1 ? stanzas.length : stanzaIndex) - 1];

  const candidates = [previous?.scheme, options.favouriteScheme, 'AABB', 'ABAB'].filter((scheme): scheme is string => !!scheme && letters(scheme).length >= 2);
  const known = stanzaLetters.map((letter, position) => (position === positionInStanza ? undefined : letter));
  const expected = candidates.map((scheme) => extend(letters(scheme), Math.max(positionInStanza + 1, stanzaLength))).find((template) => consistent(template, known)) ?? extend(['A', 'A', 'B', 'B'], positionInStanza + 1);

  const letter = expected[positionInStanza];
  let rhymeWithLine: number | undefined;
  for (let position = positionInStanza - 1; position >= 0 && rhymeWithLine === undefined; position -= 1) {
    if (expected[position] === letter) rhymeWithLine = stanzaStart + position;
  }
  for (let position = positionInStanza + 1; position < stanzaLength && rhymeWithLine === undefined; position += 1) {
    if (expected[position] === letter) rhymeWithLine = stanzaStart + position;
  }

  const lengths = (start: number, end: number, skip: number) =>
    song.lines.slice(start, end).filter((line, offset) => start + offset !== skip && line.syllables > 0).map((line) => line.syllables);
  const here = lengths(stanzaStart, stanzaStart + stanzaLength, lineIndex);
  const before = previous ? lengths(previous.startLine, previous.startLine + letters(previous.scheme).length, -1) : [];
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const targetSyllables =
    options.targetSyllables ??
    (here.length ? Math.round(mean(here)) : before.length ? Math.round(mean(before)) : options.usualSyllables ? Math.round(options.usualSyllables) : DEFAULT_SYLLABLES);

  const plan = { stanzaStart, positionInStanza, expectedScheme: expected.join(''), targetSyllables: round(targetSyllables, 0) };
  return rhymeWithLine === undefined || rhymeWithLine >= total ? plan : { ...plan, rhymeWithLine };
}

function letters(scheme: string): string[] {
  return scheme.match(/[A-Z]'*/g) ?? [];
}

/** Repeats a template with fresh letters (ABAB → ABABCDCD) until it covers `length` lines. */
function extend(template: readonly string[], length: number): string[] {
  const result = [...template];
  let round = 1;
  while (result.length < length) {
    for (const letter of template) result.push(`${letter}${round}`);
    round += 1;
  }
  return result.slice(0, Math.max(length, template.length));
}

/** The template and the known letters agree on which lines rhyme together. */
function consistent(template: readonly string[], known: readonly (string | undefined)[]): boolean {
  for (let a = 0; a < known.length; a += 1) {
    for (let b = a + 1; b < known.length; b += 1) {
      if (known[a] === undefined || known[b] === undefined) continue;
      if ((known[a] === known[b]) !== (template[a] === template[b])) return false;
    }
  }
  return true;
}
