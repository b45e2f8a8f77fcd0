import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pronounceWord } from './pronounce.ts';
import { cmuIndex } from './testing/cmu-index.ts';

const index = cmuIndex();

describe('pronounceWord', () => {
  it('uses the dictionary for known words, typographic apostrophes included', () => {
    expect(pronounceWord('Night', index)).toMatchObject({ source: 'dictionary', pronunciations: [['N', 'AY1', 'T']] });
    expect(pronounceWord('\u2019cause', index).source).toBe('dictionary');
  });

  it('derives dropped-g, stretched and compound slang from dictionary words', () => {
    expect(pronounceWord("drippin'", index)).toMatchObject({ source: 'derived', pronunciations: [['D', 'R', 'IH1', 'P', 'IH0', 'N']] });
    expect(pronounceWord('sooo', index).pronunciations[0]).toEqual(['S', 'OW1']);
    expect(pronounceWord('lowkey', index)).toMatchObject({ source: 'derived', pronunciations: [['L', 'OW1', 'K', 'IY2']] });
    expect(pronounceWord('boyz', index).pronunciations[0]).toEqual(['B', 'OY1', 'Z']);
  });

  it('falls back to letter-to-sound rules', () => {
    expect(pronounceWord('skrrt', index)).toMatchObject({ source: 'rules', pronunciations: [['S', 'K', 'ER1', 'T']] });
    expect(pronounceWord('finna', index).pronunciations[0]).toEqual(['F', 'IH1', 'N', 'AH0']);
  });

  it('returns nothing for text without letters and never throws', () => {
    expect(pronounceWord('!!!', index).pronunciations).toEqual([]);
    fc.assert(fc.property(fc.string({ maxLength: 24 }), (text) => void pronounceWord(text, index)), { numRuns: 1000 });
  });
});
