import { dictionary } from 'cmu-pronouncing-dictionary';
import { pronunciationIndexFromEntries, type PronunciationIndex } from '../pronunciation-index.ts';

/**
 * The full CMUdict as an index, for tests only (production loads the compiled file). Built through
 * the real encoder so every test also exercises the format.
 */
let cached: PronunciationIndex | undefined;
export function cmuIndex(): PronunciationIndex {
  if (cached) return cached;
  const grouped = new Map<string, string[][]>();
  for (const [key, value] of Object.entries(dictionary)) {
    const word = key.replace(/\(\d+\)$/, '');
    const phonemes = (value.split('#')[0] ?? '').trim().split(/\s+/).filter(Boolean);
    if (phonemes.length === 0) continue;
    grouped.set(word, [...(grouped.get(word) ?? []), phonemes]);
  }
  cached = pronunciationIndexFromEntries(grouped);
  return cached;
}
