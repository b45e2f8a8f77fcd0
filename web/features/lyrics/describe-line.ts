import type { PadLine } from './lyrics-protocol.ts';
import { FAMILY_SHAPES, familySlot } from './rhyme-family-style.ts';

/** What the analysis gutter shows for a line, in words for screen readers: "Line 3: 7 syllables, rhyme ●A". */
export function describeLine(t: (id: string, values?: Record<string, unknown>) => string, line: PadLine): string {
  const shape = line.family === null ? '' : FAMILY_SHAPES[familySlot(line.family)];
  return line.schemeLetter
    ? t('lyrics.pad.lineRhyme', { line: line.sourceLine + 1, count: line.syllables, letter: `${shape}${line.schemeLetter}` })
    : t('lyrics.pad.line', { line: line.sourceLine + 1, count: line.syllables });
}
