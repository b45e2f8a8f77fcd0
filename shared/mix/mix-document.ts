import type { z } from 'zod';
import {
  busSchema,
  clipSchema,
  insertSchema,
  masterId,
  masterSchema,
  mixSettingsSchema,
  sendSchema,
  trackSchema,
  type Bus,
  type Clip,
  type Insert,
  type Master,
  type MixSettings,
  type Send,
  type Track,
} from './mix-entities.ts';
import { breakRoutingCycles } from './mix-routing.ts';

/**
 * The whole mix as plain data: the shape of `yDoc.getMap(...).toJSON()` for
 * the project's mix maps. Collections are records keyed by entity id; the
 * key is authoritative (an entity's `id` field is overwritten with it).
 */
export interface Mix {
  readonly settings: MixSettings;
  readonly master: Master;
  readonly tracks: Readonly<Record<string, Track>>;
  readonly buses: Readonly<Record<string, Bus>>;
  readonly sends: Readonly<Record<string, Send>>;
  readonly clips: Readonly<Record<string, Clip>>;
  readonly inserts: Readonly<Record<string, Insert>>;
}

/** Something `parseMix` repaired or dropped, for a log line or a developer toast. */
export interface MixIssue {
  readonly collection: keyof Mix;
  readonly id: string;
  readonly problem: string;
}

/** Why `parseMix` changed or dropped something; stable codes for logs. */
export const MixProblem = {
  invalidEntity: 'invalid_entity',
  missingTrack: 'missing_track',
  missingSource: 'missing_source',
  missingTarget: 'missing_target',
  missingOwner: 'missing_owner',
  missingOutput: 'missing_output',
  missingSidechain: 'missing_sidechain',
  routingCycle: 'routing_cycle',
} as const;
export type MixProblem = (typeof MixProblem)[keyof typeof MixProblem];

/** An empty project: default settings and master, no tracks. */
export function createEmptyMix(): Mix {
  return {
    settings: mixSettingsSchema.parse({}),
    master: masterSchema.parse({}),
    tracks: {},
    buses: {},
    sends: {},
    clips: {},
    inserts: {},
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseCollection<Schema extends z.ZodType>(
  input: unknown,
  schema: Schema,
  collection: keyof Mix,
  issues: MixIssue[],
): Record<string, z.output<Schema>> {
  const result: Record<string, z.output<Schema>> = {};
  if (!isRecord(input)) return result;
  for (const [id, value] of Object.entries(input)) {
    const parsed = schema.safeParse(isRecord(value) ? { ...value, id } : value);
    if (parsed.success) result[id] = parsed.data;
    else issues.push({ collection, id, problem: MixProblem.invalidEntity });
  }
  return result;
}

/**
 * Reads a mix from untrusted plain data (a Y.Doc snapshot, an import file).
 * Never throws: bad values fall back to defaults or are clamped (see
 * `rangedNumber`), entities without a usable shape or whose references
 * point nowhere are dropped, dangling routing is sent to the master, and
 * routing cycles are broken. Everything changed is listed in `issues`.
 */
export function parseMix(input: unknown): { mix: Mix; issues: MixIssue[] } {
  const source = isRecord(input) ? input : {};
  const issues: MixIssue[] = [];
  const tracks = parseCollection(source.tracks, trackSchema, 'tracks', issues);
  const buses = parseCollection(source.buses, busSchema, 'buses', issues);
  const strips = new Set([...Object.keys(tracks), ...Object.keys(buses), masterId]);
  const repairRouting = <T extends Track | Bus>(collection: 'tracks' | 'buses', entities: Record<string, T>) => {
    for (const [id, entity] of Object.entries(entities)) {
      let repaired = entity;
      if (entity.outputId !== masterId && !(entity.outputId in buses)) {
        issues.push({ collection, id, problem: MixProblem.missingOutput });
        repaired = { ...repaired, outputId: masterId };
      }
      if (entity.compressorSidechainId !== '' && !strips.has(entity.compressorSidechainId)) {
        issues.push({ collection, id, problem: MixProblem.missingSidechain });
        repaired = { ...repaired, compressorSidechainId: '' };
      }
      entities[id] = repaired;
    }
  };
  repairRouting('tracks', tracks);
  repairRouting('buses', buses);

  const sends = parseCollection(source.sends, sendSchema, 'sends', issues);
  for (const [id, send] of Object.entries(sends)) {
    const problem = !strips.has(send.sourceId) || send.sourceId === masterId ? MixProblem.missingSource : !(send.targetBusId in buses) ? MixProblem.missingTarget : null;
    if (problem) {
      issues.push({ collection: 'sends', id, problem });
      delete sends[id];
    }
  }
  const clips = parseCollection(source.clips, clipSchema, 'clips', issues);
  for (const [id, clip] of Object.entries(clips)) {
    if (!(clip.trackId in tracks)) {
      issues.push({ collection: 'clips', id, problem: MixProblem.missingTrack });
      delete clips[id];
    }
  }
  const inserts = parseCollection(source.inserts, insertSchema, 'inserts', issues);
  for (const [id, insert] of Object.entries(inserts)) {
    if (!strips.has(insert.ownerId)) {
      issues.push({ collection: 'inserts', id, problem: MixProblem.missingOwner });
      delete inserts[id];
    }
  }
  const master = masterSchema.parse(isRecord(source.master) ? source.master : {});
  const settings = mixSettingsSchema.parse(isRecord(source.settings) ? source.settings : {});
  return breakRoutingCycles({ settings, master, tracks, buses, sends, clips, inserts }, issues);
}
