import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberToWords } from './number-words.ts';
import { tokenizeLine } from './tokenize.ts';

describe('tokenizeLine', () => {
  it('keeps elisions and contractions, drops punctuation', () => {
    expect(tokenizeLine("Drippin' in the club, 'cause I don't stop (yeah!)").map((token) => token.word)).toEqual([
      "drippin'", 'in', 'the', 'club', "'cause", 'i', "don't", 'stop', 'yeah',
    ]);
  });

  it("does not glue quote marks to ordinary words", () => {
    expect(tokenizeLine("she said 'go' \u2018now\u2019").map((token) => token.word)).toEqual(['she', 'said', 'go', 'now']);
  });

  it('spells out numbers, reading years in pairs', () => {
    expect(tokenizeLine('24/7 since 1999').map((token) => token.word)).toEqual([
      'twenty', 'four', 'seven', 'since', 'nineteen', 'ninety', 'nine',
    ]);
    expect(numberToWords('2005')).toEqual(['two', 'thousand', 'five']);
    expect(numberToWords('100')).toEqual(['one', 'hundred']);
  });

  it('never throws and records where each word starts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (line) => {
        for (const token of tokenizeLine(line)) expect(token.start).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
