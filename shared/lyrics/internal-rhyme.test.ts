import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInternalRhymes } from './internal-rhyme.ts';
import { createLexicon } from './lexicon.ts';
import { analyzeLine } from './syllables.ts';
import { cmuIndex } from './testing/cmu-index.ts';

const lexicon = createLexicon({ pronunciations: cmuIndex() });
const pairs = (text: string) => {
  const line = analyzeLine(text, lexicon);
  return findInternalRhymes(line).map((rhyme) => `${line.words[rhyme.first]?.token.word}/${line.words[rhyme.second]?.token.word}:${rhyme.type}`);
};

describe('findInternalRhymes', () => {
  it('finds rhymes inside a line', () => {
    expect(pairs('I got the cash in the stash and I dash')).toEqual(['cash/stash:perfect', 'cash/dash:perfect']);
    expect(pairs('Fun in the sun')).toEqual(['fun/sun:perfect']);
  });

  it('ignores function words and lines without rhymes', () => {
    expect(pairs('The cat is on the mat')).toEqual(['cat/mat:perfect']);
    expect(pairs('Walking slowly to the river')).toEqual([]);
  });

  it('never throws and keeps positions in order', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), (text) => {
        for (const rhyme of findInternalRhymes(analyzeLine(text, lexicon))) expect(rhyme.first).toBeLessThan(rhyme.second);
      }),
      { numRuns: 300 },
    );
  });
});
