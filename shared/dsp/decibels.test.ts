import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dbToGain, gainToDb, powerToDb } from './decibels.ts';

describe('decibels', () => {
  it('round-trips dB through gain', () => {
    fc.assert(
      fc.property(fc.double({ min: -200, max: 60, noNaN: true }), (db) => {
        expect(gainToDb(dbToGain(db))).toBeCloseTo(db, 9);
      }),
    );
  });

  it('knows the reference points', () => {
    expect(dbToGain(-6.0206)).toBeCloseTo(0.5, 4);
    expect(powerToDb(0.5)).toBeCloseTo(-3.0103, 4);
    expect(gainToDb(0)).toBe(-Infinity);
  });
});
