import { describe, expect, it } from 'vitest';
import { createLexicon } from './lexicon.ts';
import { detectRhymeScheme, nameScheme } from './rhyme-scheme.ts';
import { splitSheet } from './stanzas.ts';
import { analyzeLine } from './syllables.ts';
import { cmuIndex } from './testing/cmu-index.ts';

const lexicon = createLexicon({ pronunciations: cmuIndex() });
const schemeOf = (stanza: string) => detectRhymeScheme(stanza.trim().split('\n').map((line) => analyzeLine(line, lexicon)));

describe('detectRhymeScheme', () => {
  it('finds alternate rhyme (ABAB)', () => {
    const result = schemeOf(`
The city sleeps beneath the rain
I walk alone without a sound
The neon hums a soft refrain
My shadow follows to the ground`);
    expect(result).toMatchObject({ scheme: 'ABAB', name: 'alternate' });
  });

  it('finds couplets (AABB)', () => {
    expect(schemeOf(`
I kept the letters in a box
I never turned the rusty locks
The summer left without a word
The only song was from a bird`)).toMatchObject({ scheme: 'AABB', name: 'couplets' });
  });

  it('finds the ballad stanza (ABCB) without counting weak assonance', () => {
    expect(schemeOf(`
We drove along the river road
Beneath a sky of grey
The radio was playing low
And you had much to say`)).toMatchObject({ scheme: 'ABCB', name: 'ballad' });
  });

  it('does not chain two rhyme pairs together through a weak slant link', () => {
    expect(schemeOf(`
I never asked you for much more
You drove me home in your old car
We danced across the kitchen floor
And made a wish on every star`).scheme).toBe('ABAB');
  });

  it('merges two pairs into one sound when every cross pair rhymes well', () => {
    expect(schemeOf(`
The rain came pouring on the town
I heard a soft and distant sound
The river water running down
A feeling I have never found`).scheme).toBe('AAAA');
  });

  it('finds monorhyme (AAAA)', () => {
    expect(schemeOf(`
The night is cold, the night is long
I hum the remnants of a song
I know that I do not belong
I keep on walking, going strong`)).toMatchObject({ scheme: 'AAAA', name: 'monorhyme' });
  });

  it('finds a limerick (AABBA)', () => {
    expect(schemeOf(`
A baker who lived by the sea
Would bake every morning at three
His bread was so light
It floated from sight
And that was the end of his tea`)).toMatchObject({ scheme: 'AABBA', name: 'limerick' });
  });

  it('counts slant and multisyllabic rhymes the way a songwriter does', () => {
    const result = schemeOf(`
You took a piece of my heart
I keep on running out of time
I swear I'm playing it hard
And you are always on my mind`);
    expect(result.scheme).toBe('ABAB');
    expect(result.links.map((link) => link.rhyme.type)).toEqual(['slant', 'slant']);
    expect(schemeOf('She gave me an orange\nI broke the door hinge').scheme).toBe('AA');
  });

  it('binds repeated end words', () => {
    expect(schemeOf('Stay with me tonight\nHold me close tonight').scheme).toBe('AA');
  });
});

describe('nameScheme', () => {
  it('names longer forms', () => {
    expect(nameScheme('ABABCDCDEFEFGG')).toBe('shakespearean-sonnet');
    expect(nameScheme('ABBAABBACDECDE')).toBe('petrarchan-sonnet');
    expect(nameScheme('AABBCC')).toBe('couplets');
    expect(nameScheme('AAAABB')).toBe('couplets');
    expect(nameScheme('ABABCDCD')).toBe('alternate');
    expect(nameScheme('ABBA')).toBe('enclosed');
    expect(nameScheme('ABCD')).toBe('free');
  });
});

describe('splitSheet', () => {
  it('splits stanzas on blank lines and headers, indexing lyric lines only', () => {
    const sheet = splitSheet('[Verse 1]\none\ntwo\n\nthree\n[Chorus]\n\nfour\nfive');
    expect(sheet.lines.map((line) => line.text)).toEqual(['one', 'two', 'three', 'four', 'five']);
    expect(sheet.stanzas.map((stanza) => [stanza.startLine, stanza.lines.length, stanza.header?.section])).toEqual([
      [0, 2, 'verse'], [2, 1, undefined], [3, 2, 'chorus'],
    ]);
    expect(sheet.lines[3]?.sourceLine).toBe(7);
  });
});
