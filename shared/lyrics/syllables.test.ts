import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLexicon } from './lexicon.ts';
import { analyzeLine } from './syllables.ts';
import { cmuIndex } from './testing/cmu-index.ts';

const lexicon = createLexicon({ pronunciations: cmuIndex() });
const count = (text: string) => analyzeLine(text, lexicon).syllables;

describe('syllable counts', () => {
  it('counts tricky words the way they are sung', () => {
    expect(count('fire')).toBe(1);
    expect(analyzeLine('fire', lexicon).maxSyllables).toBe(2);
    expect(count('every')).toBe(2);
    expect(count('orange')).toBe(2);
    expect(count('beautiful')).toBe(3);
    expect(count('rhythm')).toBe(2);
    expect(count('hour')).toBe(1);
    expect(count('family')).toBe(2);
    expect(count('poem')).toBe(2);
    expect(count('business')).toBe(2);
    expect(count('naturally')).toBe(3);
  });

  it('counts slang and numbers', () => {
    expect(count("I'm finna get it, drippin' in the rain, skrrt")).toBe(11);
    expect(count('24/7')).toBe(5);
  });

  it('counts a whole line', () => {
    expect(count('Shall I compare thee to a summer\u2019s day?')).toBe(10);
    expect(count('The woods are lovely, dark and deep')).toBe(8);
  });
});

describe('stress patterns', () => {
  it('leaves one-syllable function words weak and keeps dictionary stress on longer words', () => {
    expect(analyzeLine('And miles to go before I sleep', lexicon).stress).toBe('01010101');
    expect(analyzeLine('The woods are lovely, dark and deep', lexicon).stress).toBe('01010101');
  });

  it('has one stress mark per syllable and a positive count for words with vowels, for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const line = analyzeLine(text, lexicon);
        expect(line.stress).toHaveLength(line.syllables);
        for (const word of line.words) if (/[aeiouy]/i.test(word.token.word)) expect(word.syllables).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
