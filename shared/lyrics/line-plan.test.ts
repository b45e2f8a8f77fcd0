import { describe, expect, it } from 'vitest';
import { analyzeSong } from './analyze-song.ts';
import { planLine } from './line-plan.ts';
import { fullLexicon } from './testing/full-lexicon.ts';

const lexicon = fullLexicon();
const ABAB = `The city sleeps beneath the rain
I walk alone without a sound
The neon hums a soft refrain
My shadow follows to the ground`;

describe('planLine', () => {
  it('follows the previous stanza scheme in a new stanza', () => {
    const song = analyzeSong(`${ABAB}\n\nI hear the trains beyond the hill\nThe empty station holds its breath`, lexicon);
    expect(planLine(song)).toMatchObject({ stanzaStart: 4, positionInStanza: 2, expectedScheme: 'ABAB', rhymeWithLine: 4, targetSyllables: 8 });
    expect(planLine(analyzeSong(`${ABAB}\n\nI hear the trains beyond the hill\nThe empty station holds its breath\nThe night is cold and very still`, lexicon))).toMatchObject({ rhymeWithLine: 5 });
  });

  it('defaults to couplets and rhymes with an unpaired line', () => {
    const song = analyzeSong('I kept the letters in a box\nI never turned the rusty locks\nThe summer left without a word', lexicon);
    expect(planLine(song)).toMatchObject({ expectedScheme: 'AABB', rhymeWithLine: 2, targetSyllables: 8 });
    expect(planLine(analyzeSong('I kept the letters in a box', lexicon))).toMatchObject({ rhymeWithLine: 0 });
  });

  it('plans a rewrite of an existing line from the lines around it', () => {
    const song = analyzeSong(ABAB, lexicon);
    expect(planLine(song, { lineIndex: 0 })).toMatchObject({ positionInStanza: 0, rhymeWithLine: 2 });
  });

  it('uses the writer habit for a first line', () => {
    expect(planLine(analyzeSong('', lexicon), { usualSyllables: 12.4 })).toMatchObject({ targetSyllables: 12 });
    expect(planLine(analyzeSong('', lexicon)).rhymeWithLine).toBeUndefined();
  });
});
