import { RangeSet, RangeSetBuilder, RangeValue, StateField, type EditorState, type Extension, type Text } from '@codemirror/state';
import { Decoration, EditorView, gutter, GutterMarker, type DecorationSet } from '@codemirror/view';
import type { PadLine } from '../lyrics/lyrics-protocol.ts';
import { FAMILY_SHAPES, familySlot } from '../lyrics/rhyme-family-style.ts';

/**
 * The lyrics engine's analysis drawn into the song's editor, as in the lyrics pad: a gutter with each
 * line's syllable count and its scheme letter (with the family's shape, so colour is never the only
 * cue), and the rhyming end words underlined in their family's colour and line style. The colours
 * and line styles come from `familyStyles`, which the editor's host must include.
 *
 * The analysis is of the text as it was a moment ago (the engine waits for a pause in typing); it is
 * carried through the edits made since (see `drawnAnalysis`), and an underline that no longer fits its
 * line when it arrives is left out.
 */
export function lyricsOverlays(lines: readonly PadLine[]): Extension {
  return [
    drawnAnalysis.init((state) => ({ marks: rhymeMarks(state.doc, lines), lines: lineAnalyses(state.doc, lines) })),
    gutter({
      class: 'cm-lyrics-analysis',
      lineMarker: (view, block) => {
        const line = analysedLine(view.state, block.from, block.to);
        return line ? new AnalysisMarker(line) : null;
      },
      // Keeps the gutter as wide as a two-digit count with a letter, so it does not jump while typing.
      initialSpacer: () => new AnalysisMarker({ syllables: 88, schemeLetter: 'W', family: 0 }),
    }),
    overlayTheme,
  ];
}

/**
 * The analysis as drawn: set from the engine's lines when it arrives, then carried through every edit
 * (RangeSet.map) until the next one. So typing Enter mid-verse moves the counts and underlines with
 * their lines instead of leaving them on the old line numbers while the engine waits for a pause.
 */
export const drawnAnalysis = StateField.define<{ marks: DecorationSet; lines: RangeSet<LineAnalysis> }>({
  create: () => ({ marks: Decoration.none, lines: RangeSet.empty }),
  update: (value, transaction) => (transaction.docChanged ? { marks: value.marks.map(transaction.changes), lines: value.lines.map(transaction.changes) } : value),
  provide: (field) => EditorView.decorations.from(field, (value) => value.marks),
});

/** The analysis drawn for the line between `from` and `to`, if any. */
export function analysedLine(state: EditorState, from: number, to: number): PadLine | null {
  let found: PadLine | null = null;
  state.field(drawnAnalysis, false)?.lines.between(from, to, (_from, _to, value) => {
    found = value.line;
    return false;
  });
  return found;
}

/**
 * One analysed line, kept at the end of its line: typing Enter there (the usual way to start the next
 * line) leaves it before the new break, on its own line, and so does anything typed at the start.
 */
class LineAnalysis extends RangeValue {
  override startSide = -1;
  override endSide = -1;
  override point = true;
  readonly line: PadLine;

  constructor(line: PadLine) {
    super();
    this.line = line;
  }
}

function lineAnalyses(doc: Text, lines: readonly PadLine[]): RangeSet<LineAnalysis> {
  const builder = new RangeSetBuilder<LineAnalysis>();
  for (const line of [...lines].filter((line) => line.sourceLine < doc.lines).sort((a, b) => a.sourceLine - b.sourceLine)) {
    const end = doc.line(line.sourceLine + 1).to;
    builder.add(end, end, new LineAnalysis(line));
  }
  return builder.finish();
}

/** Underlines of the rhyming end words, one per line that rhymes with another and still fits. */
export function rhymeMarks(doc: Text, lines: readonly PadLine[]): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const marks = lines
    .filter((line) => line.family !== null && line.endWord !== null && line.sourceLine < doc.lines)
    .sort((a, b) => a.sourceLine - b.sourceLine);
  for (const line of marks) {
    const { from, length } = doc.line(line.sourceLine + 1);
    const { start, end } = line.endWord!;
    if (start < 0 || end <= start || end > length) continue;
    builder.add(from + start, from + end, Decoration.mark({ class: `cm-rhyme family-${familySlot(line.family!)}` }));
  }
  return builder.finish();
}

class AnalysisMarker extends GutterMarker {
  readonly #line: Pick<PadLine, 'syllables' | 'schemeLetter' | 'family'>;

  constructor(line: Pick<PadLine, 'syllables' | 'schemeLetter' | 'family'>) {
    super();
    this.#line = line;
  }

  override eq(other: GutterMarker): boolean {
    if (!(other instanceof AnalysisMarker)) return false;
    const a = this.#line;
    const b = other.#line;
    return a.syllables === b.syllables && a.schemeLetter === b.schemeLetter && a.family === b.family;
  }

  override toDOM(): Node {
    const marker = document.createElement('span');
    const count = document.createElement('span');
    count.className = 'cm-syllables';
    count.textContent = String(this.#line.syllables);
    marker.append(count);
    if (this.#line.schemeLetter) {
      const letter = document.createElement('span');
      const family = this.#line.family;
      letter.className = family === null ? 'cm-scheme' : `cm-scheme family-${familySlot(family)}`;
      letter.textContent = `${family === null ? '' : FAMILY_SHAPES[familySlot(family)]}${this.#line.schemeLetter}`;
      marker.append(' ', letter);
    }
    return marker;
  }
}

const overlayTheme = EditorView.theme({
  '.cm-gutters': {
    backgroundColor: 'transparent',
    borderRight: '1px solid var(--cs-color-border, #dedbe9)',
    color: 'var(--cs-color-text-muted, #5b5868)',
  },
  '.cm-lyrics-analysis .cm-gutterElement': {
    padding: '0 0.5rem 0 0.75rem',
    fontVariantNumeric: 'tabular-nums',
    fontSize: '0.8rem',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'flex-end',
  },
  '.cm-scheme': { fontWeight: '700', color: 'var(--family, inherit)' },
  '.cm-rhyme': {
    textDecorationLine: 'underline',
    textDecorationColor: 'var(--family)',
    textDecorationStyle: 'var(--family-line)',
    textDecorationThickness: '2px',
    textUnderlineOffset: '0.25em',
  },
});
