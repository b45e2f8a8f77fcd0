import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pronounceWord } from './pronounce.ts';
import { pronunciationIndexFromEntries } from './pronunciation-index.ts';
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

  it("reads an apostrophe -in' as the -ing form before a dictionary name spelled -in", () => {
    expect(pronounceWord('Rollin', index).pronunciations[0]).toEqual(['R', 'AA1', 'L', 'IH0', 'N']); // the surname
    expect(pronounceWord("rollin'", index)).toMatchObject({ source: 'derived', pronunciations: [['R', 'OW1', 'L', 'IH0', 'N']] });
  });

  it('adds -es as the plural of the stem: IH0 Z only after a sibilant', () => {
    expect(pronounceWord('dingoes', index).pronunciations[0]).toEqual(['D', 'IH1', 'NG', 'G', 'OW0', 'Z']);
    expect(pronounceWord('buffaloes', index).pronunciations[0]?.slice(-2)).toEqual(['OW2', 'Z']);
  });

  it('drops the schwa of a syllabic -le before a vowel suffix or -ly', () => {
    expect(pronounceWord('feeblest', index).pronunciations[0]).toEqual(['F', 'IY1', 'B', 'L', 'AH0', 'S', 'T']);
  });

  it('does not build words from vowel teams, sounded e or spelled-out abbreviations', () => {
    const tiny = pronunciationIndexFromEntries([
      ['the', [['DH', 'AH0']]],
      ['pai', [['P', 'AA1', 'IY0']]],
      ['sundae', [['S', 'AH1', 'N', 'D', 'EY0']]],
      ['afl', [['EY1', 'EH1', 'F', 'EH1', 'L']]],
      ['oat', [['OW1', 'T']]],
      ['cho', [['CH', 'OW1']]],
      ['ose', [['OW1', 'Z']]],
      ['shine', [['SH', 'AY1', 'N']]],
    ]);
    expect(pronounceWord('they', tiny).source).toBe('rules'); // not "the" + y
    expect(pronounceWord('paid', tiny).source).toBe('rules'); // not "pai" + d
    expect(pronounceWord('sunday', tiny).source).toBe('rules'); // the e of "sundae" is sounded
    expect(pronounceWord('afloat', tiny).source).toBe('rules'); // "afl" is read letter by letter
    expect(pronounceWord('choose', tiny).source).toBe('rules'); // "cho|ose" cuts the vowel team "oo"
    expect(pronounceWord('shiny', tiny)).toMatchObject({ source: 'derived', pronunciations: [['SH', 'AY1', 'N', 'IY0']] });
  });

  it('prefers the silent-e stem after one vowel and one consonant, and keeps every stem variant', () => {
    const tiny = pronunciationIndexFromEntries([
      ['slat', [['S', 'L', 'AE1', 'T']]],
      ['slate', [['S', 'L', 'EY1', 'T']]],
      ['slop', [['S', 'L', 'AA1', 'P']]],
      ['slope', [['S', 'L', 'OW1', 'P']]],
      ['fee', [['F', 'IY1']]],
      ['fe', [['F', 'EY1']]],
      ['lead', [['L', 'IY1', 'D'], ['L', 'EH1', 'D']]],
    ]);
    expect(pronounceWord('slating', tiny).pronunciations[0]).toEqual(['S', 'L', 'EY1', 'T', 'IH0', 'NG']);
    expect(pronounceWord('slopping', tiny).pronunciations[0]).toEqual(['S', 'L', 'AA1', 'P', 'IH0', 'NG']);
    expect(pronounceWord('feed', tiny).pronunciations[0]).toEqual(['F', 'IY1', 'D']); // "ee", not "fe" + ed
    expect(pronounceWord('leading', tiny).pronunciations).toHaveLength(2);
  });
});
