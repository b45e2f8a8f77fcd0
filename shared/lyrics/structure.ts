import { SectionKind } from './line-kinds.ts';
import type { LyricSheet, Stanza } from './stanzas.ts';

/** How a section's kind was decided, so the UI can show guesses differently from labels. */
export const SectionEvidence = { header: 'header', repetition: 'repetition', continuation: 'continuation', default: 'default' } as const;
export type SectionEvidence = (typeof SectionEvidence)[keyof typeof SectionEvidence];

export interface SongSection {
  readonly kind: SectionKind;
  /** Verse number (from the header, or counted in order). */
  readonly number?: number;
  /** First lyric line (index among lyric lines) and one past the last. */
  readonly startLine: number;
  readonly endLine: number;
  readonly evidence: SectionEvidence;
}

/** A line sung more than once: hooks and refrains. */
export interface RepeatedLine {
  readonly text: string;
  /** Lyric-line indexes where it occurs. */
  readonly lines: readonly number[];
}

export interface Structure {
  readonly sections: readonly SongSection[];
  /** Section kinds in order: ["verse", "chorus", "verse", "chorus", "bridge", "chorus"]. */
  readonly order: readonly SectionKind[];
  /** Letters per section, equal letters for equal kinds (verse-chorus songs read "ABABCB"). */
  readonly form: string;
  readonly repeatedLines: readonly RepeatedLine[];
  /** Share of lyric lines that repeat elsewhere in the song, in [0,1]. */
  readonly repetitionShare: number;
}

/** Lower-case, no punctuation, single spaces: the line as heard, for spotting repeats. */
export function normalizeLine(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\([^)]*\)/g, ' ') // ad-libs in brackets do not change the line
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const CHORUS_LIKE: ReadonlySet<SectionKind> = new Set([SectionKind.chorus, SectionKind.hook, SectionKind.refrain, SectionKind.postChorus]);

/**
 * Song structure from headers and repetition. Headers win; a stanza without one whose lines
 * mostly recur elsewhere is a chorus (or takes the kind of the labelled stanza it repeats); any
 * other unlabelled stanza continues the labelled section before it, or else is a verse.
 */
export function analyzeStructure(sheet: LyricSheet): Structure {
  const occurrences = new Map<string, number[]>();
  for (const line of sheet.lines) {
    const key = normalizeLine(line.text);
    if (key.length === 0) continue;
    occurrences.set(key, [...(occurrences.get(key) ?? []), line.index]);
  }
  const repeated = new Set([...occurrences].filter(([, lines]) => lines.length > 1).map(([key]) => key));

  const sections: SongSection[] = [];
  let verseCount = 0;
  sheet.stanzas.forEach((stanza, position) => {
    const range = { startLine: stanza.startLine, endLine: stanza.startLine + stanza.lines.length };
    const previous = sections.at(-1);
    if (stanza.header && stanza.header.section !== SectionKind.other) {
      const { section, number } = stanza.header;
      if (section === SectionKind.verse) verseCount = number ?? verseCount + 1;
      const verseNumber = section === SectionKind.verse ? { number: number ?? verseCount } : number !== undefined ? { number } : {};
      sections.push({ kind: section, ...verseNumber, ...range, evidence: SectionEvidence.header });
      return;
    }
    const twin = repeatingTwin(stanza, position, sheet.stanzas, repeated);
    if (twin !== undefined) {
      const twinKind = twin.header && twin.header.section !== SectionKind.other ? twin.header.section : SectionKind.chorus;
      sections.push({ kind: twinKind, ...range, evidence: SectionEvidence.repetition });
      return;
    }
    if (previous && previous.evidence === SectionEvidence.header && previous.endLine === range.startLine && !CHORUS_LIKE.has(previous.kind)) {
      sections[sections.length - 1] = { ...previous, endLine: range.endLine };
      return;
    }
    verseCount += 1;
    sections.push({ kind: SectionKind.verse, number: verseCount, ...range, evidence: SectionEvidence.default });
  });

  const letters = new Map<SectionKind, string>();
  const form = sections
    .map((section) => {
      const key = CHORUS_LIKE.has(section.kind) ? SectionKind.chorus : section.kind;
      if (!letters.has(key)) letters.set(key, String.fromCharCode(65 + letters.size));
      return letters.get(key) as string;
    })
    .join('');
  const repeatedLines = [...occurrences]
    .filter(([, lines]) => lines.length > 1)
    .map(([key, lines]) => ({ text: sheet.lines[lines[0] as number]?.text.trim() ?? key, lines }))
    .sort((a, b) => b.lines.length - a.lines.length || (a.lines[0] as number) - (b.lines[0] as number));
  const repeatedCount = repeatedLines.reduce((total, line) => total + line.lines.length, 0);
  return {
    sections,
    order: sections.map((section) => section.kind),
    form,
    repeatedLines,
    repetitionShare: sheet.lines.length ? Math.round((repeatedCount / sheet.lines.length) * 1000) / 1000 : 0,
  };
}

/** Another stanza sharing at least half of this stanza's lines, if this stanza is mostly repeats. */
function repeatingTwin(stanza: Stanza, position: number, stanzas: readonly Stanza[], repeated: ReadonlySet<string>): Stanza | undefined {
  const keys = stanza.lines.map((line) => normalizeLine(line.text));
  const repeatedShare = keys.filter((key) => repeated.has(key)).length / keys.length;
  if (repeatedShare < 0.5) return undefined;
  const own = new Set(keys);
  let best: Stanza | undefined;
  let bestShared = 0;
  stanzas.forEach((other, otherPosition) => {
    if (otherPosition === position) return;
    const shared = other.lines.filter((line) => own.has(normalizeLine(line.text))).length;
    const labelled = other.header && other.header.section !== SectionKind.other ? 0.5 : 0;
    if (shared >= Math.ceil(keys.length / 2) && shared + labelled > bestShared) {
      best = other;
      bestShared = shared + labelled;
    }
  });
  // A stanza that repeats within itself ("na na na" ×4) is a hook too.
  if (!best && new Set(keys).size <= keys.length / 2) return stanza;
  return best;
}
