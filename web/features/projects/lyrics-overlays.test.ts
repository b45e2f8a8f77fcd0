import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { PadLine } from '../lyrics/lyrics-protocol.ts';
import { rhymeMarks } from './lyrics-overlays.ts';

const line = (sourceLine: number, family: number | null, endWord: PadLine['endWord']): PadLine => ({ sourceLine, syllables: 6, schemeLetter: family === null ? '' : 'A', family, endWord });

function marked(doc: Text, lines: PadLine[]): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  const cursor = rhymeMarks(doc, lines).iter();
  for (; cursor.value; cursor.next()) found.push([doc.sliceString(cursor.from, cursor.to), String(cursor.value.spec.class)]);
  return found;
}

describe('rhyme marks in the song editor', () => {
  const doc = Text.of(['City lights tonight', '', '  Feel the heat, alright', 'nothing here']);

  it('underline each rhyming end word in its family, in text order', () => {
    const lines = [line(2, 7, { start: 17, end: 24 }), line(0, 0, { start: 12, end: 19 }), line(3, null, null)];
    expect(marked(doc, lines)).toEqual([
      ['tonight', 'cm-rhyme family-0'],
      // Families beyond the six looks wrap around.
      ['alright', 'cm-rhyme family-1'],
    ]);
  });

  it('leave out what no longer fits: a line that is gone or shorter than the analysis remembers', () => {
    const stale = [line(0, 0, { start: 12, end: 40 }), line(9, 1, { start: 0, end: 3 }), line(2, 1, { start: -1, end: 2 })];
    expect(marked(doc, stale)).toEqual([]);
  });
});
