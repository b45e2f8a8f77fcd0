import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifySheet } from './line-kinds.ts';

describe('classifySheet', () => {
  it('recognises the usual ways of writing section headers', () => {
    const sheet = classifySheet('[Chorus]\n(Hook x2)\nVerse 2: Kay\nPRE-CHORUS\n[Produced by Someone]\n\nBridge over the water\n(yeah)');
    expect(sheet.map((line) => (line.kind === 'header' ? `${line.section}${line.number ?? ''}` : line.kind))).toEqual([
      'chorus', 'hook', 'verse2', 'pre-chorus', 'other', 'blank', 'lyric', 'lyric',
    ]);
  });

  it('keeps one entry per source line for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(classifySheet(text)).toHaveLength(text.split(/\r\n|\r|\n/).length);
      }),
    );
  });
});
