import { describe, expect, it } from 'vitest';
import { NoteDivision, NoteModifier, noteDurationSeconds } from './tempo-sync.ts';

describe('noteDurationSeconds', () => {
  it('gives musician-known values at 120 bpm', () => {
    expect(noteDurationSeconds(120, NoteDivision.quarter)).toBeCloseTo(0.5, 12);
    expect(noteDurationSeconds(120, NoteDivision.eighth, NoteModifier.dotted)).toBeCloseTo(0.375, 12);
    expect(noteDurationSeconds(120, NoteDivision.eighth, NoteModifier.triplet)).toBeCloseTo(1 / 6, 12);
    expect(noteDurationSeconds(120, NoteDivision.whole)).toBeCloseTo(2, 12);
  });

  it('halves when the tempo doubles', () => {
    expect(noteDurationSeconds(140, NoteDivision.sixteenth) / noteDurationSeconds(70, NoteDivision.sixteenth)).toBeCloseTo(0.5, 12);
  });
});
