import type { Dexie, EntityTable } from 'dexie';
import { Preset, type PresetKind } from '../../../shared/schemas/plugins.ts';

/**
 * The presets this device has seen, so the console's preset list works offline (and applying one
 * needs no network: a preset is just values), plus the installs to report once it is back online.
 */
export interface PresetCache {
  load(): Promise<Preset[]>;
  /** Merges freshly fetched presets in (newer copies replace older ones). */
  save(presets: readonly Preset[]): Promise<void>;
  /** Installs an account made offline, to report for it once the network is back. */
  pendingInstalls(userId: string): Promise<string[]>;
  addPendingInstall(userId: string, presetId: string): Promise<void>;
  removePendingInstall(userId: string, presetId: string): Promise<void>;
}

/** Most presets kept on the device; the oldest seen go first. */
export const PRESET_CACHE_LIMIT = 300;

/**
 * The catalogue's search, done on cached presets: words in the name, description or tags (case
 * and accents as typed, like the server's ILIKE) and the kind; newest first.
 */
export function filterPresets(presets: readonly Preset[], query: { q?: string; kind?: PresetKind | undefined }): Preset[] {
  const text = query.q?.trim().toLowerCase() ?? '';
  return presets
    .filter((preset) => !query.kind || preset.kind === query.kind)
    .filter((preset) => !text || [preset.name, preset.description, ...preset.tags].some((field) => field.toLowerCase().includes(text)))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
}

/** `previous` with `fresh` merged in by id, keeping at most `limit` (the most recently seen). */
export function mergePresets(previous: readonly Preset[], fresh: readonly Preset[], limit = PRESET_CACHE_LIMIT): Preset[] {
  const freshIds = new Set(fresh.map((preset) => preset.id));
  return [...fresh, ...previous.filter((preset) => !freshIds.has(preset.id))].slice(0, limit);
}

interface PresetRow {
  key: 'seen';
  presets: unknown[];
}
interface PendingRow {
  /** `<userId>:<presetId>`: one queued install per account and preset. */
  key: string;
  userId: string;
  presetId: string;
}
type PresetDatabase = Dexie & { presets: EntityTable<PresetRow, 'key'>; pendingInstalls: EntityTable<PendingRow, 'key'> };

/** The cache in IndexedDB (Dexie loads with the mixer page). */
export function createDexiePresetCache(): PresetCache {
  let database: Promise<PresetDatabase> | null = null;
  const open = (): Promise<PresetDatabase> => {
    database ??= import('dexie').then(({ Dexie: DexieDatabase }) => {
      const db = new DexieDatabase('creatorsync-presets') as PresetDatabase;
      db.version(1).stores({ presets: 'key', pending: 'presetId' });
      // Version 2 queues installs per account. Version 1's queue did not say whose they were, so it
      // is dropped rather than counted for whoever signs in next.
      db.version(2).stores({ presets: 'key', pending: null, pendingInstalls: 'key, userId' });
      return db;
    });
    return database;
  };
  const load = async (): Promise<Preset[]> => {
    const row = await (await open()).presets.get('seen');
    // Rows from an older app version may not parse any more: keep the ones that do.
    return (row?.presets ?? []).flatMap((value) => {
      const parsed = Preset.safeParse(value);
      return parsed.success ? [parsed.data] : [];
    });
  };
  return {
    load,
    async save(presets) {
      const db = await open();
      await db.transaction('rw', db.presets, async () => {
        await db.presets.put({ key: 'seen', presets: mergePresets(await load(), presets) });
      });
    },
    async pendingInstalls(userId) {
      return (await (await open()).pendingInstalls.where('userId').equals(userId).toArray()).map((row) => row.presetId);
    },
    async addPendingInstall(userId, presetId) {
      await (await open()).pendingInstalls.put({ key: `${userId}:${presetId}`, userId, presetId });
    },
    async removePendingInstall(userId, presetId) {
      await (await open()).pendingInstalls.delete(`${userId}:${presetId}`);
    },
  };
}
