import { describe, expect, it } from 'vitest';
import { fullLexicon } from '../../../shared/lyrics/testing/full-lexicon.ts';
import { createLyricsEngine, padLines } from './lyrics-engine.ts';

const VERSE = ['[Verse 1]', 'I walk alone beneath the city light', 'the engine hums a promise to the road', 'we chase the echo somewhere through the night', 'and every mile is heavy with the load'].join('\n');

describe('lyrics engine (worker side)', () => {
  it('gives per-line syllables, scheme letters and shared families for rhyming lines', () => {
    const lines = padLines(VERSE, fullLexicon());
    expect(lines.map((line) => line.sourceLine)).toEqual([1, 2, 3, 4]);
    expect(lines.map((line) => line.syllables)).toEqual([10, 10, 10, 10]);
    expect(lines.map((line) => line.schemeLetter).join('')).toBe('ABAB');
    expect(lines[0]?.family).toBe(lines[2]?.family);
    expect(lines[1]?.family).toBe(lines[3]?.family);
    expect(lines[0]?.family).not.toBe(lines[1]?.family);
    const first = VERSE.split('\n')[1]!;
    expect(first.slice(lines[0]!.endWord!.start, lines[0]!.endWord!.end)).toBe('light');
  });

  it('leaves lines that rhyme with nothing uncoloured', () => {
    const [line] = padLines('just one lonely line', fullLexicon());
    expect(line).toMatchObject({ schemeLetter: '', family: null, endWord: null });
  });

  it('answers requests by id, rhymes grouped by type', () => {
    const answer = createLyricsEngine(fullLexicon());
    const rhymes = answer({ type: 'rhymes', id: 7, word: 'night' });
    expect(rhymes.type).toBe('rhymes');
    if (rhymes.type !== 'rhymes') return;
    expect(rhymes.id).toBe(7);
    const perfect = rhymes.groups.find((group) => group.type === 'perfect');
    expect(perfect?.bySyllables.flatMap((bucket) => bucket.words)).toContain('light');
  });

  it('suggests lines for the caret line', () => {
    const answer = createLyricsEngine(fullLexicon());
    const response = answer({ type: 'suggest', id: 1, text: `${VERSE}\n`, caretLine: 5, seed: 1 });
    expect(response.type).toBe('suggestions');
    if (response.type !== 'suggestions') return;
    expect(response.suggestions.length).toBeGreaterThan(0);
    expect(response.targetSyllables).toBeGreaterThan(5);
  });
});
