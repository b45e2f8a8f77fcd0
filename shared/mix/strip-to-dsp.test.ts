import { describe, expect, it } from 'vitest';
import { defaultChannelStrip } from './channel-strip.ts';
import { delayInsertSchema, mixSettingsSchema, reverbInsertSchema } from './mix-entities.ts';
import { compressorParameters, delayParameters, eqParameters, limiterParameters, reverbParameters } from './strip-to-dsp.ts';

describe('strip-to-dsp', () => {
  it('flattens the EQ when it is bypassed', () => {
    const strip = { ...defaultChannelStrip(), eqEnabled: false, eqLowGainDb: 6, eqMidGainDb: -3, eqHighGainDb: 2 };
    const parameters = eqParameters(strip);
    expect([parameters.lowGainDb, parameters.midGainDb, parameters.highGainDb]).toEqual([0, 0, 0]);
  });

  it('passes compressor and limiter settings through', () => {
    const strip = { ...defaultChannelStrip(), compressorThresholdDb: -30, compressorRatio: 8, limiterCeilingDb: -2 };
    expect(compressorParameters(strip)).toMatchObject({ thresholdDb: -30, ratio: 8 });
    expect(limiterParameters(strip).ceilingDb).toBe(-2);
  });

  it('derives a tempo-synced delay time from the project tempo', () => {
    const insert = delayInsertSchema.parse({ id: 'd', ownerId: 'master', kind: 'delay', division: '1/8', modifier: 'dotted', tempoSync: true });
    expect(delayParameters(insert, mixSettingsSchema.parse({ tempoBpm: 120 })).timeSeconds).toBeCloseTo(0.375, 12);
    expect(delayParameters({ ...insert, tempoSync: false, timeSeconds: 0.2 }, mixSettingsSchema.parse({})).timeSeconds).toBe(0.2);
  });

  it('mutes a disabled effect by setting its mix to 0', () => {
    const insert = reverbInsertSchema.parse({ id: 'r', ownerId: 'master', kind: 'reverb', enabled: false });
    expect(reverbParameters(insert).mix).toBe(0);
  });
});
