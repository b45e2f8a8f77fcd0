import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeCadence } from './cadence.ts';
import { createLexicon } from './lexicon.ts';
import { bestMeter } from './meter.ts';
import { analyzeLine } from './syllables.ts';
import { cmuIndex } from './testing/cmu-index.ts';

const lexicon = createLexicon({ pronunciations: cmuIndex() });
const lines = (text: string) => text.split('\n').map((line) => analyzeLine(line, lexicon));

describe('analyzeCadence', () => {
  it('finds the iambic beat of a regular stanza and its line lengths', () => {
    const cadence = analyzeCadence(lines('The woods are lovely, dark and deep\nAnd miles to go before I sleep\nThe night is long, the road is wide\nI walk alone with you beside'));
    expect(cadence.meter).toBe('iambic');
    expect(cadence.stressRegularity).toBeGreaterThan(0.85);
    expect(cadence.lineLengthDistribution).toEqual({ 8: 4 });
    expect(cadence.lengthConsistency).toBe(1);
    expect(cadence.tempo).toBeUndefined();
  });

  it('is less regular for prose', () => {
    const verse = analyzeCadence(lines('The woods are lovely, dark and deep\nAnd miles to go before I sleep'));
    const prose = analyzeCadence(lines('Unfortunately the documentation remained incomplete\nRegistration opens tomorrow at the municipal library'));
    expect(prose.stressRegularity).toBeLessThan(verse.stressRegularity - 0.1);
  });

  it('turns a BPM into syllables per beat, bar and second', () => {
    const cadence = analyzeCadence([{ syllables: 16, stress: '1'.repeat(16) }, { syllables: 8, stress: '1'.repeat(8) }], { bpm: 90 });
    expect(cadence.tempo).toMatchObject({ syllablesPerBar: 12, syllablesPerBeat: 3, syllablesPerSecond: 4.5, secondsPerLine: 2.667, density: 'busy', lineSyllablesPerBeat: [4, 2] });
  });

  it('names a meter for a trochaic line', () => {
    expect(bestMeter('10101010').meter).toBe('trochaic');
    expect(bestMeter('100100100').meter).toBe('dactylic');
  });

  it('never produces NaN, whatever the lines and tempo', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[012]{0,20}$/).map((stress) => ({ syllables: stress.length, stress }))),
        fc.option(fc.double({ noNaN: false }), { nil: undefined }),
        (input, bpm) => {
          const cadence = analyzeCadence(input, bpm === undefined ? {} : { bpm });
          expect(JSON.stringify(cadence)).not.toMatch(/null|NaN/);
        },
      ),
    );
  });
});
