import { describe, expect, it } from 'vitest';
import { HARD_TAGS, isHard, loadCorpus, parseCorpusFile, Register, StanzaForm } from './eval-lyrics/corpus.ts';
import { engineRhymes, selectHeldOut } from './eval-lyrics/held-out.ts';
import { accuracyByGroup, baselineScheme, canonicalScheme, countPairs, lastWord, schemesMatch } from './eval-lyrics/schemes.ts';

describe('lyrics corpus', () => {
  const corpus = loadCorpus();

  it('has at least 300 stanzas, one scheme letter per lyric line', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    for (const stanza of corpus) expect(stanza.scheme.length, stanza.source).toBe(stanza.lines.length);
  });

  it('covers every form and register', () => {
    expect(new Set(corpus.map((stanza) => stanza.form))).toEqual(new Set(Object.values(StanzaForm)));
    expect(new Set(corpus.map((stanza) => stanza.register))).toEqual(new Set(Object.values(Register)));
  });

  it('builds at least a third of its stanzas on slant, multisyllabic or internal rhyme or slang', () => {
    expect(corpus.filter(isHard).length).toBeGreaterThanOrEqual(corpus.length / 3);
    expect(HARD_TAGS).toContain('slang');
  });

  it('annotates forms consistently with their schemes', () => {
    for (const stanza of corpus) {
      const scheme = canonicalScheme(stanza.scheme);
      if (stanza.form === 'limerick') expect(scheme, stanza.source).toBe('AABBA');
      if (stanza.form === 'sonnet') expect(scheme.length, stanza.source).toBe(14);
      if (stanza.form === 'long') expect(scheme.length, stanza.source).toBeGreaterThanOrEqual(6);
      if (stanza.form === 'monorhyme') expect(new Set(scheme).size, stanza.source).toBe(1);
    }
  });

  it('rejects a scheme whose length does not match the lines', () => {
    expect(() => parseCorpusFile('@ ABAB alternate\none\ntwo\nthree\n', 'pop.txt')).toThrow(/3 lines/);
    expect(() => parseCorpusFile('@ AA sonnetish\none\ntwo\n', 'pop.txt')).toThrow(/unknown form/);
  });
});

describe('evaluation functions', () => {
  const tiny = new Map<string, string[][]>([
    ['night', [['N', 'AY1', 'T']]],
    ['light', [['L', 'AY1', 'T']]],
    ['delight', [['D', 'IH0', 'L', 'AY1', 'T']]],
    ['day', [['D', 'EY1']]],
    ['away', [['AH0', 'W', 'EY1']]],
    ['time', [['T', 'AY1', 'M']]],
  ]);
  const lookup = (word: string) => tiny.get(word);

  it('relabels schemes canonically, primes included', () => {
    expect(canonicalScheme('BBAC')).toBe('AABC');
    expect(canonicalScheme("Z'AZ'")).toBe('ABA');
    expect(schemesMatch('CDCD', 'ABAB')).toBe(true);
    expect(schemesMatch('AABB', 'ABAB')).toBe(false);
  });

  it('baseline: perfect rhymes on the last word only, unknown words never rhyme', () => {
    expect(lastWord('Into the night!')).toBe('night');
    expect(baselineScheme(['all night', 'the day', 'such light,', 'away'], lookup)).toBe('ABAB');
    expect(baselineScheme(['night', 'delight', 'time', 'zzyzx', 'zzyzx'], lookup)).toBe('AABCD');
  });

  it('computes accuracy and pair counts on a hand-made example', () => {
    const rows = [
      { form: 'alternate', truth: 'ABAB', guess: 'ABAB' },
      { form: 'alternate', truth: 'ABAB', guess: 'ABCB' },
      { form: 'couplets', truth: 'AABB', guess: 'BBAA' },
    ];
    const byForm = accuracyByGroup(rows, (row) => row.form, (row) => schemesMatch(row.guess, row.truth));
    expect(byForm.get('alternate')).toEqual({ count: 2, correct: 1 });
    expect(byForm.get('couplets')).toEqual({ count: 1, correct: 1 });
    expect(countPairs('ABCB', 'ABAB', { truePositives: 0, falsePositives: 0, falseNegatives: 0 })).toEqual({ truePositives: 1, falsePositives: 0, falseNegatives: 1 });
    expect(countPairs('AAAA', 'AABB', { truePositives: 0, falsePositives: 0, falseNegatives: 0 })).toEqual({ truePositives: 2, falsePositives: 4, falseNegatives: 0 });
  });

  it('holds out every n-th word and judges rhymes like the scheme does', () => {
    expect(selectHeldOut(['a', 'b', 'c', 'd', 'e', 'f'], 5, 2)).toEqual({ heldOut: ['b', 'd'], kept: ['a', 'c', 'e'] });
    expect(engineRhymes([['N', 'AY1', 'T']], [['L', 'AY1', 'T']])).toBe(true);
    expect(engineRhymes([['N', 'AY1', 'T']], [['D', 'EY1']])).toBe(false);
  });
});
