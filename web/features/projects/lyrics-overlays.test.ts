import { Compartment, EditorState, Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { PadLine } from '../lyrics/lyrics-protocol.ts';
import { analysedLine, drawnAnalysis, lyricsOverlays, rhymeMarks } from './lyrics-overlays.ts';

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

  it('carry the analysis with its lines through edits made before the next one arrives', () => {
    const lines = [line(0, 0, { start: 12, end: 19 }), { ...line(1, null, null), syllables: 4 }, line(2, 0, { start: 17, end: 24 })];
    let state = EditorState.create({ doc: 'City lights tonight\nhere we go\n  Feel the heat, alright', extensions: lyricsOverlays(lines) });
    const at = (state: EditorState, number: number) => {
      const { from, to } = state.doc.line(number);
      return analysedLine(state, from, to);
    };
    expect([1, 2, 3].map((number) => at(state, number)?.syllables)).toEqual([6, 4, 6]);
    // Enter at the end of the first line, then a word typed at the start of the (now) fourth line.
    state = state.update({ changes: { from: state.doc.line(1).to, insert: '\n' } }).state;
    state = state.update({ changes: { from: state.doc.line(4).from, insert: 'oh, ' } }).state;
    expect([1, 2, 3, 4].map((number) => at(state, number)?.sourceLine ?? null)).toEqual([0, null, 1, 2]);
    const underlined: string[] = [];
    const cursor = state.field(drawnAnalysis).marks.iter();
    for (; cursor.value; cursor.next()) underlined.push(state.doc.sliceString(cursor.from, cursor.to));
    expect(underlined).toEqual(['tonight', 'alright']);
    // A new analysis, swapped in as the editor does (a compartment), replaces what was carried.
    const slot = new Compartment();
    let swapped = EditorState.create({ doc: state.doc, extensions: slot.of(lyricsOverlays(lines)) });
    swapped = swapped.update({ effects: slot.reconfigure(lyricsOverlays([line(1, null, null)])) }).state;
    expect(at(swapped, 2)?.sourceLine).toBe(1);
    expect(at(swapped, 1)).toBeNull();
  });
});
