import { describe, expect, it } from 'vitest';
import { parseMix } from '../../../shared/mix/mix-document.ts';
import { masterId } from '../../../shared/mix/mix-entities.ts';
import { createDemoSong } from '../../../shared/mix/engine/demo-song.ts';
import { addImportedTrack, trackNameFromFileName, type PlainMixDocument } from './imported-track.ts';

function demoDocument(): PlainMixDocument {
  return structuredClone(createDemoSong({ sampleRate: 8000, durationSeconds: 0.01, trackCount: 5 }).document) as PlainMixDocument;
}

describe('trackNameFromFileName', () => {
  it('drops the extension only', () => {
    expect(trackNameFromFileName('Take 2.final.wav')).toBe('Take 2.final');
    expect(trackNameFromFileName('guitar.mp3')).toBe('guitar');
    expect(trackNameFromFileName('.hidden')).toBe('.hidden');
    expect(trackNameFromFileName('no extension')).toBe('no extension');
  });
});

describe('addImportedTrack', () => {
  it('adds a track after the others, with a clip that plays the whole file, and parses without repairs', () => {
    const document = demoDocument();
    const before = parseMix(document).mix;
    const ids = addImportedTrack(document, { key: '4f1c2a', fileName: 'guitar.wav', durationSeconds: 7.5 });
    const { mix, issues } = parseMix(document);
    expect(issues).toEqual([]);
    const track = mix.tracks[ids.trackId]!;
    expect(track.name).toBe('guitar');
    expect(track.outputId).toBe(masterId);
    expect(Object.values(before.tracks).every((other) => other.order < track.order)).toBe(true);
    expect(mix.clips[ids.clipId]).toMatchObject({ trackId: ids.trackId, assetId: ids.assetId, startSeconds: 0, durationSeconds: 7.5 });
    // Nothing else changed.
    expect(Object.keys(mix.tracks)).toHaveLength(Object.keys(before.tracks).length + 1);
    expect(mix.sends).toEqual(before.sends);
  });

  it('keeps ids within the schema limit and orders successive imports in import order', () => {
    const document = demoDocument();
    const first = addImportedTrack(document, { key: 'a'.repeat(100), fileName: 'one.wav', durationSeconds: 1 });
    const second = addImportedTrack(document, { key: 'b', fileName: 'two.wav', durationSeconds: 1 });
    const { mix } = parseMix(document);
    for (const id of Object.values(first)) expect(id.length).toBeLessThanOrEqual(64);
    expect(mix.tracks[first.trackId]!.order < mix.tracks[second.trackId]!.order).toBe(true);
  });

  it('works on an empty document', () => {
    const document: PlainMixDocument = {};
    const ids = addImportedTrack(document, { key: 'x', fileName: 'x.wav', durationSeconds: 2 });
    expect(parseMix(document).mix.tracks[ids.trackId]?.name).toBe('x');
  });
});
