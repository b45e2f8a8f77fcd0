/**
 * A song's lyrics as a plain-text sheet to share, print or keep: the title, the tempo and key when
 * known, then the lyrics as written (section headers included, trailing spaces and runs of blank
 * lines tidied). Pure, so the project page and the lyrics pad make the same file offline.
 */
export interface LyricSheetSource {
  title: string;
  lyrics: string;
  bpm?: number | undefined;
  musicalKey?: string | undefined;
}

/** The words around the numbers, in the reader's language (the caller translates). */
export interface LyricSheetLabels {
  untitled: string;
  /** e.g. "{bpm} BPM", already filled in. */
  tempo: (bpm: number) => string;
  /** e.g. "Key: {key}", already filled in. */
  key: (musicalKey: string) => string;
}

export function lyricSheet(source: LyricSheetSource, labels: LyricSheetLabels): string {
  const title = source.title.trim() || labels.untitled;
  const details = [source.bpm ? labels.tempo(source.bpm) : '', source.musicalKey?.trim() ? labels.key(source.musicalKey.trim()) : ''].filter(Boolean);
  const lines = source.lyrics.replace(/\r\n?/g, '\n').split('\n').map((line) => line.replace(/\s+$/u, ''));
  const body = lines.join('\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+|\n+$/g, '');
  return [title, ...(details.length ? [details.join(' · ')] : []), '', body, ''].join('\n');
}

const MAX_NAME_CHARACTERS = 80;

/**
 * A file name for the sheet that every system accepts: letters and digits of any script kept,
 * everything else (path separators, reserved characters, controls) folded to single dashes.
 */
export function lyricSheetFileName(title: string, fallback = 'lyrics'): string {
  const stem = [...title.normalize('NFC').replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')].slice(0, MAX_NAME_CHARACTERS).join('').replace(/-+$/, '');
  return `${stem || fallback}.txt`;
}
