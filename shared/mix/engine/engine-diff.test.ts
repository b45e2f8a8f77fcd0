import { describe, expect, it } from 'vitest';
import { parseMix } from '../mix-document.ts';
import { createDemoSong } from './demo-song.ts';
import { toEngineConfig } from './engine-config.ts';
import { diffEngineConfigs } from './engine-diff.ts';

const song = createDemoSong({ sampleRate: 8000, durationSeconds: 0.1 });
const configOf = (edit: (document: any) => void) => {
  const document = structuredClone(song.document) as any;
  edit(document);
  return toEngineConfig(parseMix(document).mix);
};
const base = configOf(() => {});

describe('diffEngineConfigs', () => {
  it('finds nothing between equal configs', () => {
    expect(diffEngineConfigs(base, configOf(() => {}))).toEqual([]);
  });

  it('turns knob moves into single parameter changes', () => {
    const next = configOf((document) => {
      document.tracks['track-001'].faderDb = -3;
      document.tracks['track-001'].eqMidGainDb = 4;
      document.sends['send-track-003-reverb'].levelDb = -20;
      document.settings.tempoBpm = 100;
    });
    const changes = diffEngineConfigs(base, next)!;
    expect(changes).toContainEqual({ target: 'strip', id: 'track-001', field: 'faderDb', value: -3 });
    expect(changes).toContainEqual(expect.objectContaining({ target: 'strip', id: 'track-001', field: 'eq' }));
    expect(changes).toContainEqual({ target: 'send', id: 'send-track-003-reverb', levelDb: -20 });
    expect(changes).toContainEqual({ target: 'tempo', tempoBpm: 100, beatsPerBar: 4 });
    // The tempo-synced delay follows the tempo.
    expect(changes).toContainEqual(expect.objectContaining({ target: 'insert', id: 'insert-delay' }));
    expect(changes).toHaveLength(5);
  });

  it('asks for a new config when routing, sends, limiters or clips change', () => {
    expect(diffEngineConfigs(base, configOf((document) => (document.tracks['track-001'].outputId = 'bus-rhythm')))).toBeNull();
    expect(diffEngineConfigs(base, configOf((document) => (document.sends['send-track-003-reverb'].enabled = false)))).toBeNull();
    expect(diffEngineConfigs(base, configOf((document) => (document.master.limiterEnabled = false)))).toBeNull();
    expect(diffEngineConfigs(base, configOf((document) => (document.clips['clip-track-000'].startSeconds = 1)))).toBeNull();
  });
});
