import { describe, expect, it } from 'vitest';
import type { Preset } from '../../../shared/schemas/plugins.ts';
import { ApiError } from '../../api/api-error.ts';
import { filterPresets, mergePresets, type PresetCache } from './preset-cache.ts';
import { PresetCatalogue } from './preset-catalogue.ts';
import type { PresetsApi } from './presets-api.ts';

const eq = { enabled: true, lowFrequency: 90, lowGainDb: 2, midFrequency: 2500, midGainDb: -1.5, midQ: 1.2, highFrequency: 10000, highGainDb: 3 };
const compressor = { enabled: true, thresholdDb: -20, ratio: 3, kneeDb: 6, attackMs: 5, releaseMs: 150, makeupGainDb: 2 };
function preset(id: string, overrides: Partial<Preset> = {}): Preset {
  return {
    id, authorId: 'a', authorName: 'Author', name: `Preset ${id}`, description: '', tags: [], status: 'published', publishedAt: null, installCount: 0,
    createdAt: `2025-01-0${id.length}T00:00:00.000Z`, updatedAt: '2025-01-01T00:00:00.000Z',
    kind: 'channel-strip', parameters: { inputGainDb: 0, eq, compressor, sends: [] },
    ...overrides,
  } as Preset;
}

function memoryCache(): PresetCache & { pending: Set<string> } {
  let seen: Preset[] = [];
  /** `<userId>:<presetId>` */
  const pending = new Set<string>();
  return {
    pending,
    load: async () => seen,
    save: async (presets) => void (seen = mergePresets(seen, presets)),
    pendingInstalls: async (userId) => [...pending].filter((key) => key.startsWith(`${userId}:`)).map((key) => key.slice(userId.length + 1)),
    addPendingInstall: async (userId, id) => void pending.add(`${userId}:${id}`),
    removePendingInstall: async (userId, id) => void pending.delete(`${userId}:${id}`),
  };
}

const offline = () => Promise.reject(ApiError.network(new TypeError('Failed to fetch')));

describe('the console’s preset catalogue', () => {
  it('filters cached presets like the server: words in name, description or tags, and the kind, newest first', () => {
    const presets = [preset('a', { name: 'Bright Vocal' }), preset('bb', { tags: ['vocals'] }), preset('ccc', { kind: 'mastering', name: 'Loud' } as Partial<Preset>)];
    expect(filterPresets(presets, { q: 'VOCAL' }).map((p) => p.id)).toEqual(['bb', 'a']);
    expect(filterPresets(presets, { kind: 'mastering' }).map((p) => p.id)).toEqual(['ccc']);
    expect(filterPresets(presets, {}).map((p) => p.id)).toEqual(['ccc', 'bb', 'a']);
  });

  it('shows the last fetched presets when the server cannot be reached', async () => {
    const cache = memoryCache();
    let reachable = true;
    const api = { search: async () => (reachable ? { presets: [preset('a', { name: 'Air' }), preset('bb')], nextCursor: null } : offline()) } as unknown as PresetsApi;
    const catalogue = new PresetCatalogue({ api, cache });
    expect(await catalogue.search({}, true)).toMatchObject({ fromCache: false });
    reachable = false;
    const results = await catalogue.search({ q: 'air' }, true);
    expect(results.fromCache).toBe(true);
    expect(results.presets.map((p) => p.id)).toEqual(['a']);
    expect((await catalogue.search({}, false)).presets).toHaveLength(2);
  });

  it('counts an install at once, queues it offline and sends it later, and skips guests', async () => {
    const cache = memoryCache();
    const applied: string[] = [];
    let reachable = false;
    const api = { apply: async (id: string) => (reachable ? void applied.push(id) : offline()) } as unknown as PresetsApi;
    const catalogue = new PresetCatalogue({ api, cache });
    expect(await catalogue.reportInstall('a', null)).toBe('skipped');
    expect(await catalogue.reportInstall('a', 'ana')).toBe('queued');
    expect(await catalogue.reportInstall('c', 'ben')).toBe('queued');
    expect(await catalogue.flushPendingInstalls('ana')).toBe(0);
    expect([...cache.pending].sort()).toEqual(['ana:a', 'ben:c']);
    reachable = true;
    // Ana's queue goes out in her session; Ben's waits for his, even on the same device.
    expect(await catalogue.flushPendingInstalls('ana')).toBe(1);
    expect([...cache.pending]).toEqual(['ben:c']);
    expect(await catalogue.reportInstall('b', 'ana')).toBe('counted');
    expect(applied).toEqual(['a', 'b']);
    expect(await catalogue.flushPendingInstalls('ben')).toBe(1);
    expect(applied).toEqual(['a', 'b', 'c']);
  });
});
