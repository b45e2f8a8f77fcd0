import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import { withSpooledUpload } from '../../storage/spool-upload.ts';
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
import { inspectAudio, inspectVoiceTag } from './audio-inspection.ts';
import type { DecodableFormat } from './preview/decodable-formats.ts';
import { UndecodableAudioError, VoiceTagSilentError, VoiceTagTooLongError } from './preview/preview-errors.ts';
import { createWorkerPreviewRenderer, type PreviewRenderer } from './preview/preview-renderer.ts';
import { VOICE_TAG_MAX_SECONDS } from './preview/render-preview.ts';
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
  /** Makes previews and voice tags; a worker thread by default, so encoding never blocks requests. */
  previews?: PreviewRenderer | undefined;
}

/** Largest voice tag upload: a few seconds of even 48 kHz 24-bit stereo WAV fit. */
export const VOICE_TAG_MAX_BYTES = 2 * 1024 * 1024;

/** The stored master's content type → how the preview decodes it (for remaking a preview later). */
const DECODE_BY_CONTENT_TYPE: Record<string, DecodableFormat> = { 'audio/wav': 'wav', 'audio/mpeg': 'mp3', 'audio/flac': 'flac', 'audio/ogg': 'ogg' };

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
          preview:
            beat.previewKey && beat.previewBytes !== null
              ? {
                  contentType: beat.previewContentType ?? 'audio/mpeg',
                  bytes: beat.previewBytes,
                  durationSeconds: beat.previewDurationSeconds ?? 0,
                  tag: beat.previewTag === 'voice' ? 'voice' : 'generated',
                }
              : null,
        }
      : null,
    voiceTag: beat.voiceTagKey ? { durationSeconds: beat.voiceTagDurationSeconds ?? 0 } : null,
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
  const previews = deps.previews ?? createWorkerPreviewRenderer();

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

  /** Copies a stored object to a local file (the decoders read files); false when it is gone. */
  async function download(key: string, file: string): Promise<boolean> {
    const stored = await storage.get(key);
    if (!stored) return false;
    await pipeline(Readable.fromWeb(stored.body as NodeWebStream<Uint8Array>), createWriteStream(file));
    return true;
  }

  /**
   * Makes the public preview of a master on disk (in the preview worker) with the beat's voice tag
   * or the generated one, and stores it under a new key. The caller records it, or forgets the key.
   */
  async function makePreview(beatId: string, master: { file: string; decodeAs: DecodableFormat; durationSeconds: number | null }, voiceTagKey: string | null, folder: string) {
    let voiceTag: string | null = null;
    if (voiceTagKey) {
      voiceTag = path.join(folder, 'voice-tag.wav');
      if (!(await download(voiceTagKey, voiceTag))) voiceTag = null;
    }
    const output = path.join(folder, 'preview.mp3');
    let rendered;
    try {
      rendered = await previews.render({ input: master.file, format: master.decodeAs, output, durationSeconds: master.durationSeconds, voiceTag });
    } catch (error) {
      if (error instanceof UndecodableAudioError) throw new AppError('audio_unreadable', { cause: error });
      throw error;
    }
    const key = `beats/${beatId}/preview-${randomUUID()}.mp3`;
    const stored = await storage.put(key, createReadStream(output), { contentType: 'audio/mpeg', contentLength: rendered.bytes });
    const columns = {
      previewKey: key,
      previewContentType: 'audio/mpeg',
      previewBytes: rendered.bytes,
      previewEtag: stored.etag,
      previewDurationSeconds: rendered.durationSeconds,
      previewTag: voiceTag ? 'voice' : 'generated',
    } satisfies Partial<queries.NewBeatRow>;
    return { key, columns };
  }

  /**
   * Remakes a beat's preview from its stored master (after a voice tag change, or for a beat uploaded
   * before previews existed). A master replaced meanwhile brought its own preview: ours is dropped.
   */
  async function remakePreview(id: string): Promise<void> {
    const found = await queries.findBeat(db, id);
    const beat = found?.beat;
    if (!beat?.audioKey) return;
    const decodeAs = DECODE_BY_CONTENT_TYPE[beat.audioContentType ?? ''];
    if (!decodeAs) {
      logger.warn('no preview can be made from this master', { beatId: id, contentType: beat.audioContentType });
      return;
    }
    const folder = await mkdtemp(path.join(deps.tempDir ?? os.tmpdir(), 'cs-preview-'));
    try {
      const master = path.join(folder, 'master');
      if (!(await download(beat.audioKey, master))) throw new Error(`the master of beat ${id} is missing from storage`);
      const made = await makePreview(id, { file: master, decodeAs, durationSeconds: beat.durationSeconds }, beat.voiceTagKey, folder);
      const replaced = await queries.replacePreview(db, id, beat.audioKey, { ...made.columns, updatedAt: clock.now() }).catch(async (error: unknown) => {
        await forget(made.key);
        throw error;
      });
      await forget(replaced ? replaced.previousKey : made.key);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  return {
    async create(userId: string, request: CreateBeatRequest): Promise<Beat> {
      const limit = await deps.uploadLimitOf?.(userId);
      const now = clock.now();
      const id = randomUUID();
      await db.transaction(async (tx) => {
        if (limit !== undefined && limit !== null) {
          // Count and insert as one step per producer: two uploads at once must not both fit under the limit.
          await queries.lockBeatsOf(tx, userId);
          if ((await queries.countBeatsOf(tx, userId)) >= limit) throw new AppError('upload_limit_reached', { params: { limit } });
        }
        await queries.insertBeat(tx, { id, producerId: userId, ...metadataColumns(request), status: 'draft', createdAt: now, updatedAt: now });
      });
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
      // Only a beat with its public preview is listed: the master is never what the store plays.
      if (published && !beat.previewKey) throw new AppError('beat_preview_missing');
      const now = clock.now();
      await queries.updateBeat(db, id, {
        status: published ? 'published' : 'draft',
        publishedAt: published ? (beat.publishedAt ?? now) : beat.publishedAt,
        updatedAt: now,
      });
      return reload(id);
    },

    /** Deletes a beat and its files; one that buyers hold licences of stays (409 beat_has_licences: unpublish it instead). */
    async remove(userId: string, id: string): Promise<void> {
      await owned(userId, id);
      const result = await queries.deleteBeat(db, id);
      if (!result.deleted) throw new AppError(result.reason === 'licensed' ? 'beat_has_licences' : 'beat_not_found');
      for (const key of result.keys) await forget(key);
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
          ? queries.facetCounts(db, filters)
          : undefined,
      ]);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        beats: page.map(toBeat),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ sort: effectiveSort, value: cursorValue(last.sortValue), id: last.beat.id }) : null,
        facets: facets ?? null,
      };
    },

    /**
     * Streams an upload to a temp file (counting bytes, stopping at the limit), checks what it really
     * is, makes the tagged preview from it (in the preview worker), then stores both under generated
     * keys: the upload as the private master, the preview as what the store plays. Nothing reaches
     * storage unless every check passed and the preview was made; the temp files are always removed.
     */
    async uploadAudio(userId: string, id: string, body: ReadableStream<Uint8Array> | null, declaredLength: number | undefined): Promise<Beat> {
      const { beat } = await owned(userId, id);
      const limit = deps.uploadMaxBytes;
      if (declaredLength !== undefined && declaredLength > limit) throw new AppError('audio_too_large', { params: { limit } });
      if (!body || declaredLength === 0) throw new AppError('audio_empty');
      const tooLarge = () => new AppError('audio_too_large', { params: { limit } });
      await withSpooledUpload(body, { limit, tempDir: deps.tempDir, tooLarge }, async (file, size, folder) => {
        if (size === 0) throw new AppError('audio_empty');
        const inspection = await inspectAudio(file);
        if (!inspection.ok) throw new AppError(inspection.reason === 'type_not_allowed' ? 'audio_type_not_allowed' : 'audio_unreadable');
        // No preview, no listing: refuse what we cannot decode rather than ever publishing the master.
        if (!inspection.decodeAs) throw new AppError('audio_preview_unsupported', { params: { format: inspection.extension.toUpperCase() } });
        const preview = await makePreview(id, { file, decodeAs: inspection.decodeAs, durationSeconds: inspection.durationSeconds }, beat.voiceTagKey, folder);
        // A WAV's waveform was read with its format; any other master's is decoded for it.
        const peaks =
          inspection.peaks ??
          (inspection.durationSeconds ? await previews.renderPeaks({ input: file, format: inspection.decodeAs, durationSeconds: inspection.durationSeconds }) : null);
        // The key never contains anything the client sent: a hostile file name cannot reach a path.
        const key = `beats/${id}/${randomUUID()}.${inspection.extension}`;
        let replaced;
        try {
          const stored = await storage.put(key, createReadStream(file), { contentType: inspection.contentType, contentLength: size });
          replaced = await queries.replaceAudio(db, id, {
            audioKey: key,
            audioContentType: inspection.contentType,
            audioBytes: size,
            audioEtag: stored.etag,
            durationSeconds: inspection.durationSeconds,
            sampleRate: inspection.sampleRate,
            channels: inspection.channels,
            peaks,
            ...preview.columns,
            updatedAt: clock.now(),
          });
        } catch (error) {
          await Promise.all([forget(key), forget(preview.key)]);
          throw error;
        }
        if (!replaced) {
          // The beat was deleted while its audio was uploading.
          await Promise.all([forget(key), forget(preview.key)]);
          throw new AppError('beat_not_found');
        }
        for (const previous of replaced.previousKeys) await forget(previous);
      });
      return reload(id);
    },

    /**
     * The producer's voice tag for this beat (WAV or MP3, at most VOICE_TAG_MAX_BYTES and
     * VOICE_TAG_MAX_SECONDS): normalised in the preview worker, stored, and the preview remade with it.
     */
    async uploadVoiceTag(userId: string, id: string, body: ReadableStream<Uint8Array> | null, declaredLength: number | undefined): Promise<Beat> {
      await owned(userId, id);
      const limit = VOICE_TAG_MAX_BYTES;
      const tooLarge = () => new AppError('voice_tag_too_large', { params: { limit } });
      if (declaredLength !== undefined && declaredLength > limit) throw tooLarge();
      if (!body || declaredLength === 0) throw new AppError('audio_empty');
      await withSpooledUpload(body, { limit, tempDir: deps.tempDir, tooLarge }, async (file, size, folder) => {
        if (size === 0) throw new AppError('audio_empty');
        const inspection = await inspectVoiceTag(file);
        if (!inspection.ok) throw new AppError(inspection.reason === 'type_not_allowed' ? 'voice_tag_type_not_allowed' : 'audio_unreadable');
        const tooLong = new AppError('voice_tag_too_long', { params: { limit: VOICE_TAG_MAX_SECONDS } });
        if (inspection.durationSeconds > VOICE_TAG_MAX_SECONDS) throw tooLong;
        const output = path.join(folder, 'voice-tag.wav');
        let prepared;
        try {
          prepared = await previews.prepareVoiceTag({ input: file, format: inspection.decodeAs, output });
        } catch (error) {
          // Headers can understate a length; the decoder counts the real samples.
          if (error instanceof VoiceTagTooLongError) throw tooLong;
          if (error instanceof VoiceTagSilentError) throw new AppError('voice_tag_silent', { cause: error });
          if (error instanceof UndecodableAudioError) throw new AppError('audio_unreadable', { cause: error });
          throw error;
        }
        const key = `beats/${id}/voice-tag-${randomUUID()}.wav`;
        await storage.put(key, createReadStream(output), { contentType: 'audio/wav', contentLength: prepared.bytes });
        const replaced = await queries
          .replaceVoiceTag(db, id, { voiceTagKey: key, voiceTagDurationSeconds: prepared.durationSeconds, updatedAt: clock.now() })
          .catch(async (error: unknown) => {
            await forget(key);
            throw error;
          });
        if (!replaced) {
          await forget(key);
          throw new AppError('beat_not_found');
        }
        await forget(replaced.previousKey);
      });
      await remakePreview(id);
      return reload(id);
    },

    /** Back to the generated tag: the voice tag is deleted and the preview remade. */
    async removeVoiceTag(userId: string, id: string): Promise<Beat> {
      await owned(userId, id);
      const replaced = await queries.replaceVoiceTag(db, id, { voiceTagKey: null, voiceTagDurationSeconds: null, updatedAt: clock.now() });
      if (!replaced) throw new AppError('beat_not_found');
      if (replaced.previousKey) {
        await forget(replaced.previousKey);
        await remakePreview(id);
      }
      return reload(id);
    },

    /**
     * Makes the previews missing for beats that have a master (uploaded before previews existed), one
     * at a time in the preview worker. Run in the background at start-up (stopped between beats by
     * `signal`); a beat that fails is logged and skipped. Returns how many previews were made.
     */
    async backfillPreviews(signal?: AbortSignal): Promise<number> {
      let made = 0;
      const failed = new Set<string>();
      for (;;) {
        const batch = (await queries.beatsWithoutPreview(db, 50 + failed.size)).filter((row) => !failed.has(row.id));
        if (batch.length === 0) return made;
        for (const { id } of batch) {
          if (signal?.aborted) return made;
          try {
            await remakePreview(id);
            const found = await queries.findBeat(db, id);
            if (found?.beat.previewKey) made++;
            else failed.add(id);
          } catch (error) {
            failed.add(id);
            logger.error('could not make a missing preview', { beatId: id, error });
          }
        }
      }
    },

    /**
     * Draws the waveforms missing for beats whose master only a decoder reads (uploaded before those
     * got one at upload), one at a time in the audio worker, until none is left or `signal` aborts; a
     * beat that fails is logged and skipped. Returns how many were drawn.
     */
    async backfillPeaks(signal?: AbortSignal): Promise<number> {
      let drawn = 0;
      const failed = new Set<string>();
      for (;;) {
        const batch = (await queries.beatsWithoutPeaks(db, 50 + failed.size)).filter((row) => !failed.has(row.id));
        if (batch.length === 0) return drawn;
        for (const beat of batch) {
          if (signal?.aborted) return drawn;
          const decodeAs = DECODE_BY_CONTENT_TYPE[beat.audioContentType];
          const folder = await mkdtemp(path.join(deps.tempDir ?? os.tmpdir(), 'cs-peaks-'));
          try {
            const master = path.join(folder, 'master');
            if (!decodeAs || !(await download(beat.audioKey, master))) throw new Error('the master is missing from storage or cannot be decoded');
            const peaks = await previews.renderPeaks({ input: master, format: decodeAs, durationSeconds: beat.durationSeconds });
            // A master replaced meanwhile came with its own waveform.
            if (await queries.setPeaks(db, beat.id, beat.audioKey, peaks)) drawn++;
          } catch (error) {
            failed.add(beat.id);
            logger.error('could not draw a missing waveform', { beatId: beat.id, error });
          } finally {
            await rm(folder, { recursive: true, force: true });
          }
        }
      }
    },

    /**
     * The public preview (or a range of it) for a viewer allowed to hear it — never the master. Size
     * and ETag come from the beat's row (keys are never reused, so a stored file never changes): one
     * storage round trip per request. Plays are counted by POST /api/beats/{id}/plays (features/analytics).
     */
    async openPreview(
      viewerId: string | undefined,
      id: string,
      request: {
        /** Whether the client's cached copy (If-None-Match) is current: then nothing is opened. */
        isFresh: (etag: string) => boolean;
        rangeFor: (size: number, etag: string) => ByteRange | 'unsatisfiable' | undefined;
      },
    ): Promise<StoredStream | { notModified: true; etag: string }> {
      const { beat } = await visible(viewerId, id);
      if (!beat.previewKey || beat.previewBytes === null || !beat.previewEtag) throw new AppError('beat_not_found');
      if (request.isFresh(beat.previewEtag)) return { notModified: true, etag: beat.previewEtag };
      const size = beat.previewBytes;
      const range = request.rangeFor(size, beat.previewEtag);
      if (range === 'unsatisfiable') throw new AppError('range_not_satisfiable', { headers: { 'Content-Range': `bytes */${size}` } });
      const opened = await storage.get(beat.previewKey, range);
      if (!opened) throw new AppError('beat_not_found');
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
