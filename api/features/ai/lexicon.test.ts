import { describe, expect, it } from 'vitest';
import { THESAURUS_INDEX_HEADER } from '../../../shared/lyrics/thesaurus-index.ts';
import { compileCmuDictionary } from '../../../scripts/build-pronunciations.ts';
import { lazyLyricsEngine } from './lexicon.ts';
import type { LexiconTexts } from './lexicon-texts.ts';

const TINY: LexiconTexts = {
  pronunciations: compileCmuDictionary({ night: 'N AY1 T', light: 'L AY1 T', fight: 'F AY1 T' }),
  thesaurus: `${THESAURUS_INDEX_HEADER}\nnight light\nn|-|1.5.n\nnv|t|0.5.n\n`,
};

describe('lazy lyrics engine', () => {
  it('builds once, however many requests arrive before it is ready', async () => {
    let builds = 0;
    const source = lazyLyricsEngine(async () => {
      builds += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return TINY;
    });
    expect(builds).toBe(0); // nothing happens until the first use
    const engines = await Promise.all([source(), source(), source()]);
    expect(builds).toBe(1);
    expect(new Set(engines).size).toBe(1);
    expect(await source()).toBe(engines[0]);
    expect(engines[0]!.lexicon.pronounce('light').source).toBe('dictionary');
    expect(engines[0]!.lexicon.thesaurus?.related('night').get('light')).toBe(0.5);
  });

  it('retries after a failed build instead of failing forever', async () => {
    let attempts = 0;
    const source = lazyLyricsEngine(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('disk on fire');
      return TINY;
    });
    await expect(source()).rejects.toThrow('disk on fire');
    await expect(source()).resolves.toMatchObject({ lexicon: expect.any(Object) });
    expect(attempts).toBe(2);
  });
});
