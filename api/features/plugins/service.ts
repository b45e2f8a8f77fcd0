import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Clock } from '../../platform/clock.ts';
import { Preset, type ApplyPresetResponse, type PresetInput, type PresetPage, type PresetSearchQuery } from '../../../shared/schemas/plugins.ts';
import * as queries from './queries.ts';

function toPreset({ preset, authorName }: queries.PresetWithAuthor): Preset {
  // Stored parameters were validated on the way in; parsing again keeps the output honest if the ranges ever tighten.
  return Preset.parse({
    id: preset.id,
    authorId: preset.authorId,
    authorName,
    kind: preset.kind,
    name: preset.name,
    description: preset.description,
    tags: preset.tags,
    parameters: preset.parameters,
    status: preset.status,
    publishedAt: preset.publishedAt?.toISOString() ?? null,
    installCount: preset.installCount,
    createdAt: preset.createdAt.toISOString(),
    updatedAt: preset.updatedAt.toISOString(),
  });
}

const encodeCursor = (sort: string, value: number | string, id: string) => Buffer.from(JSON.stringify([sort, value, id])).toString('base64url');

function decodeCursor(cursor: string, sort: string): { value: number | string; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 3 && parsed[0] === sort && typeof parsed[2] === 'string') {
      const value: unknown = parsed[1];
      if (sort === 'popular' ? Number.isSafeInteger(value) : typeof value === 'string' && !Number.isNaN(Date.parse(value))) return { value: value as number | string, id: parsed[2] };
    }
  } catch (error) {
    throw new AppError('invalid_cursor', { cause: error });
  }
  throw new AppError('invalid_cursor');
}

export function createPluginsService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  /** Published presets, or the viewer's own drafts; others' drafts do not exist for them. */
  async function visible(viewerId: string | undefined, id: string) {
    const found = await queries.findPreset(db, id);
    if (!found || (found.preset.status !== 'published' && found.preset.authorId !== viewerId)) throw new AppError('preset_not_found');
    return found;
  }

  async function owned(userId: string, id: string) {
    const found = await visible(userId, id);
    if (found.preset.authorId !== userId) throw new AppError('preset_forbidden');
    return found;
  }

  async function reload(id: string) {
    const found = await queries.findPreset(db, id);
    if (!found) throw new AppError('preset_not_found');
    return toPreset(found);
  }

  return {
    async create(userId: string, input: PresetInput): Promise<Preset> {
      const now = clock.now();
      const id = randomUUID();
      await queries.insertPreset(db, { id, authorId: userId, ...input, status: 'draft', createdAt: now, updatedAt: now });
      return reload(id);
    },

    async get(viewerId: string | undefined, id: string): Promise<Preset> {
      return toPreset(await visible(viewerId, id));
    },

    async update(userId: string, id: string, input: PresetInput): Promise<Preset> {
      await owned(userId, id);
      await queries.updatePreset(db, id, { ...input, updatedAt: clock.now() });
      return reload(id);
    },

    async setPublished(userId: string, id: string, published: boolean): Promise<Preset> {
      const { preset } = await owned(userId, id);
      const now = clock.now();
      await queries.updatePreset(db, id, { status: published ? 'published' : 'draft', publishedAt: published ? (preset.publishedAt ?? now) : preset.publishedAt, updatedAt: now });
      return reload(id);
    },

    async remove(userId: string, id: string): Promise<void> {
      await owned(userId, id);
      await queries.deletePreset(db, id);
    },

    async search(viewerId: string | undefined, query: PresetSearchQuery): Promise<PresetPage> {
      const rows = await queries.searchPresets(
        db,
        { text: query.q || undefined, kind: query.kind, authorId: query.author, includeDrafts: query.author !== undefined && query.author === viewerId },
        query.sort,
        query.limit + 1,
        query.cursor ? decodeCursor(query.cursor, query.sort) : undefined,
      );
      const page = rows.slice(0, query.limit);
      const last = page.at(-1)?.preset;
      return {
        presets: page.map(toPreset),
        nextCursor:
          rows.length > query.limit && last ? encodeCursor(query.sort, query.sort === 'popular' ? last.installCount : last.createdAt.toISOString(), last.id) : null,
      };
    },

    /** Counts the caller as a user of the preset (once per person) and returns it to apply. */
    async apply(userId: string, id: string): Promise<ApplyPresetResponse> {
      await visible(userId, id);
      const { firstTime } = await queries.recordInstall(db, id, userId, clock.now());
      const preset = await reload(id);
      return { firstTime, installCount: preset.installCount, preset };
    },
  };
}

export type PluginsService = ReturnType<typeof createPluginsService>;
