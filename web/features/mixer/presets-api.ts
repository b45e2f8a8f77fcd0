import { ApplyPresetResponse, Preset, PresetPage, type PresetInput, type PresetKind } from '../../../shared/schemas/plugins.ts';
import type { ApiClient } from '../../api/api-client.ts';

/** Typed calls to the mixer-preset catalogue (`/api/plugins`, see api/features/plugins/CONTEXT.md). */
export class PresetsApi {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** Published presets, newest first. Sent with the token when there is one (the route accepts both). */
  search(query: { q?: string; kind?: PresetKind; limit?: number }): Promise<PresetPage> {
    const parameters = new URLSearchParams();
    if (query.q) parameters.set('q', query.q);
    if (query.kind) parameters.set('kind', query.kind);
    parameters.set('limit', String(query.limit ?? 50));
    return this.#client.request({ method: 'GET', path: `/api/plugins?${parameters.toString()}`, authenticated: this.#client.hasAccessToken, schema: PresetPage });
  }

  /** Counts the signed-in user once in the preset's installs. */
  apply(id: string): Promise<ApplyPresetResponse> {
    return this.#client.request({ method: 'POST', path: `/api/plugins/${encodeURIComponent(id)}/apply`, authenticated: true, schema: ApplyPresetResponse });
  }

  /** Creates the preset as a draft, then lists it in the catalogue. */
  async createAndPublish(input: PresetInput): Promise<Preset> {
    const draft = await this.#client.request({ method: 'POST', path: '/api/plugins', body: input, authenticated: true, schema: Preset });
    return this.#client.request({ method: 'POST', path: `/api/plugins/${encodeURIComponent(draft.id)}/publish`, authenticated: true, schema: Preset });
  }
}
