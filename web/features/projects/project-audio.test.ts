import { describe, expect, it } from 'vitest';
import { parseMix } from '../../../shared/mix/mix-document.ts';
import { ApiError } from '../../api/api-error.ts';
import type { ApiClient } from '../../api/api-client.ts';
import { ProjectAudio, statusForDownloadError, type AudioByteStore } from './project-audio.ts';
import { TrackAudioStatus } from './project-audio-sources.ts';

function apiError(status: number): ApiError {
  return new ApiError({ status, code: 'x', message: 'x', localized: false });
}

function memoryStore(initial: Record<string, ArrayBuffer> = {}): AudioByteStore & { saved: Map<string, ArrayBuffer> } {
  const saved = new Map(Object.entries(initial));
  return { saved, get: async (id) => saved.get(id) ?? null, put: async (id, bytes) => void saved.set(id, bytes) };
}

const mix = parseMix({ tracks: { 'beat-lic-1': { name: 'Beat', order: 'a0', sourceKind: 'licensed-beat', sourceLicenceId: 'lic-1', sourceBeatId: 'b' } } }).mix;

function settled(audio: ProjectAudio): Promise<void> {
  return new Promise((resolve) => audio.addEventListener('change', () => resolve(), { once: true }));
}

describe('what a failed download means for the person', () => {
  it('refused (not theirs) is "licence holder only", a network failure is "offline", the rest failed', () => {
    expect(statusForDownloadError(apiError(404))).toBe(TrackAudioStatus.holderOnly);
    expect(statusForDownloadError(apiError(403))).toBe(TrackAudioStatus.holderOnly);
    expect(statusForDownloadError(apiError(401))).toBe(TrackAudioStatus.holderOnly);
    expect(statusForDownloadError(ApiError.network(new TypeError('offline')))).toBe(TrackAudioStatus.offline);
    expect(statusForDownloadError(apiError(500))).toBe(TrackAudioStatus.failed);
    expect(statusForDownloadError(new Error('decode'))).toBe(TrackAudioStatus.failed);
  });
});

describe('ProjectAudio without an engine (before Play)', () => {
  it('reads a beat from the device first and never asks the network for it', async () => {
    const store = memoryStore({ 'lic-1': new ArrayBuffer(8) });
    const client = { request: () => Promise.reject(new Error('no network wanted')) } as unknown as ApiClient;
    const audio = new ProjectAudio({ client: () => client, store });
    const done = settled(audio);
    audio.setMix(mix);
    expect(audio.licenceStatus('lic-1')).toBe(TrackAudioStatus.loading);
    await done;
    expect(audio.licenceStatus('lic-1')).toBe(TrackAudioStatus.ready);
    expect(audio.started).toBe(false);
  });

  it('fetches through the signed link (WAV first) and keeps the bytes on the device', async () => {
    const store = memoryStore();
    const paths: string[] = [];
    const client = {
      request: async ({ path }: { path: string }) => {
        paths.push(path);
        return { links: [{ file: 'mp3', url: '/api/downloads/m', expiresAt: '' }, { file: 'wav', url: '/api/downloads/w', expiresAt: '' }] };
      },
      requestBlob: async ({ path }: { path: string }) => {
        paths.push(path);
        return new Blob([new Uint8Array([1, 2, 3])], { type: 'audio/wav' });
      },
    } as unknown as ApiClient;
    const audio = new ProjectAudio({ client: () => client, store });
    const done = settled(audio);
    audio.setMix(mix);
    await done;
    expect(paths).toEqual(['/api/licences/lic-1/downloads', '/api/downloads/w']);
    expect(audio.licenceStatus('lic-1')).toBe(TrackAudioStatus.ready);
    expect(store.saved.get('lic-1')?.byteLength).toBe(3);
  });

  it('says "licence holder only" when the server refuses the download', async () => {
    const client = { request: () => Promise.reject(apiError(404)) } as unknown as ApiClient;
    const audio = new ProjectAudio({ client: () => client, store: memoryStore() });
    const done = settled(audio);
    audio.setMix(mix);
    await done;
    expect(audio.licenceStatus('lic-1')).toBe(TrackAudioStatus.holderOnly);
  });
});
