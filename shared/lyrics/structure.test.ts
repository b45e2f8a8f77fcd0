import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSheet } from './stanzas.ts';
import { analyzeStructure } from './structure.ts';

const CHORUS = 'Hold on, hold on\nThe night is young\nHold on, hold on\nWe are not done';

describe('analyzeStructure', () => {
  it('reads sections from headers and numbers verses', () => {
    const structure = analyzeStructure(splitSheet(`[Verse 1]\nFirst line here\nSecond line here\n\n[Chorus]\n${CHORUS}\n\n[Verse 2]\nThird line here\n\n[Chorus]\n${CHORUS}\n\n[Bridge]\nSomething new\n\n[Chorus]\n${CHORUS}`));
    expect(structure.order).toEqual(['verse', 'chorus', 'verse', 'chorus', 'bridge', 'chorus']);
    expect(structure.sections.filter((section) => section.kind === 'verse').map((section) => section.number)).toEqual([1, 2]);
    expect(structure.form).toBe('ABABCB');
  });

  it('finds the chorus from repetition when nothing is labelled', () => {
    const structure = analyzeStructure(splitSheet(`Woke up early on a Monday\nCoffee cold and skies are grey\n\n${CHORUS}\n\nTook the long way to the station\nMissed the train and missed the day\n\n${CHORUS}`));
    expect(structure.order).toEqual(['verse', 'chorus', 'verse', 'chorus']);
    expect(structure.sections.map((section) => section.evidence)).toEqual(['default', 'repetition', 'default', 'repetition']);
    expect(structure.repeatedLines[0]).toMatchObject({ text: 'Hold on, hold on', lines: [2, 4, 8, 10] });
  });

  it('gives an unlabelled repeat the kind of the labelled stanza it repeats, and continues labelled verses', () => {
    const structure = analyzeStructure(splitSheet(`[Hook]\n${CHORUS}\n\n[Verse]\nLine one\n\nLine two\n\n${CHORUS}`));
    expect(structure.order).toEqual(['hook', 'verse', 'hook']);
    expect(structure.sections[1]).toMatchObject({ startLine: 4, endLine: 6 });
  });

  it('never throws and covers every lyric line exactly once', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'la la', '', '[Chorus]', 'Verse 2:', 'x y z'), { maxLength: 30 }), (lines) => {
        const sheet = splitSheet(lines.join('\n'));
        const structure = analyzeStructure(sheet);
        const covered = structure.sections.reduce((total, section) => total + section.endLine - section.startLine, 0);
        expect(covered).toBe(sheet.lines.length);
      }),
    );
  });
});
