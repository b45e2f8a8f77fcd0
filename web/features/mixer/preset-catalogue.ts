import type { Preset, PresetInput, PresetKind } from '../../../shared/schemas/plugins.ts';
import { ApiError } from '../../api/api-error.ts';
import { filterPresets, type PresetCache } from './preset-cache.ts';
import type { PresetsApi } from './presets-api.ts';

/** What the console's preset list shows, and whether it came from this device's copy. */
export interface PresetResults {
  readonly presets: readonly Preset[];
  readonly fromCache: boolean;
}

/** How an install was reported: counted now, kept for when the network is back, or not at all (guests). */
export const InstallReport = { counted: 'counted', queued: 'queued', skipped: 'skipped' } as const;
export type InstallReport = (typeof InstallReport)[keyof typeof InstallReport];

const isNetworkError = (error: unknown) => error instanceof ApiError && error.isNetworkError;

/**
 * The preset catalogue as the console uses it: the server when it answers, this device's cache when
 * it does not. Applying a preset never waits for the network; counting the install does, and is
 * queued when offline (sent by `flushPendingInstalls` later).
 */
export class PresetCatalogue {
  readonly #api: PresetsApi;
  readonly #cache: PresetCache;

  constructor(deps: { api: PresetsApi; cache: PresetCache }) {
    this.#api = deps.api;
    this.#cache = deps.cache;
  }

  async search(query: { q?: string; kind?: PresetKind | undefined }, online: boolean): Promise<PresetResults> {
    if (online) {
      try {
        const page = await this.#api.search({ ...(query.q ? { q: query.q } : {}), ...(query.kind ? { kind: query.kind } : {}) });
        await this.#cache.save(page.presets);
        return { presets: page.presets, fromCache: false };
      } catch (error) {
        // "Online" only means some network: an unreachable server falls back to the copy here.
        if (!isNetworkError(error)) throw error;
      }
    }
    return { presets: filterPresets(await this.#cache.load(), query), fromCache: true };
  }

  /** Counts an install for the signed-in account (`userId`; null: a guest, not counted). */
  async reportInstall(presetId: string, userId: string | null): Promise<InstallReport> {
    if (!userId) return InstallReport.skipped;
    try {
      await this.#api.apply(presetId);
      return InstallReport.counted;
    } catch (error) {
      if (!isNetworkError(error)) throw error;
      await this.#cache.addPendingInstall(userId, presetId);
      return InstallReport.queued;
    }
  }

  /**
   * Reports this account's installs made offline; stops at the first network failure and keeps the
   * rest. Another account's queued installs wait for that account: on a shared device they must not
   * be counted as this one's.
   */
  async flushPendingInstalls(userId: string): Promise<number> {
    let sent = 0;
    for (const presetId of await this.#cache.pendingInstalls(userId)) {
      try {
        await this.#api.apply(presetId);
        sent++;
      } catch (error) {
        if (isNetworkError(error)) break;
        // Deleted or unpublished since: there is nothing left to count, so it is dropped (and said).
        console.warn(new Error(`Dropped the pending install of preset ${presetId}`, { cause: error }));
      }
      await this.#cache.removePendingInstall(userId, presetId);
    }
    return sent;
  }

  /** "Save this strip as a preset": created and published in one go, and kept in the cache. */
  async publish(input: PresetInput): Promise<Preset> {
    const preset = await this.#api.createAndPublish(input);
    await this.#cache.save([preset]);
    return preset;
  }
}
