import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MixProblem, createEmptyMix, parseMix } from './mix-document.ts';
import { masterId } from './mix-entities.ts';

/** A small valid mix as a Y.Doc snapshot would look. */
function sampleSnapshot() {
  return {
    settings: { tempoBpm: 96 },
    master: { limiterCeilingDb: -1 },
    tracks: {
      drums: { name: 'Drums', order: 'F', outputId: 'drum-bus', faderDb: -3 },
      vocal: { name: 'Vocal', order: 'V', compressorEnabled: true, compressorSidechainId: '' },
    },
    buses: {
      'drum-bus': { name: 'Drum bus', order: 'F' },
      'reverb-return': { name: 'Reverb', order: 'V' },
    },
    sends: { 'vocal-to-reverb': { sourceId: 'vocal', targetBusId: 'reverb-return', levelDb: -10 } },
    clips: { take1: { trackId: 'vocal', assetId: 'asset-1', startSeconds: 4, durationSeconds: 12 } },
    inserts: { verb: { ownerId: 'reverb-return', kind: 'reverb', order: 'V', decaySeconds: 2.4 } },
  };
}

describe('parseMix', () => {
  it('reads a valid snapshot without issues and survives a JSON round trip', () => {
    const { mix, issues } = parseMix(sampleSnapshot());
    expect(issues).toEqual([]);
    expect(mix.tracks.drums!.faderDb).toBe(-3);
    expect(mix.tracks.drums!.outputId).toBe('drum-bus');
    expect(mix.settings.tempoBpm).toBe(96);
    expect(parseMix(JSON.parse(JSON.stringify(mix)))).toEqual({ mix, issues: [] });
  });

  it('takes ids from the map keys', () => {
    const { mix } = parseMix({ tracks: { real: { id: 'stale', name: 'x' } } });
    expect(mix.tracks.real!.id).toBe('real');
  });

  it('drops what points nowhere and re-routes orphans to the master', () => {
    const snapshot = sampleSnapshot();
    const { mix, issues } = parseMix({
      ...snapshot,
      tracks: { ...snapshot.tracks, stray: { outputId: 'deleted-bus', compressorSidechainId: 'gone' } },
      clips: { ...snapshot.clips, lost: { trackId: 'deleted-track', assetId: 'a' } },
      sends: { ...snapshot.sends, dangling: { sourceId: 'vocal', targetBusId: 'deleted-bus' } },
      inserts: { ...snapshot.inserts, orphan: { ownerId: 'deleted-bus', kind: 'delay' } },
    });
    expect(mix.tracks.stray!.outputId).toBe(masterId);
    expect(mix.tracks.stray!.compressorSidechainId).toBe('');
    expect(mix.clips.lost).toBeUndefined();
    expect(mix.sends.dangling).toBeUndefined();
    expect(mix.inserts.orphan).toBeUndefined();
    expect(issues.map((issue) => issue.problem).sort()).toEqual(
      [MixProblem.missingOutput, MixProblem.missingSidechain, MixProblem.missingTrack, MixProblem.missingTarget, MixProblem.missingOwner].sort(),
    );
  });

  it('drops entities without a usable shape and says so', () => {
    const { mix, issues } = parseMix({ clips: { broken: { trackId: 42 } }, inserts: { odd: { ownerId: 'master', kind: 'chorus' } } });
    expect(mix.clips).toEqual({});
    expect(mix.inserts).toEqual({});
    expect(issues).toEqual([
      { collection: 'clips', id: 'broken', problem: MixProblem.invalidEntity },
      { collection: 'inserts', id: 'odd', problem: MixProblem.invalidEntity },
    ]);
  });

  it('fits clip fades into the clip', () => {
    const { mix } = parseMix({ tracks: { t: {} }, clips: { c: { trackId: 't', assetId: 'a', durationSeconds: 2, fadeInSeconds: 3, fadeOutSeconds: 1 } } });
    expect(mix.clips.c!.fadeInSeconds + mix.clips.c!.fadeOutSeconds).toBeCloseTo(2, 12);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(() => parseMix(input)).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(
        fc.record({ tracks: fc.dictionary(fc.string(), fc.anything()), sends: fc.dictionary(fc.string(), fc.anything()), buses: fc.dictionary(fc.string(), fc.anything()) }),
        (input) => {
          expect(() => parseMix(input)).not.toThrow();
        },
      ),
    );
  });

  it('gives an empty mix for nothing', () => {
    expect(parseMix(undefined).mix).toEqual(createEmptyMix());
  });

  it('stores only primitives in every entity (one Y.Map each)', () => {
    const { mix } = parseMix(sampleSnapshot());
    const entities = [mix.settings, mix.master, ...Object.values(mix.tracks), ...Object.values(mix.buses), ...Object.values(mix.sends), ...Object.values(mix.clips), ...Object.values(mix.inserts)];
    for (const entity of entities) for (const value of Object.values(entity)) expect(['string', 'number', 'boolean']).toContain(typeof value);
  });
});
