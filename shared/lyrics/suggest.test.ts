import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeSong } from './analyze-song.ts';
import { createLexicon } from './lexicon.ts';
import { compareLines } from './line-rhyme.ts';
import { emptyStyleProfile, observeSong } from './style-profile.ts';
import { explainSuggestion, suggestLines } from './suggest.ts';
import { analyzeLine } from './syllables.ts';
import { fullLexicon } from './testing/full-lexicon.ts';
import { loadWordnetFiles } from './testing/wordnet-files.ts';
import { decodeThesaurus, encodeThesaurus } from './thesaurus-index.ts';
import { wordnetThesaurus } from './wordnet-thesaurus.ts';

const base = fullLexicon();
const wordnet = wordnetThesaurus(loadWordnetFiles());
const lexicon = createLexicon({ ...base, thesaurus: wordnet });

const VERSE = `The city sleeps beneath the rain
I walk alone without a sound
The neon hums a soft refrain
My shadow follows to the ground

I hear the trains beyond the night
The empty station holds its breath`;

describe('suggestLines', () => {
  const result = suggestLines(VERSE, lexicon, { seed: 3 });

  it('plans the rhyme the scheme calls for', () => {
    expect(result.plan).toMatchObject({ expectedScheme: 'ABAB', rhymeWithLine: 4, targetSyllables: 8 });
  });

  it('proposes lines that really rhyme and land within one syllable', () => {
    expect(result.lines.length).toBeGreaterThanOrEqual(3);
    const target = analyzeLine('I hear the trains beyond the night', lexicon);
    for (const line of result.lines) {
      const rhyme = compareLines(target, analyzeLine(line.text, lexicon));
      expect(['perfect', 'slant', 'multisyllabic']).toContain(rhyme.type);
      expect(rhyme.strength).toBeGreaterThanOrEqual(0.6);
      expect(Math.abs(analyzeLine(line.text, lexicon).syllables - 8)).toBeLessThanOrEqual(1);
      expect(line.why.rhymesWith?.line).toBe(4);
      expect(explainSuggestion(line)).toMatch(/^rhymes with \u201c.*night\u201d \((perfect|slant|multisyllabic)\), \d+ syllables/);
    }
  });

  it('keeps its promises for any seed', () => {
    const target = analyzeLine('I hear the trains beyond the night', lexicon);
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        for (const line of suggestLines(VERSE, lexicon, { seed, count: 3 }).lines) {
          expect(compareLines(target, analyzeLine(line.text, lexicon)).strength).toBeGreaterThanOrEqual(0.6);
          expect(Math.abs(analyzeLine(line.text, lexicon).syllables - 8)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 5 },
    );
  });

  it('offers endings that rhyme, best first, without repeating the target word', () => {
    expect(result.endings.length).toBeGreaterThan(5);
    expect(result.endings.map((ending) => ending.ending)).not.toContain('night');
    expect(result.endings[0]?.rhyme?.type).toBe('perfect');
    const perfect = result.endings.filter((ending) => ending.rhyme?.type === 'perfect').map((ending) => ending.ending);
    expect(perfect.some((word) => ['light', 'bright', 'sight', 'tonight', 'white', 'flight'].includes(word))).toBe(true);
  });

  it('is deterministic for a seed', () => {
    expect(suggestLines(VERSE, lexicon, { seed: 3 })).toEqual(result);
    const other = suggestLines(VERSE, lexicon, { seed: 4 });
    expect(other.plan).toEqual(result.plan);
  });

  it("prefers the writer's own words", () => {
    const profile = observeSong(emptyStyleProfile(), analyzeSong('Kite in the sky, I fly my kite\nKite on a string, my kite is white\nKite in my dreams, my kite tonight', lexicon), lexicon);
    const withProfile = suggestLines(VERSE, lexicon, { seed: 3, profile });
    expect(withProfile.endings.slice(0, 3).map((ending) => ending.ending)).toContain('kite');
    expect(withProfile.lines.some((line) => line.why.ownWords.includes('kite'))).toBe(true);
  });

  it('writes an opening line of the asked length without a rhyme target', () => {
    const opening = suggestLines('', lexicon, { seed: 9, targetSyllables: 7 });
    expect(opening.plan.rhymeWithLine).toBeUndefined();
    expect(opening.lines.length).toBeGreaterThan(0);
    for (const line of opening.lines) expect(Math.abs(line.syllables - 7)).toBeLessThanOrEqual(1);
  });

  it('offers two-word multisyllabic endings without echoing the target', () => {
    const rain = suggestLines('I keep on running through the cold rain', lexicon, { seed: 2 });
    const pairs = rain.endings.filter((ending) => ending.ending.split(' ').length === 3 && ending.rhyme?.type === 'multisyllabic');
    expect(pairs.length).toBeGreaterThan(2);
    for (const pair of pairs) {
      expect(pair.ending).not.toMatch(/\bcold\b/);
      expect(pair.rhyme?.strength).toBeGreaterThanOrEqual(0.75);
    }
  });

  it('works the same way from the compact thesaurus the app downloads', () => {
    const vocabulary = [...(base.frequencies ?? new Map())].sort((a, b) => b[1] - a[1]).slice(0, 4000).map(([word]) => word);
    const compact = createLexicon({ ...base, thesaurus: decodeThesaurus(encodeThesaurus(wordnet, vocabulary)) });
    const offline = suggestLines(VERSE, compact, { seed: 3 });
    expect(offline.lines.length).toBeGreaterThanOrEqual(3);
    const target = analyzeLine('I hear the trains beyond the night', compact);
    for (const line of offline.lines) {
      expect(compareLines(target, analyzeLine(line.text, compact)).strength).toBeGreaterThanOrEqual(0.6);
      expect(Math.abs(line.syllables - 8)).toBeLessThanOrEqual(1);
    }
  });

  it('never throws on odd input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer(), (text, seed) => {
        const suggestions = suggestLines(text, lexicon, { seed, count: 2 });
        expect(suggestions.lines.length).toBeLessThanOrEqual(2);
      }),
      { numRuns: 8 },
    );
  });
});
