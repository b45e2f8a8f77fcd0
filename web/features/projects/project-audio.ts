import type { Mix } from '../../../shared/mix/mix-document.ts';
import type { MeterReading } from '../../../shared/mix/engine/meter-layout.ts';
import { DownloadLinks } from '../../../shared/schemas/commerce.ts';
import { ApiError } from '../../api/api-error.ts';
import type { ApiClient } from '../../api/api-client.ts';
import { MixEngine } from '../../audio/mix-engine.ts';
import { mixProcessorUrl } from '../../audio/mix-processor-url.ts';
import { chooseAudioDownload } from '../mixer/licensed-beat-audio.ts';
import type { MixSink } from './cs-mix-panel.ts';
import { licenceAssetId, licencesInMix, songEndSeconds, TrackAudioStatus, withSourceClips, type LoadedSource } from './project-audio-sources.ts';

// Licensed beats' encoded audio is kept in Cache Storage so a song plays offline after one visit;
// sign-out deletes it (web/app/private-caches.ts).
import { LICENSED_AUDIO_CACHE } from '../../app/private-caches.ts';

/** The device's copy of encoded audio by licence (Cache Storage in the browser; a Map in tests). */
export interface AudioByteStore {
  get(licenceId: string): Promise<ArrayBuffer | null>;
  put(licenceId: string, bytes: ArrayBuffer, contentType: string): Promise<void>;
}

/** Cache Storage under a same-origin key per licence; quietly nothing where the browser has none. */
export function cacheStorageAudioStore(storage: CacheStorage | undefined = globalThis.caches): AudioByteStore {
  const key = (licenceId: string) => new URL(`/offline-audio/licences/${encodeURIComponent(licenceId)}`, location.origin).href;
  return {
    async get(licenceId) {
      if (!storage) return null;
      const response = await (await storage.open(LICENSED_AUDIO_CACHE)).match(key(licenceId));
      return response ? response.arrayBuffer() : null;
    },
    async put(licenceId, bytes, contentType) {
      if (!storage) return;
      await (await storage.open(LICENSED_AUDIO_CACHE)).put(key(licenceId), new Response(bytes, { headers: { 'Content-Type': contentType } }));
    },
  };
}

/** What the page needs from the network: the encoded audio of a licence, through its signed link. */
export async function downloadLicensedAudio(client: ApiClient, licenceId: string): Promise<{ bytes: ArrayBuffer; contentType: string } | null> {
  const { links } = await client.request({ method: 'GET', path: `/api/licences/${encodeURIComponent(licenceId)}/downloads`, authenticated: true, schema: DownloadLinks });
  const link = chooseAudioDownload(links);
  if (!link) return null;
  const blob = await client.requestBlob({ method: 'GET', path: link.url as `/api/${string}` });
  return { bytes: await blob.arrayBuffer(), contentType: blob.type || (link.file === 'wav' ? 'audio/wav' : 'audio/mpeg') };
}

/** The status a failed download means for the person: not theirs to hear, offline, or broken. */
export function statusForDownloadError(error: unknown): TrackAudioStatus {
  if (error instanceof ApiError) {
    if (error.status === 401 || error.status === 403 || error.status === 404) return TrackAudioStatus.holderOnly;
    if (error.status === 0) return TrackAudioStatus.offline;
  }
  return TrackAudioStatus.failed;
}

interface SourceState {
  status: TrackAudioStatus;
  bytes: ArrayBuffer | null;
  loaded: LoadedSource | null;
  decoding: boolean;
}

export interface ProjectAudioOptions {
  /** The API client once known (null while signed out or before the app provides it). */
  readonly client: () => ApiClient | null;
  readonly store?: AudioByteStore;
}

/**
 * The project page's audio: a {@link MixSink} that feeds the same AudioWorklet engine as the
 * /mixer console. The engine (and its AudioContext) is created by the first `play()`, which must
 * come from a click. Every mix from the song document goes to the engine's `setMix`, which turns a
 * fader or pan move (this person's or a collaborator's) into a timed parameter change that the
 * processor ramps over 20 ms, so remote changes never click.
 *
 * Licensed beats: each licence a track names is read from the device (Cache Storage) or fetched
 * through its signed download link and saved there, as soon as the mix names it (no gesture needed
 * for that), then decoded at the engine's rate when the engine starts and played as a clip on its
 * track (`withSourceClips`). Fires `change` when a status or the transport changes.
 */
export class ProjectAudio extends EventTarget implements MixSink {
  readonly #options: ProjectAudioOptions;
  readonly #store: AudioByteStore;
  readonly #sources = new Map<string, SourceState>();
  #mix: Mix | null = null;
  #context: AudioContext | null = null;
  #engine: MixEngine | null = null;
  #starting: Promise<void> | null = null;
  #loopEnd = 0;
  #disposed = false;
  playing = false;

  constructor(options: ProjectAudioOptions) {
    super();
    this.#options = options;
    this.#store = options.store ?? cacheStorageAudioStore();
  }

  get started(): boolean {
    return this.#engine !== null;
  }

  /** The engine, once started (tests read its state). */
  get engine(): MixEngine | null {
    return this.#engine;
  }

  setMix(mix: Mix): void {
    this.#mix = mix;
    for (const licenceId of licencesInMix(mix)) if (!this.#sources.has(licenceId)) void this.#fetch(licenceId);
    this.#feed();
  }

  /** How far a licence's audio got on this device. */
  licenceStatus(licenceId: string): TrackAudioStatus {
    return this.#sources.get(licenceId)?.status ?? TrackAudioStatus.loading;
  }

  /** Tries the licences that failed or were offline again (e.g. when the network returns). */
  retry(): void {
    for (const [licenceId, source] of this.#sources) {
      if (source.status === TrackAudioStatus.offline || source.status === TrackAudioStatus.failed) {
        this.#sources.delete(licenceId);
        void this.#fetch(licenceId);
      }
    }
  }

  /** Starts the engine if needed (call from a click) and plays or pauses. */
  async togglePlay(): Promise<void> {
    await this.#start();
    await this.#context!.resume();
    if (this.playing) this.#engine!.pause();
    else this.#engine!.play();
    this.playing = !this.playing;
    this.#changed();
  }

  stop(): void {
    this.#engine?.stop();
    this.playing = false;
    this.#changed();
  }

  readMeters(): MeterReading | null {
    return this.#engine?.readMeters() ?? null;
  }

  async dispose(): Promise<void> {
    this.#disposed = true;
    this.#engine?.dispose();
    this.#engine = null;
    this.playing = false;
    await this.#context?.close();
    this.#context = null;
  }

  #start(): Promise<void> {
    this.#starting ??= (async () => {
      const context = new AudioContext({ latencyHint: 'interactive' });
      const engine = await MixEngine.create(context, { processorUrl: mixProcessorUrl });
      if (this.#disposed) {
        // The page closed while the engine was loading: nothing may keep running.
        engine.dispose();
        await context.close();
        throw new Error('project audio closed');
      }
      this.#context = context;
      this.#engine = engine;
      this.#feed();
    })();
    return this.#starting;
  }

  /** Decodes what has arrived, then hands the engine the mix with the loaded beats' clips. */
  #feed(): void {
    const engine = this.#engine;
    const mix = this.#mix;
    if (!engine || !mix) return;
    for (const [licenceId, source] of this.#sources) if (source.bytes && !source.loaded && !source.decoding) void this.#decode(licenceId, source);
    const loaded = new Map<string, LoadedSource>();
    for (const [licenceId, source] of this.#sources) if (source.loaded) loaded.set(licenceId, source.loaded);
    const playable = withSourceClips(mix, loaded);
    engine.setMix(playable);
    // The page loops the whole song, so a short beat keeps sounding while people mix.
    const end = songEndSeconds(playable);
    if (end > 0 && end !== this.#loopEnd) {
      this.#loopEnd = end;
      engine.setLoop(true, 0, end);
    }
  }

  async #decode(licenceId: string, source: SourceState): Promise<void> {
    const context = this.#context;
    const engine = this.#engine;
    if (!context || !engine || !source.bytes) return;
    source.decoding = true;
    try {
      // decodeAudioData detaches the buffer it is given; the original stays for a later decode.
      const audio = await context.decodeAudioData(source.bytes.slice(0));
      if (this.#engine !== engine) return;
      const assetId = licenceAssetId(licenceId);
      // The audio goes first, so the configuration that adds the clip finds it.
      engine.loadAsset(assetId, audio);
      source.loaded = { assetId, durationSeconds: audio.duration };
      source.status = TrackAudioStatus.ready;
    } catch {
      source.status = TrackAudioStatus.failed;
    } finally {
      source.decoding = false;
    }
    this.#feed();
    this.#changed();
  }

  async #fetch(licenceId: string): Promise<void> {
    const source: SourceState = { status: TrackAudioStatus.loading, bytes: null, loaded: null, decoding: false };
    this.#sources.set(licenceId, source);
    try {
      source.bytes = await this.#store.get(licenceId).catch(() => null);
      if (!source.bytes) {
        const client = this.#options.client();
        if (!client) {
          source.status = navigator.onLine ? TrackAudioStatus.holderOnly : TrackAudioStatus.offline;
        } else {
          const download = await downloadLicensedAudio(client, licenceId);
          if (download) {
            source.bytes = download.bytes;
            await this.#store.put(licenceId, download.bytes, download.contentType).catch(() => undefined);
          } else {
            source.status = TrackAudioStatus.failed;
          }
        }
      }
      if (source.bytes) source.status = TrackAudioStatus.ready;
    } catch (error) {
      source.status = statusForDownloadError(error);
    }
    if (this.#disposed) return;
    this.#feed();
    this.#changed();
  }

  #changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}
