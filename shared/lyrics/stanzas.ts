import { classifySheet, type SectionKind, type SheetLine } from './line-kinds.ts';

/** A lyric line of the sheet with its place in the song. */
export interface LyricLine {
  readonly text: string;
  /** 0-based line number in the original text, for the editor. */
  readonly sourceLine: number;
  /** Position among lyric lines only (headers and blanks skipped). */
  readonly index: number;
}

/** A run of lyric lines between blank lines or headers. */
export interface Stanza {
  /** Index of its first line among lyric lines. */
  readonly startLine: number;
  readonly lines: readonly LyricLine[];
  /** The header that opened it, if any ("[Chorus]"). */
  readonly header?: { readonly section: SectionKind; readonly number?: number; readonly label: string };
}

export interface LyricSheet {
  readonly lines: readonly LyricLine[];
  readonly stanzas: readonly Stanza[];
}

/**
 * Splits lyric text into lyric lines and stanzas. A stanza ends at a blank line or a section
 * header; the header is attached to the stanza that follows it, and still applies after a blank
 * line that directly follows it.
 */
export function splitSheet(text: string): LyricSheet {
  const sheet: readonly SheetLine[] = classifySheet(text);
  const lines: LyricLine[] = [];
  const stanzas: Stanza[] = [];
  let current: LyricLine[] = [];
  let header: Stanza['header'];
  const close = () => {
    if (current.length > 0) {
      const first = current[0] as LyricLine;
      stanzas.push(header ? { startLine: first.index, lines: current, header } : { startLine: first.index, lines: current });
      header = undefined;
    }
    current = [];
  };
  for (const line of sheet) {
    if (line.kind === 'lyric') {
      const lyric = { text: line.text, sourceLine: line.sourceLine, index: lines.length };
      lines.push(lyric);
      current.push(lyric);
    } else if (line.kind === 'header') {
      close();
      header = line.number === undefined ? { section: line.section, label: line.label } : { section: line.section, number: line.number, label: line.label };
    } else close();
  }
  close();
  return { lines, stanzas };
}
