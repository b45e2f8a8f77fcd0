import { describe, expect, it } from 'vitest';
import { parseMix } from '../../../shared/mix/mix-document.ts';
import { chooseAudioDownload } from '../mixer/licensed-beat-audio.ts';
import { licenceAssetId, licencesInMix, songEndSeconds, trackAudioStatus, TrackAudioStatus, withSourceClips } from './project-audio-sources.ts';

const expiresAt = '2026-11-25T17:00:00.000Z';

function mixWith(tracks: Record<string, Record<string, unknown>>, clips: Record<string, Record<string, unknown>> = {}) {
  return parseMix({ tracks, clips }).mix;
}

const beatTrack = { name: 'Harbour Lights', order: 'a0', sourceKind: 'licensed-beat', sourceLicenceId: 'lic-1', sourceBeatId: 'beat-1' };
const vocalTrack = { name: 'Vocal', order: 'a1' };

describe('choosing the download to open', () => {
  it('prefers the WAV, falls back to the MP3 and never opens the stems zip', () => {
    const mp3 = { file: 'mp3' as const, url: '/api/downloads/m', expiresAt };
    const wav = { file: 'wav' as const, url: '/api/downloads/w', expiresAt };
    const stems = { file: 'stems' as const, url: '/api/downloads/s', expiresAt };
    expect(chooseAudioDownload([mp3, wav, stems])?.url).toBe('/api/downloads/w');
    expect(chooseAudioDownload([stems, mp3])?.file).toBe('mp3');
    expect(chooseAudioDownload([stems])).toBeNull();
    expect(chooseAudioDownload([])).toBeNull();
  });

  it('skips links that are not our downloads route', () => {
    const foreign = { file: 'wav' as const, url: 'https://elsewhere.example/beat.wav', expiresAt };
    const mp3 = { file: 'mp3' as const, url: '/api/downloads/m', expiresAt };
    expect(chooseAudioDownload([foreign, mp3])?.url).toBe('/api/downloads/m');
    expect(chooseAudioDownload([foreign])).toBeNull();
  });
});

describe('project tracks as engine clips', () => {
  it('lists each licence the mix names once', () => {
    const mix = mixWith({ beat: beatTrack, copy: { ...beatTrack, order: 'a2' }, vocal: vocalTrack });
    expect(licencesInMix(mix)).toEqual(['lic-1']);
  });

  it('adds one whole-beat clip per track whose licensed audio is loaded, and nothing for the rest', () => {
    const mix = mixWith({ beat: beatTrack, vocal: vocalTrack });
    expect(withSourceClips(mix, new Map())).toBe(mix);
    const loaded = new Map([['lic-1', { assetId: licenceAssetId('lic-1'), durationSeconds: 2 }]]);
    const playable = withSourceClips(mix, loaded);
    expect(Object.values(playable.clips)).toEqual([
      expect.objectContaining({ id: 'source-beat', trackId: 'beat', assetId: 'licence-lic-1', startSeconds: 0, durationSeconds: 2, sourceOffsetSeconds: 0, gainDb: 0, muted: false }),
    ]);
    // The document's mix is not changed, and the same input gives the same clips (fader moves stay parameter changes).
    expect(mix.clips).toEqual({});
    expect(withSourceClips(mix, loaded)).toEqual(playable);
    expect(songEndSeconds(playable)).toBe(2);
  });

  it('leaves a track that has clips of its own as the document says', () => {
    const mix = mixWith({ beat: beatTrack }, { take: { trackId: 'beat', assetId: 'asset-1', startSeconds: 1, durationSeconds: 3 } });
    const playable = withSourceClips(mix, new Map([['lic-1', { assetId: 'licence-lic-1', durationSeconds: 2 }]]));
    expect(Object.keys(playable.clips)).toEqual(['take']);
    expect(songEndSeconds(playable)).toBe(4);
  });

  it('says which tracks have no audio and which depend on their licence', () => {
    const mix = mixWith({ beat: beatTrack, vocal: vocalTrack, empty: { ...beatTrack, sourceLicenceId: '' } });
    const status = (licenceId: string) => (licenceId === 'lic-1' ? TrackAudioStatus.holderOnly : TrackAudioStatus.ready);
    expect(trackAudioStatus(mix.tracks['beat']!, status)).toBe(TrackAudioStatus.holderOnly);
    expect(trackAudioStatus(mix.tracks['vocal']!, status)).toBe(TrackAudioStatus.none);
    expect(trackAudioStatus(mix.tracks['empty']!, status)).toBe(TrackAudioStatus.none);
  });
});
