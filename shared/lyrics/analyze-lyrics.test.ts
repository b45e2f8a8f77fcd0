import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeLyrics } from './analyze-lyrics.ts';
import { fullLexicon } from './testing/full-lexicon.ts';

const lexicon = fullLexicon();

const SONG = `[Verse 1]
The city sleeps beneath the rain
I walk alone without a sound
The neon hums a soft refrain
My shadow follows to the ground

[Chorus]
Hold on, hold on, the night is young
We burn it bright till it is done

[Verse 2]
I kept the letters in a box
I never turned the rusty locks

[Chorus]
Hold on, hold on, the night is young
We burn it bright till it is done`;

describe('analyzeLyrics', () => {
  const analysis = analyzeLyrics(SONG, lexicon, { bpm: 92 });

  it('returns exactly the public shape', () => {
    expect(Object.keys(analysis).sort()).toEqual(['cadence', 'emotionalTone', 'lines', 'stanzas', 'structure', 'vocabulary']);
    expect(Object.keys(analysis.lines[0] ?? {}).sort()).toEqual(['rhymeKey', 'stress', 'syllables', 'text']);
    expect(Object.keys(analysis.stanzas[0] ?? {}).sort()).toEqual(['scheme', 'startLine']);
  });

  it('analyses lines, stanzas and structure together', () => {
    expect(analysis.lines).toHaveLength(10);
    expect(analysis.lines[0]).toEqual({ text: 'The city sleeps beneath the rain', syllables: 8, stress: '01010101', rhymeKey: 'EY N' });
    expect(analysis.stanzas).toEqual([
      { startLine: 0, scheme: 'ABAB' },
      { startLine: 4, scheme: 'AA' },
      { startLine: 6, scheme: 'AA' },
      { startLine: 8, scheme: 'AA' },
    ]);
    expect(analysis.structure.order).toEqual(['verse', 'chorus', 'verse', 'chorus']);
    expect(analysis.cadence.tempo?.bpm).toBe(92);
    expect(analysis.cadence.meter).toBe('iambic');
    expect(analysis.emotionalTone.lines).toHaveLength(10);
    expect(analysis.vocabulary.totalWords).toBeGreaterThan(50);
  });

  it('is plain JSON and deterministic', () => {
    expect(JSON.parse(JSON.stringify(analysis))).toEqual(analysis);
    expect(analyzeLyrics(SONG, lexicon, { bpm: 92 })).toEqual(analysis);
  });

  it('never throws and keeps schemes aligned with stanzas, for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = analyzeLyrics(text, lexicon);
        const covered = result.stanzas.reduce((total, stanza) => total + stanza.scheme.replace(/'/g, '').length, 0);
        expect(covered).toBe(result.lines.length);
      }),
      { numRuns: 200 },
    );
  });
});
