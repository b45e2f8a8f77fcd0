import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import type { ByteRange, Storage, StoredStream } from '../../storage/storage.ts';
import {
  BEAT_GENRES,
  BEAT_MOODS,
  MUSICAL_KEYS,
  type Beat,
  type BeatGenre,
  type BeatMood,
  type BeatPage,
  type BeatSearchQuery,
  type BeatSort,
  type CreateBeatRequest,
  type MusicalKey,
} from '../../../shared/schemas/beats.ts';
import { inspectAudio } from './audio-inspection.ts';
import * as queries from './queries.ts';

export interface BeatsDeps {
  db: Database;
  clock: Clock;
  storage: Storage;
  logger: Logger;
  /** Largest audio upload in bytes. */
  uploadMaxBytes: number;
  /** Where uploads are spooled while they are checked; the system temp folder by default. */
  tempDir?: string | undefined;
  /** How many beats the producer's plan allows (null: unlimited); unset means no limit. See features/subscriptions. */
  uploadLimitOf?: ((userId: string) => Promise<number | null>) | undefined;
}

const toCents = (price: number) => Math.round(price * 100);

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;

function toBeat({ beat, producerName }: queries.BeatWithProducer): Beat {
  return {
    id: beat.id,
    producerId: beat.producerId,
    producerName,
    title: beat.title,
    genre: oneOf<BeatGenre>(BEAT_GENRES, beat.genre) ?? 'other',
    price: beat.priceCents / 100,
    freeDownload: beat.freeDownload,
    bpm: beat.bpm,
    musicalKey: oneOf<MusicalKey>(MUSICAL_KEYS, beat.musicalKey),
    mood: oneOf<BeatMood>(BEAT_MOODS, beat.mood),
    tags: beat.tags,
    description: beat.description,
    status: beat.status === 'published' ? 'published' : 'draft',
    publishedAt: beat.publishedAt?.toISOString() ?? null,
    audio: beat.audioKey
      ? {
          contentType: beat.audioContentType ?? 'application/octet-stream',
          bytes: beat.audioBytes ?? 0,
          durationSeconds: beat.durationSeconds,
          sampleRate: beat.sampleRate,
          channels: beat.channels,
          peaks: beat.peaks,
        }
      : null,
    plays: beat.playCount,
    sales: beat.saleCount,
    createdAt: beat.createdAt.toISOString(),
    updatedAt: beat.updatedAt.toISOString(),
  };
}

/** The editable metadata as columns; tags also feed the search document. */
function metadataColumns(request: CreateBeatRequest) {
  return {
    title: request.title,
    genre: request.genre,
    priceCents: toCents(request.price),
    freeDownload: request.freeDownload,
    bpm: request.bpm,
    musicalKey: request.musicalKey,
    mood: request.mood,
    tags: request.tags,
    description: request.description,
    searchText: request.tags.join(' '),
  };
}

interface CursorState {
  sort: BeatSort;
  value: number | string;
  id: string;
}

const encodeCursor = (state: CursorState) => Buffer.from(JSON.stringify([state.sort, state.value, state.id])).toString('base64url');

function decodeCursor(cursor: string, sort: BeatSort): CursorState {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 3 && parsed[0] === sort && typeof parsed[2] === 'string') {
      const value: unknown = parsed[1];
      const valid = sort === 'newest' ? typeof value === 'string' && !Number.isNaN(Date.parse(value)) : typeof value === 'number' && Number.isFinite(value);
      if (valid) return { sort, value: value as number | string, id: parsed[2] };
    }
  } catch (error) {
    throw new AppError('invalid_cursor', { cause: error });
  }
  throw new AppError('invalid_cursor');
}

/** The sort value as the cursor carries it: timestamps as ISO text (microseconds kept), numbers as they are. */
function cursorValue(value: number | string | Date): number | string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' && /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(value)) return Number(value);
  return value;
}

export function createBeatsService(deps: BeatsDeps) {
  const { db, clock, storage, logger } = deps;

  /** The beat if the viewer may see it: published, or their own draft. Others' drafts do not exist for them. */
  async function visible(viewerId: string | undefined, id: string) {
    const found = await queries.findBeat(db, id);
    if (!found || (found.beat.status !== 'published' && found.beat.producerId !== viewerId)) throw new AppError('beat_not_found');
    return found;
  }

  /** The beat if the caller produced it: beat_not_found when they cannot see it, beat_forbidden when it is someone else's. */
  async function owned(userId: string, id: string) {
    const found = await visible(userId, id);
    if (found.beat.producerId !== userId) throw new AppError('beat_forbidden');
    return found;
  }

  async function reload(id: string): Promise<Beat> {
    const found = await queries.findBeat(db, id);
    if (!found) throw new AppError('beat_not_found');
    return toBeat(found);
  }

  /** Removes a stored object, logging rather than failing: a leftover file is cheaper than a failed request. */
  async function forget(key: string | null) {
    if (!key) return;
    await storage.delete(key).catch((error: unknown) => logger.error('could not delete stored audio', { key, error }));
  }

  return {
    async create(userId: string, request: CreateBeatRequest): Promise<Beat> {
      const limit = await deps.uploadLimitOf?.(userId);
      if (limit !== undefined && limit !== null && (await queries.countBeatsOf(db, userId)) >= limit) throw new AppError('upload_limit_reached', { params: { limit } });
      const now = clock.now();
      const id = randomUUID();
      await queries.insertBeat(db, { id, producerId: userId, ...metadataColumns(request), status: 'draft', createdAt: now, updatedAt: now });
      return reload(id);
    },

    async get(viewerId: string | undefined, id: string): Promise<Beat> {
      return toBeat(await visible(viewerId, id));
    },

    async update(userId: string, id: string, request: CreateBeatRequest): Promise<Beat> {
      await owned(userId, id);
      await queries.updateBeat(db, id, { ...metadataColumns(request), updatedAt: clock.now() });
      return reload(id);
    },

    async setPublished(userId: string, id: string, published: boolean): Promise<Beat> {
      const { beat } = await owned(userId, id);
      // An exclusive sale retired the beat for good (features/payments).
      if (beat.status === 'sold') throw new AppError('beat_sold');
      if (published && !beat.audioKey) throw new AppError('beat_audio_missing');
      const now = clock.now();
      await queries.updateBeat(db, id, {
        status: published ? 'published' : 'draft',
        publishedAt: published ? (beat.publishedAt ?? now) : beat.publishedAt,
        updatedAt: now,
      });
      return reload(id);
    },

    async remove(userId: string, id: string): Promise<void> {
      const { beat } = await owned(userId, id);
      await queries.deleteBeat(db, id);
      await forget(beat.audioKey);
    },

    async search(viewerId: string | undefined, query: BeatSearchQuery): Promise<BeatPage> {
      const sort: BeatSort = query.sort ?? (query.q ? 'relevance' : 'newest');
      const filters: queries.SearchFilters = {
        text: query.q && (await queries.hasLexemes(db, query.q)) ? query.q : undefined,
        producerId: query.producer,
        includeDrafts: query.producer !== undefined && query.producer === viewerId,
        genre: query.genre,
        musicalKey: query.musicalKey,
        mood: query.mood,
        bpmMin: query.bpmMin,
        bpmMax: query.bpmMax,
        priceMinCents: query.priceMin === undefined ? undefined : toCents(query.priceMin),
        priceMaxCents: query.priceMax === undefined ? undefined : toCents(query.priceMax),
        freeDownload: query.freeDownload,
      };
      const effectiveSort = sort === 'relevance' && !filters.text ? 'newest' : sort;
      const after = query.cursor ? decodeCursor(query.cursor, effectiveSort) : undefined;
      const [rows, facets] = await Promise.all([
        queries.searchBeats(db, filters, effectiveSort, query.limit, after),
        query.facets
          ? Promise.all([queries.facetCounts(db, filters, 'genre'), queries.facetCounts(db, filters, 'musicalKey'), queries.facetCounts(db, filters, 'mood')])
          : undefined,
      ]);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        beats: page.map(toBeat),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ sort: effectiveSort, value: cursorValue(last.sortValue), id: last.beat.id }) : null,
        facets: facets ? { genre: facets[0], musicalKey: facets[1], mood: facets[2] } : null,
      };
    },

    /**
     * Streams an upload to a temp file (counting bytes, stopping at the limit), checks what it really
     * is, then moves it into storage under a generated key. Nothing reaches storage unless every check
     * passed, and the temp file is always removed.
     */
    async uploadAudio(userId: string, id: string, body: ReadableStream<Uint8Array> | null, declaredLength: number | undefined): Promise<Beat> {
      await owned(userId, id);
      const limit = deps.uploadMaxBytes;
      if (declaredLength !== undefined && declaredLength > limit) throw new AppError('audio_too_large', { params: { limit } });
      if (!body || declaredLength === 0) throw new AppError('audio_empty');
      const folder = await mkdtemp(path.join(deps.tempDir ?? os.tmpdir(), 'cs-upload-'));
      const file = path.join(folder, 'upload');
      try {
        let size = 0;
        const counter = new Transform({
          transform(chunk: Buffer, _encoding, callback) {
            size += chunk.length;
            if (size > limit) callback(new AppError('audio_too_large', { params: { limit } }));
            else callback(null, chunk);
          },
        });
        await pipeline(Readable.fromWeb(body as NodeWebStream<Uint8Array>), counter, createWriteStream(file));
        if (size === 0) throw new AppError('audio_empty');
        const inspection = await inspectAudio(file);
        if (!inspection.ok) throw new AppError(inspection.reason === 'type_not_allowed' ? 'audio_type_not_allowed' : 'audio_unreadable');
        // The key never contains anything the client sent: a hostile file name cannot reach a path.
        const key = `beats/${id}/${randomUUID()}.${inspection.extension}`;
        const stored = await storage.put(key, createReadStream(file), { contentType: inspection.contentType, contentLength: size });
        let replaced;
        try {
          replaced = await queries.replaceAudio(db, id, {
            audioKey: key,
            audioContentType: inspection.contentType,
            audioBytes: size,
            audioEtag: stored.etag,
            durationSeconds: inspection.durationSeconds,
            sampleRate: inspection.sampleRate,
            channels: inspection.channels,
            peaks: inspection.peaks,
            updatedAt: clock.now(),
          });
        } catch (error) {
          await forget(key);
          throw error;
        }
        if (!replaced) {
          // The beat was deleted while its audio was uploading.
          await forget(key);
          throw new AppError('beat_not_found');
        }
        await forget(replaced.previousKey);
        return reload(id);
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },

    /**
     * The stored audio (or a range of it) for a viewer allowed to hear it. Size and ETag come from the
     * beat's row (keys are never reused, so a stored file never changes): one storage round trip per
     * request. A GET from the start of the file by someone other than the producer counts as a play.
     */
    async openAudio(
      viewerId: string | undefined,
      id: string,
      request: {
        /** Whether the client's cached copy (If-None-Match) is current: then nothing is opened or counted. */
        isFresh: (etag: string) => boolean;
        rangeFor: (size: number, etag: string) => ByteRange | 'unsatisfiable' | undefined;
        countsAsPlay: boolean;
      },
    ): Promise<StoredStream | { notModified: true; etag: string }> {
      const { beat } = await visible(viewerId, id);
      if (!beat.audioKey || beat.audioBytes === null || !beat.audioEtag) throw new AppError('beat_not_found');
      if (request.isFresh(beat.audioEtag)) return { notModified: true, etag: beat.audioEtag };
      const size = beat.audioBytes;
      const range = request.rangeFor(size, beat.audioEtag);
      if (range === 'unsatisfiable') throw new AppError('range_not_satisfiable', { headers: { 'Content-Range': `bytes */${size}` } });
      const opened = await storage.get(beat.audioKey, range);
      if (!opened) throw new AppError('beat_not_found');
      if (request.countsAsPlay && viewerId !== beat.producerId && (!range || range.start === 0)) await queries.countPlay(db, id);
      return opened;
    },

    /**
     * For the purchase flow (not built yet): what a buyer is paying for, published beats only, and the
     * counter to bump once a payment is confirmed.
     */
    async purchasable(id: string): Promise<{ beat: Beat; priceCents: number; audioKey: string | null }> {
      const found = await visible(undefined, id);
      return { beat: toBeat(found), priceCents: found.beat.priceCents, audioKey: found.beat.audioKey };
    },
    async recordSale(id: string): Promise<void> {
      await queries.countSale(db, id);
    },
  };
}

export type BeatsService = ReturnType<typeof createBeatsService>;
