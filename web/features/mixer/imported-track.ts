import { masterId } from '../../../shared/mix/mix-entities.ts';
import { orderKeyBetween } from '../../../shared/mix/order-key.ts';

/** A mix document as plain records (a Y.Doc snapshot's shape): collections of entities keyed by id. */
export type PlainMixDocument = Record<string, Record<string, unknown>>;

/** A decoded audio file to place on a new track. */
export interface ImportedAudio {
  /** Unique per import (the caller draws it, e.g. `crypto.randomUUID()`), so two people importing at once never collide. */
  readonly key: string;
  readonly fileName: string;
  readonly durationSeconds: number;
}

/** The ids an import created. */
export interface ImportedTrackIds {
  readonly trackId: string;
  readonly clipId: string;
  readonly assetId: string;
}

/** Longest track name kept from a file name (the schema cuts names at 120 characters). */
const maximumNameLength = 60;

/** The track name for a file: its name without the extension, trimmed ("Take 2.final.wav" → "Take 2.final"). */
export function trackNameFromFileName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const stem = (dot > 0 ? fileName.slice(0, dot) : fileName).trim();
  return stem.slice(0, maximumNameLength);
}

/**
 * Adds a track at the end of the console with one clip that plays the whole
 * file from the start, routed to the master with a default strip. Writes
 * one new entity per collection and touches nothing else, so it merges
 * with other people's edits once the document is a Y.Doc.
 */
export function addImportedTrack(document: PlainMixDocument, audio: ImportedAudio): ImportedTrackIds {
  // Entity ids are at most 64 characters (`entityId`); a UUID key leaves room for the prefixes.
  const key = audio.key.slice(0, 48);
  const ids = { trackId: `track-${key}`, clipId: `clip-${key}`, assetId: `file-${key}` };
  const tracks = (document.tracks ??= {}) as Record<string, Record<string, unknown>>;
  const clips = (document.clips ??= {}) as Record<string, unknown>;
  const lastOrder = Object.values(tracks)
    .map((track) => track.order)
    .filter((order): order is string => typeof order === 'string' && /^[0-9A-Za-z]*[1-9A-Za-z]$/.test(order))
    .reduce<string | null>((last, order) => (last === null || order > last ? order : last), null);
  tracks[ids.trackId] = { name: trackNameFromFileName(audio.fileName) || audio.key, order: orderKeyBetween(lastOrder, null), outputId: masterId };
  clips[ids.clipId] = { trackId: ids.trackId, assetId: ids.assetId, name: audio.fileName, startSeconds: 0, durationSeconds: audio.durationSeconds };
  return ids;
}
