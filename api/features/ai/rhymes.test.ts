import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareWordRuns, endingWords } from '../../../shared/lyrics/line-rhyme.ts';
import { analyzeLine } from '../../../shared/lyrics/syllables.ts';
import { RHYME_SEARCH_TYPES } from '../../../shared/schemas/ai.ts';
import { sharedLyricsEngine, type LyricsEngine } from './lexicon.ts';
import { findRhymes } from './rhymes.ts';

let engine: LyricsEngine;
beforeAll(async () => {
  engine = await sharedLyricsEngine();
}, 60_000);

/**
 * findRhymes compares each distinct sound once and reuses the result for every word that sounds
 * the same from where the comparison can reach. That shortcut must never change an answer: each
 * reported rhyme equals the word-by-word comparison, and every word that rhymes is reported.
 */
describe('findRhymes against the word-by-word comparison', () => {
  const check = (text: string) => {
    const found = findRhymes(engine.lexicon, engine.rhymes, { text, types: [...RHYME_SEARCH_TYPES], limit: 100_000 });
    const reported = new Map(found.groups.flatMap((group) => group.bySyllables.flatMap((bucket) => bucket.words.map((word) => [word.word, { type: group.type, strength: word.strength }] as const))));
    const target = endingWords(analyzeLine(text, engine.lexicon).words);
    const lastWord = target.at(-1)?.token.word ?? '';
    let rhyming = 0;
    for (const candidate of engine.rhymes.all) {
      const expected = compareWordRuns(target, [candidate.sound]);
      const got = reported.get(candidate.word);
      if (got) {
        expect({ word: candidate.word, ...got }).toEqual({ word: candidate.word, type: expected.type, strength: expected.strength });
        rhyming += 1;
      } else if (expected.type !== 'none' && expected.type !== 'identical' && !lastWord.startsWith(candidate.word) && !candidate.word.startsWith(lastWord)) {
        throw new Error(`"${candidate.word}" rhymes with "${text}" (${expected.type}) but was not reported`);
      }
    }
    return rhyming;
  };

  it('agrees on words with one to four syllables, rime riche, later stresses and phrases', () => {
    for (const text of ['night', 'delight', 'love', 'orange', 'holiday', 'melody', 'forever', 'drippin', 'the night time', 'city lights']) {
      expect(check(text)).toBeGreaterThan(0);
    }
  }, 120_000);

  it('agrees on random vocabulary words', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: engine.rhymes.all.length - 1 }), (index) => {
        check(engine.rhymes.all[index]!.word);
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
