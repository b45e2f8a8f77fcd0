import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TrackSourceKind } from '../mix/mix-entities.ts';
import { licensedBeatTrackId, readLicenceTerms, startSongWithLicensedBeat, type LicenceTerms } from './licence-terms.ts';
import { addMixEntity, PROJECT_SCHEMA_VERSION, readMeta, readMix, removeMixEntity } from './project-document.ts';

const terms: LicenceTerms = {
  licenceId: 'lic-1',
  beatId: 'beat-1',
  beatTitle: 'Night Shift',
  producerName: 'Nova',
  tier: 'premium',
  files: ['mp3', 'wav'],
  caps: { streams: 50000, copiesSold: 2000, musicVideos: 1, radioStations: 0, paidPerformances: null },
  grantedAt: '2025-01-02T03:04:05.000Z',
  contractUrl: '/api/licences/lic-1/contract.pdf',
};
const song = { terms, bpm: 142, musicalKey: 'F# minor', trackId: licensedBeatTrackId('lic-1') };

describe('starting a song with a licensed beat', () => {
  it('titles the song after the beat, puts the beat first in the mix and keeps the terms', () => {
    const doc = new Y.Doc();
    addMixEntity(doc, 'tracks', 'earlier', { name: 'Earlier', order: 'V' });
    expect(startSongWithLicensedBeat(doc, song)).toBe(true);
    expect(readMeta(doc)).toEqual({ title: 'Night Shift', bpm: 142, musicalKey: 'F# minor', beatId: 'beat-1', schemaVersion: PROJECT_SCHEMA_VERSION });
    const { mix } = readMix(doc);
    expect(mix.settings.tempoBpm).toBe(142);
    const [first] = Object.values(mix.tracks).sort((a, b) => (a.order < b.order ? -1 : 1));
    expect(first).toMatchObject({ id: 'beat-lic-1', name: 'Night Shift', sourceKind: TrackSourceKind.licensedBeat, sourceLicenceId: 'lic-1', sourceBeatId: 'beat-1', outputId: 'master' });
    expect(readLicenceTerms(doc)).toEqual(terms);
  });

  it('does nothing the second time, even after the writers removed the track', () => {
    const doc = new Y.Doc();
    startSongWithLicensedBeat(doc, song);
    removeMixEntity(doc, 'tracks', song.trackId);
    expect(startSongWithLicensedBeat(doc, { ...song, terms: { ...terms, beatTitle: 'Other' } })).toBe(false);
    expect(readMix(doc).mix.tracks).toEqual({});
    expect(readLicenceTerms(doc)?.beatTitle).toBe('Night Shift');
  });

  it('converges when two replicas seed at once (same track id), and older tracks read as sourceless', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    startSongWithLicensedBeat(a, song);
    startSongWithLicensedBeat(b, song);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(Object.keys(readMix(a).mix.tracks)).toEqual(['beat-lic-1']);
    expect(readMix(a).mix).toEqual(readMix(b).mix);
    addMixEntity(a, 'tracks', 'plain', { name: 'Plain' });
    expect(readMix(a).mix.tracks.plain).toMatchObject({ sourceKind: 'none', sourceLicenceId: '', sourceBeatId: '' });
  });

  it('reads no terms from a song without them, or from a damaged copy', () => {
    expect(readLicenceTerms(new Y.Doc())).toBeNull();
    const doc = new Y.Doc();
    startSongWithLicensedBeat(doc, song);
    doc.getMap('licence').set('tier', 'platinum');
    expect(readLicenceTerms(doc)).toBeNull();
  });
});
