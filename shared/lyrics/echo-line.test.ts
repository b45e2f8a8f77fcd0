import { describe, expect, it } from 'vitest';
import { echoLine } from './echo-line.ts';
import { createLexicon } from './lexicon.ts';
import { analyzeLine } from './syllables.ts';
import { cmuIndex } from './testing/cmu-index.ts';

const lexicon = createLexicon({ pronunciations: cmuIndex() });

describe('echoLine', () => {
  it("keeps the writer's skeleton, swaps one word and ends on the new rhyme", () => {
    const source = analyzeLine('My shadow follows to the ground,', lexicon);
    const text = echoLine(source, 'light', (word) => (word.token.word === 'shadow' ? 'lover' : undefined), (positions) => positions[0] as number);
    expect(text).toBe('My lover follows to the light');
  });

  it('keeps capitals and gives up when nothing can be swapped', () => {
    const source = analyzeLine('Shadows in the rain', lexicon);
    expect(echoLine(source, 'pain', () => 'whispers', (positions) => positions[0] as number)).toBe('Whispers in the pain');
    expect(echoLine(source, 'pain', () => undefined, (positions) => positions[0] as number)).toBeUndefined();
    expect(echoLine(analyzeLine('Oh no', lexicon), 'go', () => 'x', () => 0)).toBeUndefined();
  });
});
