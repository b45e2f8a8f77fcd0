import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { channelStripSchema, defaultChannelStrip } from './channel-strip.ts';
import { parameterRanges } from './parameter-ranges.ts';

const rangedFields = Object.keys(parameterRanges).filter((name) => name in channelStripSchema.shape) as Array<keyof typeof parameterRanges>;

describe('channelStripSchema', () => {
  it('gives defaults for an empty record', () => {
    const strip = defaultChannelStrip();
    expect(strip.faderDb).toBe(0);
    expect(strip.pan).toBe(0);
    expect(strip.compressorEnabled).toBe(false);
    expect(strip.compressorSidechainId).toBe('');
  });

  it('turns any record into a valid strip: every number within its range, never throwing', () => {
    const anyValues = fc.dictionary(fc.constantFrom(...Object.keys(channelStripSchema.shape)), fc.oneof(fc.anything(), fc.double()));
    fc.assert(
      fc.property(anyValues, (input) => {
        const strip = channelStripSchema.parse(input);
        for (const field of rangedFields) {
          const value = strip[field as keyof typeof strip] as number;
          expect(value).toBeGreaterThanOrEqual(parameterRanges[field].min);
          expect(value).toBeLessThanOrEqual(parameterRanges[field].max);
        }
      }),
    );
  });

  it('is flat: every value is a primitive, so it maps onto one Y.Map', () => {
    for (const value of Object.values(defaultChannelStrip())) expect(['string', 'number', 'boolean']).toContain(typeof value);
  });

  it('clamps out-of-range values and keeps in-range ones', () => {
    const strip = channelStripSchema.parse({ faderDb: 40, pan: -3, eqMidQ: 2.5, compressorRatio: Number.NaN });
    expect(strip.faderDb).toBe(12);
    expect(strip.pan).toBe(-1);
    expect(strip.eqMidQ).toBe(2.5);
    expect(strip.compressorRatio).toBe(parameterRanges.compressorRatio.default);
  });
});
