import * as Y from 'yjs';
import { projectParts } from './project-document.ts';

/**
 * Where a line comment points, as a character of the lyrics rather than a line number, so the comment
 * stays on its line while people write above it, split verses or paste a chorus in front.
 *
 * A mark names one character of the song's `lyrics` Y.Text by its Yjs id (the writer's client id and
 * clock), which never changes however the text around it is edited:
 * - normally the first character of the line (for an empty line, the line break that ends it);
 * - for an empty last line there is no such character, so the mark names the line break before it
 *   and `after` says the line starts just after that break.
 *
 * The comment lives in the comments document and the mark points into the song document; both are
 * plain ids, so a commenter (who cannot write the song) can still anchor to it. If the marked line is
 * deleted, the comment moves to where the line was. A mark that cannot be found (the song has not
 * synced that far yet, or it was written by a buggy client) gives no line, and the comment's stored
 * line number stands in.
 */
export interface LineMark {
  client: number;
  clock: number;
  after?: true;
}

/** The mark of line `line` (0-based) of the lyrics as they are now; undefined for an empty song. */
export function markLine(doc: Y.Doc, line: number): LineMark | undefined {
  const lyrics = projectParts.lyrics(doc);
  const text = lyrics.toString();
  const start = lineStart(text, line);
  if (start === undefined) return undefined;
  const after = start === text.length;
  // With assoc -1 Yjs names the character before the index: the break that ends the previous line.
  const position = Y.createRelativePositionFromTypeIndex(lyrics, start, after ? -1 : 0);
  if (!position.item) return undefined;
  return after ? { client: position.item.client, clock: position.item.clock, after: true } : { client: position.item.client, clock: position.item.clock };
}

/**
 * The lines (0-based) the marks point at now, in the order given; undefined where a mark is missing
 * or cannot be found in this copy of the song. Reads the text once for all of them.
 */
export function resolveLines(doc: Y.Doc, marks: ReadonlyArray<LineMark | undefined>): Array<number | undefined> {
  const lyrics = projectParts.lyrics(doc);
  let breaks: number[] | undefined;
  return marks.map((mark) => {
    if (!mark) return undefined;
    const position = Y.createRelativePositionFromJSON({ item: { client: mark.client, clock: mark.clock }, assoc: mark.after ? -1 : 0 });
    const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
    // A mark that names a character of something other than the lyrics is not a line.
    if (!absolute || absolute.type !== lyrics) return undefined;
    breaks ??= lineBreaks(lyrics.toString());
    return countBefore(breaks, absolute.index);
  });
}

/** Reads a mark from shared data defensively: anything else is not a mark. */
export function parseLineMark(value: unknown): LineMark | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { client, clock, after } = value as Record<string, unknown>;
  // Yjs client ids are unsigned 32-bit integers; clocks count characters and other edits.
  if (!Number.isInteger(client) || (client as number) < 0 || (client as number) > 0xffff_ffff) return undefined;
  if (!Number.isSafeInteger(clock) || (clock as number) < 0) return undefined;
  if (after !== undefined && after !== true) return undefined;
  return after ? { client: client as number, clock: clock as number, after: true } : { client: client as number, clock: clock as number };
}

/** Index of the first character of line `line` (0-based), or undefined past the last line. */
function lineStart(text: string, line: number): number | undefined {
  if (!Number.isInteger(line) || line < 0 || text.length === 0) return undefined;
  let start = 0;
  for (let current = 0; current < line; current++) {
    const end = text.indexOf('\n', start);
    if (end === -1) return undefined;
    start = end + 1;
  }
  return start;
}

function lineBreaks(text: string): number[] {
  const breaks: number[] = [];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) breaks.push(index);
  return breaks;
}

/** How many of the sorted `breaks` lie before `index`: the 0-based line that index is on. */
function countBefore(breaks: readonly number[], index: number): number {
  let low = 0;
  let high = breaks.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (breaks[middle]! < index) low = middle + 1;
    else high = middle;
  }
  return low;
}
