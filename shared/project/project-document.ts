import * as Y from 'yjs';
import { parseMix, type Mix, type MixIssue } from '../mix/mix-document.ts';

/**
 * The song document of a project (one Y.Doc): metadata, lyrics and the whole mix.
 *
 * Every collection is its own top-level shared type (`mix.tracks`, `mix.master`, …) rather than a map
 * nested under a key: two people creating the same nested map offline would each make their own and
 * one would silently win. Entities inside a collection are one Y.Map each, created by whoever adds
 * the entity (ids are unique), so edits to different fields of one fader merge field by field.
 *
 * The UI never pokes at Y types by string; it uses the accessors below.
 */
export const PROJECT_SCHEMA_VERSION = 1;

export const MIX_COLLECTIONS = ['tracks', 'buses', 'sends', 'clips', 'inserts'] as const;
export type MixCollection = (typeof MIX_COLLECTIONS)[number];
type FieldValue = string | number | boolean | null;

export interface ProjectMeta {
  title: string;
  bpm: number;
  musicalKey: string;
  /** The marketplace beat this song started from, if any. */
  beatId: string | null;
  schemaVersion: number;
}

const DEFAULT_META: Omit<ProjectMeta, 'schemaVersion'> = { title: '', bpm: 90, musicalKey: '', beatId: null };

export const projectParts = {
  meta: (doc: Y.Doc) => doc.getMap<FieldValue>('meta'),
  lyrics: (doc: Y.Doc) => doc.getText('lyrics'),
  mixSettings: (doc: Y.Doc) => doc.getMap<FieldValue>('mix.settings'),
  mixMaster: (doc: Y.Doc) => doc.getMap<FieldValue>('mix.master'),
  mixCollection: (doc: Y.Doc, collection: MixCollection) => doc.getMap<Y.Map<FieldValue>>(`mix.${collection}`),
  /** The terms of the licence a song was started from (see `licence-terms.ts`); written once, by the server. */
  licence: (doc: Y.Doc) => doc.getMap<FieldValue>('licence'),
};

export function readMeta(doc: Y.Doc): ProjectMeta {
  const meta = projectParts.meta(doc);
  const text = (key: string, fallback: string) => (typeof meta.get(key) === 'string' ? (meta.get(key) as string) : fallback);
  const bpm = meta.get('bpm');
  return {
    title: text('title', DEFAULT_META.title),
    bpm: typeof bpm === 'number' && bpm >= 20 && bpm <= 300 ? bpm : DEFAULT_META.bpm,
    musicalKey: text('musicalKey', DEFAULT_META.musicalKey),
    beatId: typeof meta.get('beatId') === 'string' ? (meta.get('beatId') as string) : null,
    schemaVersion: typeof meta.get('schemaVersion') === 'number' ? (meta.get('schemaVersion') as number) : 0,
  };
}

export function updateMeta(doc: Y.Doc, changes: Partial<Omit<ProjectMeta, 'schemaVersion'>>): void {
  const meta = projectParts.meta(doc);
  doc.transact(() => {
    for (const [key, value] of Object.entries(changes)) if (value !== undefined) meta.set(key, value);
  });
}

export function readLyrics(doc: Y.Doc): string {
  return projectParts.lyrics(doc).toString();
}

/** The mix as validated plain data (see shared/mix), repaired where concurrent edits left it inconsistent. */
export function readMix(doc: Y.Doc): { mix: Mix; issues: MixIssue[] } {
  const plain: Record<string, unknown> = {
    settings: projectParts.mixSettings(doc).toJSON(),
    master: projectParts.mixMaster(doc).toJSON(),
  };
  for (const collection of MIX_COLLECTIONS) plain[collection] = projectParts.mixCollection(doc, collection).toJSON();
  return parseMix(plain);
}

/** Adds an entity (a track, a send…) with its fields; the id must be new (e.g. crypto.randomUUID()). */
export function addMixEntity(doc: Y.Doc, collection: MixCollection, id: string, fields: Record<string, FieldValue>): void {
  doc.transact(() => {
    const entity = new Y.Map<FieldValue>();
    for (const [key, value] of Object.entries(fields)) if (key !== 'id') entity.set(key, value);
    projectParts.mixCollection(doc, collection).set(id, entity);
  });
}

export function removeMixEntity(doc: Y.Doc, collection: MixCollection, id: string): void {
  projectParts.mixCollection(doc, collection).delete(id);
}

/** Sets one field of one entity, of the master strip, or of the mix settings. */
export function setMixField(
  doc: Y.Doc,
  target: { collection: MixCollection; id: string } | 'master' | 'settings',
  field: string,
  value: FieldValue,
): void {
  if (target === 'master') projectParts.mixMaster(doc).set(field, value);
  else if (target === 'settings') projectParts.mixSettings(doc).set(field, value);
  else {
    const entity = projectParts.mixCollection(doc, target.collection).get(target.id);
    if (!entity) throw new Error(`no ${target.collection} entity ${target.id}`);
    entity.set(field, value);
  }
}

/**
 * Migrations by schema version; each takes a document at version n-1 to n inside one transaction.
 * Version 1 is the first layout, so a document without a version only gets the stamp.
 */
const MIGRATIONS: Array<(doc: Y.Doc) => void> = [
  () => {
    // 0 → 1: nothing to move; documents written before versioning already have this layout.
  },
];

/** Brings a document up to the current schema; returns whether anything changed. */
export function migrateProjectDocument(doc: Y.Doc): boolean {
  const from = readMeta(doc).schemaVersion;
  if (from >= PROJECT_SCHEMA_VERSION) return false;
  doc.transact(() => {
    for (let version = from; version < PROJECT_SCHEMA_VERSION; version++) MIGRATIONS[version]!(doc);
    projectParts.meta(doc).set('schemaVersion', PROJECT_SCHEMA_VERSION);
  });
  return true;
}
