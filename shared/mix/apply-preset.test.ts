import { describe, expect, it } from 'vitest';
import { ChannelStripPresetParameters, MasteringPresetParameters } from '../schemas/plugins.ts';
import {
  channelStripPresetFields,
  channelStripPresetFromStrip,
  masteringPresetFields,
  masteringPresetFromMaster,
  presetSendSettings,
  silentSendDb,
  withPresetFields,
} from './apply-preset.ts';
import { defaultChannelStrip } from './channel-strip.ts';
import { masterSchema, trackSchema } from './mix-entities.ts';

const eq = { enabled: true, lowFrequency: 90, lowGainDb: 2, midFrequency: 2500, midGainDb: -1.5, midQ: 1.2, highFrequency: 10000, highGainDb: 3 };
const compressor = { enabled: true, thresholdDb: -20, ratio: 3, kneeDb: 6, attackMs: 5, releaseMs: 150, makeupGainDb: 2 };
const vocal = ChannelStripPresetParameters.parse({ inputGainDb: -2, eq, compressor, sends: [{ target: 'reverb', levelDb: -14 }] });
const master = MasteringPresetParameters.parse({ eq, compressor, limiter: { enabled: true, ceilingDb: -1, releaseMs: 60 }, targetLufs: -9 });

describe('applying a preset to a strip', () => {
  it('sets the EQ, compressor and input gain exactly, and leaves fader, pan, mute and solo alone', () => {
    const strip = trackSchema.parse({ id: 'bass', faderDb: -6, pan: 0.3, mute: true, eqHighGainDb: -9, compressorEnabled: false });
    const applied = withPresetFields(strip, channelStripPresetFields(vocal));
    expect(applied).toMatchObject({
      inputGainDb: -2,
      eqEnabled: true, eqLowFrequency: 90, eqLowGainDb: 2, eqMidFrequency: 2500, eqMidGainDb: -1.5, eqMidQ: 1.2, eqHighFrequency: 10000, eqHighGainDb: 3,
      compressorEnabled: true, compressorThresholdDb: -20, compressorRatio: 3, compressorKneeDb: 6, compressorAttackMs: 5, compressorReleaseMs: 150, compressorMakeupGainDb: 2,
      faderDb: -6, pan: 0.3, mute: true, solo: false, id: 'bass',
    });
    // What a preset sets is a valid strip: parsing it again changes nothing.
    expect(trackSchema.parse(applied)).toEqual(applied);
  });

  it('resolves sends to the mix’s effect returns by role, silencing the ones the preset does not name', () => {
    expect(presetSendSettings(vocal.sends, { reverb: 'bus-reverb', delay: 'bus-delay' })).toEqual([
      { target: 'reverb', targetBusId: 'bus-reverb', levelDb: -14, preFader: false },
      { target: 'delay', targetBusId: 'bus-delay', levelDb: silentSendDb, preFader: false },
    ]);
    // A mix without a delay return just gets the reverb send.
    expect(presetSendSettings(vocal.sends, { reverb: 'verb' })).toEqual([{ target: 'reverb', targetBusId: 'verb', levelDb: -14, preFader: false }]);
  });

  it('puts a mastering chain on the master, limiter included', () => {
    const applied = withPresetFields(masterSchema.parse({}), masteringPresetFields(master));
    expect(applied).toMatchObject({ eqLowGainDb: 2, compressorRatio: 3, limiterEnabled: true, limiterCeilingDb: -1, limiterReleaseMs: 60 });
  });

  it('saves a strip as a preset that applies back to the same values (and passes the catalogue’s strict check)', () => {
    const strip = withPresetFields(defaultChannelStrip(), channelStripPresetFields(vocal));
    const saved = channelStripPresetFromStrip(strip, { reverb: { levelDb: -14, preFader: false }, delay: { levelDb: silentSendDb, preFader: false } });
    expect(ChannelStripPresetParameters.parse(saved)).toEqual(vocal);
    expect(withPresetFields(defaultChannelStrip(), channelStripPresetFields(saved))).toEqual(strip);
    const mastering = masteringPresetFromMaster(withPresetFields(masterSchema.parse({}), masteringPresetFields(master)), -9);
    expect(MasteringPresetParameters.parse(mastering)).toEqual(master);
  });
});
