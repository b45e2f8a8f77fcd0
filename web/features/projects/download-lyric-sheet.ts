import { lyricSheet, lyricSheetFileName, type LyricSheetSource } from '../../../shared/project/lyric-sheet.ts';
import { saveBlob } from '../../ui/save-blob.ts';

type Translate = (id: string, values?: Record<string, unknown>) => string;

/** Saves the lyrics as a text file named after the song, labelled in the reader's language. Offline too. */
export function downloadLyricSheet(source: LyricSheetSource, t: Translate): void {
  const text = lyricSheet(source, {
    untitled: t('projects.untitled'),
    tempo: (bpm) => t('projects.sheet.tempo', { bpm }),
    key: (key) => t('projects.sheet.key', { key }),
  });
  saveBlob(new Blob([text], { type: 'text/plain;charset=utf-8' }), lyricSheetFileName(source.title, t('projects.sheet.fileFallback')));
}
