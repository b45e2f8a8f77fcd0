import { RecordPlayResponse } from '../../../shared/schemas/analytics.ts';
import { Beat, BeatPage, type CreateBeatRequest } from '../../../shared/schemas/beats.ts';
import type { ApiClient } from '../../api/api-client.ts';
import { filtersToParams, type BeatFilters } from './search-filters.ts';

/** Typed calls to /api/beats/*. Search and reading are public; the session's token is sent when there is one. */
export class BeatsApi {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  search(filters: BeatFilters, options: { cursor?: string | null; limit?: number } = {}): Promise<BeatPage> {
    const params = filtersToParams(filters);
    if (options.cursor) params.set('cursor', options.cursor);
    if (options.limit) params.set('limit', String(options.limit));
    return this.#client.request({ method: 'GET', path: `/api/beats?${params}`, authenticated: this.#client.hasAccessToken, schema: BeatPage });
  }

  /** A producer's storefront; for the producer themselves it includes their drafts. */
  storefront(producerId: string, options: { cursor?: string | null } = {}): Promise<BeatPage> {
    const params = new URLSearchParams({ producer: producerId, sort: 'newest', limit: '48', facets: 'false' });
    if (options.cursor) params.set('cursor', options.cursor);
    return this.#client.request({ method: 'GET', path: `/api/beats?${params}`, authenticated: this.#client.hasAccessToken, schema: BeatPage });
  }

  get(id: string): Promise<Beat> {
    return this.#client.request({ method: 'GET', path: `/api/beats/${encodeURIComponent(id)}`, authenticated: this.#client.hasAccessToken, schema: Beat });
  }

  create(beat: CreateBeatRequest): Promise<Beat> {
    return this.#client.request({ method: 'POST', path: '/api/beats', body: beat, authenticated: true, schema: Beat });
  }

  update(id: string, beat: CreateBeatRequest): Promise<Beat> {
    return this.#client.request({ method: 'PUT', path: `/api/beats/${encodeURIComponent(id)}`, body: beat, authenticated: true, schema: Beat });
  }

  publish(id: string): Promise<Beat> {
    return this.#client.request({ method: 'POST', path: `/api/beats/${encodeURIComponent(id)}/publish`, authenticated: true, schema: Beat });
  }

  unpublish(id: string): Promise<Beat> {
    return this.#client.request({ method: 'POST', path: `/api/beats/${encodeURIComponent(id)}/unpublish`, authenticated: true, schema: Beat });
  }

  async remove(id: string): Promise<void> {
    await this.#client.request({ method: 'DELETE', path: `/api/beats/${encodeURIComponent(id)}`, authenticated: true });
  }

  /** Counts a play for the producer's analytics (once per listener per day, the server decides). */
  recordPlay(id: string): Promise<RecordPlayResponse> {
    return this.#client.request({ method: 'POST', path: `/api/beats/${encodeURIComponent(id)}/plays`, authenticated: this.#client.hasAccessToken, schema: RecordPlayResponse });
  }

  /** Sends the audio file as the raw body (the API sniffs its type from the bytes). */
  uploadAudio(id: string, file: Blob, onProgress: (sent: number, total: number) => void): Promise<Beat> {
    return this.#client.request({
      method: 'POST',
      path: `/api/beats/${encodeURIComponent(id)}/audio`,
      rawBody: { data: file, contentType: file.type || 'application/octet-stream' },
      onUploadProgress: onProgress,
      authenticated: true,
      schema: Beat,
    });
  }
}

/** Where an <audio> element streams a published beat from (Range requests, served by the API). */
export function previewUrl(beatId: string): `/api/beats/${string}/preview` {
  return `/api/beats/${encodeURIComponent(beatId)}/preview`;
}
