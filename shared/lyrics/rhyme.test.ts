import { describe, expect, it } from 'vitest';
import { createLexicon } from './lexicon.ts';
import { compareWordRuns } from './line-rhyme.ts';
import { compareWords, rhymeKey, sequenceSimilarity } from './rhyme.ts';
import { analyzeLine } from './syllables.ts';
import { cmuIndex } from './testing/cmu-index.ts';

const lexicon = createLexicon({ pronunciations: cmuIndex() });
const rhyme = (a: string, b: string) => compareWordRuns(analyzeLine(a, lexicon).words, analyzeLine(b, lexicon).words);

describe('rhyme types', () => {
  it('hears perfect rhymes', () => {
    expect(rhyme('night', 'light')).toMatchObject({ type: 'perfect', strength: 1 });
    expect(rhyme('love', 'dove')).toMatchObject({ type: 'perfect', strength: 1 });
    expect(rhyme('fire', 'higher')).toMatchObject({ type: 'perfect' });
    expect(rhyme('water', 'daughter')).toMatchObject({ type: 'perfect' });
  });

  it('hears slant rhymes and ranks them below perfect ones', () => {
    const heartHard = rhyme('heart', 'hard');
    expect(heartHard.type).toBe('slant');
    expect(heartHard.strength).toBeGreaterThan(0.75);
    expect(heartHard.strength).toBeLessThan(1);
    expect(rhyme('time', 'mine').type).toBe('slant');
    expect(rhyme('home', 'alone').type).toBe('slant');
    expect(rhyme('love', 'enough').type).toBe('slant');
  });

  it('hears multisyllabic rhymes across word boundaries', () => {
    const orange = rhyme('orange', 'door hinge');
    expect(orange.type).toBe('multisyllabic');
    expect(orange.vowelsMatched).toBe(2);
    expect(orange.strength).toBeGreaterThan(0.7);
    const longer = rhyme('pop the bottle', 'stop the model');
    expect(longer.type).toBe('multisyllabic');
    expect(longer.vowelsMatched).toBeGreaterThanOrEqual(3);
    expect(longer.strength).toBeGreaterThanOrEqual(orange.strength);
    expect(rhyme("happy", "sadly").strength).toBeLessThan(orange.strength);
  });

  it('rhymes on a final secondary stress or a final full unstressed vowel, a little weaker', () => {
    const birthday = rhyme('birthday', 'stay');
    expect(birthday.type).toBe('perfect');
    expect(birthday.strength).toBeGreaterThan(0.85);
    expect(birthday.strength).toBeLessThan(1);
    expect(rhyme('anything', 'ring').type).toBe('perfect');
    const harmony = rhyme('harmony', 'free');
    expect(harmony.strength).toBeGreaterThanOrEqual(0.55);
    expect(harmony.strength).toBeLessThan(birthday.strength);
    expect(rhyme('memory', 'see').strength).toBeGreaterThanOrEqual(0.55);
    // A trochee's weak final syllable is not promoted to a beat: "PAR-ty" does not rhyme with "free".
    expect(rhyme('party', 'free').strength).toBeLessThan(0.55);
    // Two unstressed endings do not rhyme on that ending alone.
    expect(rhyme('happy', 'body').strength).toBeLessThan(0.55);
  });

  it('forgives a dropped final -s/-z or a cluster-reduced final stop more than other missing sounds', () => {
    expect(sequenceSimilarity(['N'], ['N', 'D'])).toBeGreaterThan(sequenceSimilarity(['N'], ['N', 'K']));
    expect(sequenceSimilarity([], ['Z'])).toBeGreaterThan(sequenceSimilarity([], ['K']));
    expect(rhyme('town', 'ground').strength).toBeGreaterThanOrEqual(0.8);
    expect(rhyme('glow', 'shadows').strength).toBeGreaterThanOrEqual(0.55);
  });

  it('does not count stops differing in both place and voicing as slant', () => {
    expect(rhyme('bad', 'back').strength).toBeLessThan(0.55);
    expect(rhyme('sag', 'hat').strength).toBeLessThan(0.55);
    expect(rhyme('bad', 'bat').type).toBe('slant');
  });

  it('counts an eye rhyme (same spelled rime, same final consonants) as the weakest slant', () => {
    expect(rhyme('glove', 'grove')).toMatchObject({ type: 'slant', strength: 0.6 });
    expect(rhyme('some', 'dome')).toMatchObject({ type: 'slant', strength: 0.6 });
    // Same spelling but different final sounds is no eye rhyme: "cough" / "though".
    expect(rhyme('cough', 'though').strength).toBeLessThan(0.55);
  });

  it('hears assonance and consonance as weaker links', () => {
    expect(rhyme('night', 'time')).toMatchObject({ type: 'assonance' });
    expect(rhyme('night', 'time').strength).toBeLessThan(0.55);
    expect(rhyme('bit', 'bat').type).toBe('consonance');
    expect(rhyme('dog', 'tree')).toMatchObject({ type: 'none', strength: 0 });
  });

  it('rhymes words the dictionary does not know', () => {
    expect(rhyme('skrrt', 'dirt')).toMatchObject({ type: 'perfect' });
    expect(rhyme('finna', 'dinner').type).toBe('slant');
    expect(rhyme("drippin'", 'slippin\u2019')).toMatchObject({ type: 'perfect' });
  });

  it('marks the same word as identical, unless a rhyme rides just before it', () => {
    expect(rhyme('tonight', 'all night tonight').type).toBe('identical');
    expect(rhyme('till the sun up', 'everybody come up')).toMatchObject({ type: 'multisyllabic', vowelsMatched: 2 });
  });

  it('is symmetric', () => {
    const words = ['night', 'light', 'heart', 'hard', 'orange', 'hinge', 'love', 'enough', 'time', 'mine', 'bit', 'bat'];
    for (const a of words) {
      for (const b of words) {
        const [x, y] = [a, b].map((word) => cmuIndex().lookup(word)?.[0] ?? []);
        expect(compareWords(x!, y!)).toEqual(compareWords(y!, x!));
      }
    }
  });
});

describe('rhyme keys and similarity', () => {
  it('keys a word by its stressed vowel onwards', () => {
    expect(rhymeKey(['N', 'AY1', 'T'])).toBe('AY T');
    expect(rhymeKey(['B', 'Y', 'UW1', 'T', 'AH0', 'F', 'AH0', 'L'])).toBe('UW T AH F AH L');
  });

  it('scores voicing pairs close and unrelated sounds far', () => {
    expect(sequenceSimilarity(['R', 'T'], ['R', 'D'])).toBeGreaterThan(0.9);
    expect(sequenceSimilarity(['T'], ['M'])).toBeLessThan(0.2);
    expect(sequenceSimilarity([], [])).toBe(1);
  });
});
