import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PHONEME_SYMBOLS } from './arpabet.ts';
import {
  PRONUNCIATION_INDEX_HEADER,
  decodePronunciationIndex,
  encodePronunciationIndex,
  pronunciationIndexFromEntries,
} from './pronunciation-index.ts';

describe('pronunciation index', () => {
  it('round-trips words with several pronunciations and shared prefixes', () => {
    const index = pronunciationIndexFromEntries([
      ['night', [['N', 'AY1', 'T']]],
      ['nightly', [['N', 'AY1', 'T', 'L', 'IY0']]],
      ['every', [['EH1', 'V', 'ER0', 'IY0'], ['EH1', 'V', 'R', 'IY0']]],
      ["'cause", [['K', 'AH0', 'Z']]],
    ]);
    expect(index.size).toBe(4);
    expect(index.lookup('nightly')).toEqual([['N', 'AY1', 'T', 'L', 'IY0']]);
    expect(index.lookup('every')).toEqual([['EH1', 'V', 'ER0', 'IY0'], ['EH1', 'V', 'R', 'IY0']]);
    expect(index.lookup("'cause")).toEqual([['K', 'AH0', 'Z']]);
    expect(index.lookup('day')).toBeUndefined();
    expect([...index.words()]).toEqual(["'cause", 'every', 'night', 'nightly']);
  });

  it('front-codes sorted words so shared prefixes are stored once', () => {
    const text = encodePronunciationIndex([
      ['light', [['L', 'AY1', 'T']]],
      ['lightning', [['L', 'AY1', 'T', 'N', 'IH0', 'NG']]],
    ]);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(PRONUNCIATION_INDEX_HEADER);
    expect(lines[2]?.startsWith(`${String.fromCharCode(48 + 5)}ning\t`)).toBe(true);
  });

  it('rejects unknown phonemes and foreign text', () => {
    expect(() => encodePronunciationIndex([['x', [['QQ1']]]])).toThrow(/Unknown phoneme/);
    expect(() => decodePronunciationIndex('hello')).toThrow(/Not a pronunciation index/);
  });

  it('decodes exactly what it encoded, for any words and pronunciations', () => {
    const word = fc.stringMatching(/^[a-z'][a-z'.-]{0,70}$/);
    const pronunciation = fc.array(fc.constantFrom(...PHONEME_SYMBOLS), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(word, fc.uniqueArray(pronunciation, { minLength: 1, maxLength: 3, selector: (p) => p.join(' ') })), { selector: ([w]) => w, maxLength: 30 }), (entries) => {
        const index = pronunciationIndexFromEntries(entries);
        expect(index.size).toBe(entries.length);
        for (const [entryWord, pronunciations] of entries) expect(index.lookup(entryWord)).toEqual(pronunciations);
      }),
    );
  });
});
