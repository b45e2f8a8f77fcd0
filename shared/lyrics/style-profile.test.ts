import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeSong } from './analyze-song.ts';
import {
  emptyStyleProfile,
  mergeStyleProfiles,
  observeSong,
  parseStyleProfile,
  pruneStyleProfile,
  summarizeStyle,
  type StyleProfile,
} from './style-profile.ts';
import { fullLexicon } from './testing/full-lexicon.ts';

const lexicon = fullLexicon();

const counts = fc.dictionary(fc.constantFrom('night', 'light', 'ABAB', 'perfect', '8', 'drip', 'money', 'x y'), fc.nat({ max: 1000 }), { maxKeys: 5 });
const profileArbitrary: fc.Arbitrary<StyleProfile> = fc.record({
  version: fc.constant(1 as const),
  sessions: fc.nat(), lines: fc.nat(), syllables: fc.nat(), syllableSquares: fc.nat(), lineLengths: counts,
  stressRegularityMilli: fc.nat(), meters: counts, rhymeTypes: counts, internalRhymes: fc.nat(), schemes: counts,
  schemeNames: counts, words: counts, endWords: counts, phrases: counts, totalWords: fc.nat(), profaneWords: fc.nat(),
  slangWords: fc.nat(), valence: fc.integer({ min: -100_000, max: 100_000 }), emotions: counts, sections: counts, forms: counts,
});

describe('style profile merging', () => {
  it('is commutative, even as JSON', () => {
    fc.assert(
      fc.property(profileArbitrary, profileArbitrary, (a, b) => {
        expect(JSON.stringify(mergeStyleProfiles(a, b))).toBe(JSON.stringify(mergeStyleProfiles(b, a)));
      }),
    );
  });

  it('is associative, even as JSON', () => {
    fc.assert(
      fc.property(profileArbitrary, profileArbitrary, profileArbitrary, (a, b, c) => {
        expect(JSON.stringify(mergeStyleProfiles(mergeStyleProfiles(a, b), c))).toBe(JSON.stringify(mergeStyleProfiles(a, mergeStyleProfiles(b, c))));
      }),
    );
  });

  it('has the empty profile as identity and always parses back', () => {
    fc.assert(
      fc.property(profileArbitrary, (a) => {
        const merged = mergeStyleProfiles(a, emptyStyleProfile());
        expect(merged).toEqual(a);
        expect(parseStyleProfile(JSON.parse(JSON.stringify(merged)))).toEqual(merged);
      }),
    );
  });
});

describe('learning from sessions', () => {
  const rap = `Drippin' in the rain, yeah, I'm finna make it rain
Money on my mind and it never gonna change
Diamonds on my wrist, man, I'm driving in the lane
Diamonds on my neck and they shining through the pain`;
  const ballad = `We drove along the river road
Beneath a sky of grey
The radio was playing low
And you had much to say`;

  it('learns cadence, rhyme habits and vocabulary, the same in any order', () => {
    const first = observeSong(observeSong(emptyStyleProfile(), analyzeSong(rap, lexicon), lexicon), analyzeSong(ballad, lexicon), lexicon);
    const second = observeSong(observeSong(emptyStyleProfile(), analyzeSong(ballad, lexicon), lexicon), analyzeSong(rap, lexicon), lexicon);
    expect(JSON.stringify(first)).toBe(JSON.stringify(second));
    const summary = summarizeStyle(first);
    expect(summary.sessions).toBe(2);
    expect(summary.syllablesPerLine.mean).toBeGreaterThan(6);
    expect(summary.topWords).toContain('diamonds');
    expect(summary.topEndWords).toEqual(expect.arrayContaining(['rain', 'change', 'lane', 'pain', 'say']));
    expect(summary.slangShare).toBeGreaterThan(0);
    expect(Object.keys(summary.rhymeHabits).length).toBeGreaterThan(0);
  });

  it('prunes to the most used words without touching counts', () => {
    const profile = observeSong(emptyStyleProfile(), analyzeSong(rap, lexicon), lexicon);
    const pruned = pruneStyleProfile(profile, 3);
    expect(Object.keys(pruned.words)).toHaveLength(3);
    expect(pruned.totalWords).toBe(profile.totalWords);
  });

  it('rejects malformed stored data', () => {
    expect(() => parseStyleProfile({ version: 2 })).toThrow();
  });
});
