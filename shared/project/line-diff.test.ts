import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyLineDiff, diffLines } from './line-diff.ts';

const lyric = fc.array(fc.constantFrom('[Chorus]', 'city lights', 'calling me', 'home tonight', '', 'la la la', 'drive'), { maxLength: 40 }).map((lines) => lines.join('\n'));

describe('diffLines', () => {
  it('marks a changed line as removed then added, keeping the rest', () => {
    const changes = diffLines('[Verse]\ncity lights\ncalling me', '[Verse]\ncity nights\ncalling me');
    expect(changes.map((c) => c.kind)).toEqual(['same', 'removed', 'added', 'same']);
    expect(changes[1]).toMatchObject({ line: 'city lights', oldIndex: 1 });
    expect(changes[2]).toMatchObject({ line: 'city nights', newIndex: 1 });
  });

  it('handles empty texts', () => {
    expect(diffLines('', '')).toEqual([]);
    expect(diffLines('', 'a\nb').map((c) => c.kind)).toEqual(['added', 'added']);
    expect(diffLines('a', '').map((c) => c.kind)).toEqual(['removed']);
  });

  it('always rebuilds the new text and keeps the old text as its same+removed lines (property)', () => {
    fc.assert(
      fc.property(lyric, lyric, (oldText, newText) => {
        const changes = diffLines(oldText, newText);
        expect(applyLineDiff(changes)).toBe(newText);
        const oldLines = changes.filter((c) => c.kind !== 'added').map((c) => c.line).join('\n');
        expect(oldLines).toBe(oldText);
      }),
      { numRuns: 300 },
    );
  });

  it('is minimal: the number of unchanged lines is the longest common subsequence', () => {
    const changes = diffLines('a\nb\nc\nd\ne', 'a\nc\nx\nd\ne\nf');
    expect(changes.filter((c) => c.kind === 'same').map((c) => c.line)).toEqual(['a', 'c', 'd', 'e']);
  });
});
