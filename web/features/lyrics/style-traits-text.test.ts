import { describe, expect, it } from 'vitest';
import { STYLE_TRAIT_KEYS, STYLE_TRAIT_LEVELS, type StyleTrait } from '../../../shared/schemas/ai.ts';
import { describeTrait } from './style-traits-text.ts';

const t = (id: string, values?: Record<string, unknown>) => (values ? `${id} ${JSON.stringify(values)}` : id);
const format = { number: (value: number) => value.toFixed(1), percent: (share: number) => `${Math.round(share * 100)}%` };

describe('style traits in words', () => {
  it('words every level the API gives each trait, with the number behind it', () => {
    expect(describeTrait(t, format, { key: 'lineLength', level: 'long', value: 12.94 })).toBe('ai.trait.lineLength.long {"value":"12.9","share":"1294%","detail":""}');
    expect(describeTrait(t, format, { key: 'rhymeHabit', level: 'favourite', value: 0.62, detail: 'slant' })).toContain('"share":"62%","detail":"ai.rhymeType.slant"');
  });

  it('shows schemes and forms as letters, names meters and emotions through the catalogs', () => {
    expect(describeTrait(t, format, { key: 'scheme', level: 'favourite', value: 0.5, detail: 'ABAB' })).toContain('"detail":"ABAB"');
    expect(describeTrait(t, format, { key: 'form', level: 'favourite', value: 0.5, detail: 'ABABCB' })).toContain('"detail":"ABABCB"');
    expect(describeTrait(t, format, { key: 'emotion', level: 'favourite', value: 0.4, detail: 'love' })).toContain('"detail":"ai.emotion.love"');
    expect(describeTrait(t, format, { key: 'rhythm', level: 'strict', value: 0.9, detail: 'iambic' })).toMatch(/^ai\.trait\.rhythm\.strict .* ai\.trait\.rhythm\.meter \{"meter":"ai\.meter\.iambic"\}$/);
    expect(describeTrait(t, format, { key: 'rhythm', level: 'loose', value: 0.3 })).not.toContain('meter');
  });

  it('has a sentence for each level the server’s describeStyle can give, and skips what it does not know', () => {
    const given: Array<[StyleTrait['key'], StyleTrait['level'][]]> = [
      ['lineLength', ['short', 'medium', 'long']],
      ['lengthVariation', ['steady', 'varied']],
      ['rhythm', ['loose', 'regular', 'strict']],
      ['rhymeHabit', ['favourite']],
      ['internalRhyme', ['rare', 'some', 'dense']],
      ['scheme', ['favourite']],
      ['mood', ['dark', 'neutral', 'bright']],
      ['emotion', ['favourite']],
      ['language', ['clean', 'some', 'explicit']],
      ['slang', ['standard', 'some', 'heavy']],
      ['form', ['favourite']],
    ];
    expect(given.map(([key]) => key).sort()).toEqual([...STYLE_TRAIT_KEYS].sort());
    for (const [key, levels] of given) for (const level of levels) expect(describeTrait(t, format, { key, level, value: 1 }), `${key}.${level}`).toMatch(new RegExp(`^ai\\.trait\\.${key}\\.${level}`));
    expect(STYLE_TRAIT_LEVELS).toContain('dark');
    expect(describeTrait(t, format, { key: 'mood', level: 'favourite', value: 1 })).toBeNull();
  });
});
