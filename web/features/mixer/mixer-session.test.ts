import { describe, expect, it } from 'vitest';
import { channelStripPresetFields, masteringPresetFields, presetSendSettings, silentSendDb } from '../../../shared/mix/apply-preset.ts';
import { masterId } from '../../../shared/mix/mix-entities.ts';
import { ChannelStripPresetParameters, MasteringPresetParameters } from '../../../shared/schemas/plugins.ts';
import { MixerSession } from './mixer-session.ts';
import { findSend } from './strip-controls.ts';

const eq = { enabled: true, lowFrequency: 90, lowGainDb: 2, midFrequency: 2500, midGainDb: -1.5, midQ: 1.2, highFrequency: 10000, highGainDb: 3 };
const compressor = { enabled: true, thresholdDb: -20, ratio: 3, kneeDb: 6, attackMs: 5, releaseMs: 150, makeupGainDb: 2 };

describe('applying presets in the console session', () => {
  it('writes a channel-strip preset and its sends to one strip, and undoes it exactly', () => {
    const session = new MixerSession(['Kick', 'Hats', 'Bass', 'Pad', 'Lead']);
    const [trackId] = Object.keys(session.mix.tracks);
    const before = structuredClone(session.mix);
    const returns = session.effectReturnBuses();
    expect(Object.keys(returns).sort()).toEqual(['delay', 'reverb']);
    const preset = ChannelStripPresetParameters.parse({ inputGainDb: 0, eq, compressor, sends: [{ target: 'reverb', levelDb: -14 }] });
    const undo = session.applyEdit({ stripId: trackId!, fields: channelStripPresetFields(preset), sends: presetSendSettings(preset.sends, returns) });
    const track = session.mix.tracks[trackId!]!;
    expect(track).toMatchObject({ eqLowGainDb: 2, eqMidFrequency: 2500, eqHighFrequency: 10000, compressorEnabled: true, compressorRatio: 3 });
    expect(findSend(session.mix.sends, trackId!, returns.reverb!)?.levelDb).toBe(-14);
    expect(findSend(session.mix.sends, trackId!, returns.delay!)?.levelDb).toBe(silentSendDb);
    // Only that strip changed.
    for (const [id, other] of Object.entries(before.tracks)) if (id !== trackId) expect(session.mix.tracks[id]).toEqual(other);

    session.applyEdit(undo);
    expect(session.mix.tracks[trackId!]).toEqual(before.tracks[trackId!]);
    for (const send of Object.values(before.sends)) expect(findSend(session.mix.sends, send.sourceId, send.targetBusId)).toMatchObject({ levelDb: send.levelDb, preFader: send.preFader });
  });

  it('puts a mastering preset on the master', () => {
    const session = new MixerSession([]);
    const preset = MasteringPresetParameters.parse({ eq, compressor, limiter: { enabled: true, ceilingDb: -2, releaseMs: 40 }, targetLufs: -9 });
    session.applyEdit({ stripId: masterId, fields: masteringPresetFields(preset), sends: [] });
    session.setMasteringTarget(preset.targetLufs);
    expect(session.mix.master).toMatchObject({ eqHighGainDb: 3, limiterEnabled: true, limiterCeilingDb: -2, limiterReleaseMs: 40 });
    expect(session.masteringTargetLufs).toBe(-9);
    expect(() => session.applyEdit({ stripId: 'nope', fields: {}, sends: [] })).toThrow();
  });
});
