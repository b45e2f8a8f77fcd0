/**
 * Classifies the raw lines of a lyric sheet: lyric, blank, or section header. Writers mark
 * sections in many ways ("[Chorus]", "(Hook x2)", "Verse 2:", "PRE-CHORUS"); a line counts as a
 * header only when it is nothing but a section label, so "Bridge over the water" stays a lyric.
 */
export const SectionKind = {
  intro: 'intro',
  verse: 'verse',
  preChorus: 'pre-chorus',
  chorus: 'chorus',
  postChorus: 'post-chorus',
  hook: 'hook',
  refrain: 'refrain',
  bridge: 'bridge',
  interlude: 'interlude',
  breakdown: 'breakdown',
  outro: 'outro',
  other: 'other',
} as const;
export type SectionKind = (typeof SectionKind)[keyof typeof SectionKind];

export type SheetLine =
  | { readonly kind: 'lyric'; readonly text: string; readonly sourceLine: number }
  | { readonly kind: 'blank'; readonly sourceLine: number }
  | { readonly kind: 'header'; readonly section: SectionKind; readonly number?: number; readonly label: string; readonly sourceLine: number };

const LABELS: readonly [RegExp, SectionKind][] = [
  [/^pre[- ]?chorus$/, SectionKind.preChorus],
  [/^post[- ]?chorus$/, SectionKind.postChorus],
  [/^(?:chorus|chrous)$/, SectionKind.chorus],
  [/^hook$/, SectionKind.hook],
  [/^refrain$/, SectionKind.refrain],
  [/^verse$/, SectionKind.verse],
  [/^bridge$/, SectionKind.bridge],
  [/^intro$/, SectionKind.intro],
  [/^outro$/, SectionKind.outro],
  [/^(?:interlude|break|instrumental|drop)$/, SectionKind.interlude],
  [/^breakdown$/, SectionKind.breakdown],
];

const LABEL_WORDS = 'pre[- ]?chorus|post[- ]?chorus|chorus|hook|refrain|verse|bridge|intro|outro|interlude|break|instrumental|drop|breakdown';
// Bare label: "Verse 2:", "CHORUS", "Hook x2". Anything after a colon is the performer's name.
const BARE_HEADER = new RegExp(`^(${LABEL_WORDS})\\s*(\\d+)?\\s*(?:x\\s*\\d+|\\(x?\\d+\\))?\\s*(?::.*)?$`, 'i');
const BRACKETED = /^\s*[[({]\s*([^\])}]+?)\s*[\])}]\s*$/;

function classifyLabel(label: string): { section: SectionKind; number?: number } | undefined {
  const match = BARE_HEADER.exec(label.trim());
  if (!match) return undefined;
  const name = (match[1] ?? '').toLowerCase();
  const section = LABELS.find(([pattern]) => pattern.test(name))?.[1] ?? SectionKind.other;
  return match[2] ? { section, number: Number(match[2]) } : { section };
}

/** Classifies every line of a lyric sheet, keeping its 0-based source line number. */
export function classifySheet(text: string): SheetLine[] {
  return text.split(/\r\n|\r|\n/).map((raw, sourceLine): SheetLine => {
    const trimmed = raw.trim();
    if (trimmed.length === 0) return { kind: 'blank', sourceLine };
    const bracketed = BRACKETED.exec(trimmed);
    if (bracketed) {
      const inner = bracketed[1] ?? '';
      const known = classifyLabel(inner);
      // Any square-bracketed line is a label ("[Produced by …]"); parentheses only when a known one, since "(yeah)" is an ad-lib.
      if (known) return { kind: 'header', ...known, label: inner, sourceLine };
      if (trimmed.startsWith('[')) return { kind: 'header', section: SectionKind.other, label: inner, sourceLine };
    }
    const bare = classifyLabel(trimmed);
    if (bare) return { kind: 'header', ...bare, label: trimmed.replace(/:$/, ''), sourceLine };
    return { kind: 'lyric', text: raw, sourceLine };
  });
}
