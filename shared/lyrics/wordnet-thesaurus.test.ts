import { describe, expect, it } from 'vitest';
import { loadWordnetFiles } from './testing/wordnet-files.ts';
import { wordnetThesaurus } from './wordnet-thesaurus.ts';

describe('wordnetThesaurus', () => {
  const thesaurus = wordnetThesaurus(loadWordnetFiles());

  it('relates words through synonyms, pointers and glosses', () => {
    const night = thesaurus.related('night');
    expect(night.get('dark')).toBeGreaterThan(0);
    expect(night.get('nighttime')).toBeGreaterThan(0.8);
    expect(night.has('night')).toBe(false);
    const fire = thesaurus.related('fire');
    expect(fire.get('flame')).toBeGreaterThan(0.5);
  });

  it('keeps related words of one part of speech apart', () => {
    expect(thesaurus.relatedAs?.('sound', 'n').has('safe')).toBe(false);
    expect(thesaurus.relatedAs?.('sound', 'a').get('safe')).toBeGreaterThan(0);
  });

  it('knows which verbs take an object', () => {
    expect(thesaurus.takesObject?.('chase')).toBe(true);
    expect(thesaurus.takesObject?.('fall')).toBe(false);
    expect(thesaurus.takesObject?.('skrrt')).toBeUndefined();
  });

  it('lists parts of speech', () => {
    expect([...thesaurus.partsOfSpeech('light')].sort()).toEqual(['a', 'n', 'v']);
    expect([...thesaurus.partsOfSpeech('fruit')]).toEqual(['n']);
    expect([...thesaurus.partsOfSpeech('quickly')]).toEqual(['r']);
    expect(thesaurus.partsOfSpeech('skrrt').size).toBe(0);
  });

  it('works on a tiny hand-written database', () => {
    const tiny = wordnetThesaurus({
      index: { noun: 'moon n 1 1 @ 1 0 00000001  \nsatellite n 1 0 1 0 00000002  \n' },
      data: { noun: '00000001 17 n 02 moon 0 Luna 0 001 @ 00000002 n 0000 | the natural satellite of the earth\n00000002 17 n 01 satellite 0 000 | a body orbiting a planet\n' },
    });
    expect(Object.fromEntries(tiny.related('moon'))).toEqual({ luna: 0.9, satellite: 0.6, natural: 0.45, earth: 0.45 });
  });
});
