import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { beats } from '../../db/schema.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Storage, StoredStream } from '../../storage/storage.ts';
import type { DecodableFormat } from '../beats/preview/decodable-formats.ts';
import type { PreviewRenderer } from '../beats/preview/preview-renderer.ts';
import type { DeliveryFile } from '../beats/preview/render-delivery.ts';

/** What each master format is to the delivery code: how to decode it, and whether it is lossless. */
const MASTERS: Record<string, { decodeAs: DecodableFormat; lossless: boolean; delivers: DeliveryFile | null }> = {
  'audio/wav': { decodeAs: 'wav', lossless: true, delivers: 'wav' },
  'audio/flac': { decodeAs: 'flac', lossless: true, delivers: null },
  'audio/mpeg': { decodeAs: 'mp3', lossless: false, delivers: 'mp3' },
  'audio/ogg': { decodeAs: 'ogg', lossless: false, delivers: null },
};

const CONTENT_TYPES: Record<DeliveryFile, string> = { mp3: 'audio/mpeg', wav: 'audio/wav' };

export interface DeliveryBeat {
  id: string;
  audioKey: string | null;
  audioContentType: string | null;
  deliveryMp3Key: string | null;
  deliveryWavKey: string | null;
}

/**
 * The MP3 and WAV a licence delivers. A file the master already is, is the master itself; otherwise it
 * is made from the master when first asked for (in the preview worker: decoding and encoding a
 * whole song takes seconds of CPU, so only beats that sold pay it), stored, and kept on the beat row
 * until the master is replaced. A WAV is only ever made from a lossless master: a WAV of an MP3 would
 * be a lossy file in a lossless wrapper, so such a beat delivers no WAV at all.
 */
export function createDeliveryFiles(deps: { db: Database; storage: Storage; previews: PreviewRenderer; logger: Logger; tempDir?: string | undefined }) {
  const { db, storage, previews, logger } = deps;
  /** Files being made, so simultaneous first downloads of one beat make it once. */
  const making = new Map<string, Promise<string>>();

  const keyColumn = (file: DeliveryFile) => (file === 'mp3' ? beats.deliveryMp3Key : beats.deliveryWavKey);
  const storedKey = (beat: DeliveryBeat, file: DeliveryFile) => (file === 'mp3' ? beat.deliveryMp3Key : beat.deliveryWavKey);

  /** Makes the file from the master, stores it and records it on the beat, unless the master changed meanwhile. */
  async function make(beat: DeliveryBeat & { audioKey: string }, file: DeliveryFile, decodeAs: DecodableFormat): Promise<string> {
    const folder = await mkdtemp(path.join(deps.tempDir ?? os.tmpdir(), 'cs-delivery-'));
    try {
      const master = path.join(folder, 'master');
      const opened = await storage.get(beat.audioKey);
      if (!opened) throw new AppError('file_not_available');
      await pipeline(Readable.fromWeb(opened.body as NodeWebStream<Uint8Array>), createWriteStream(master));
      const output = path.join(folder, `delivery.${file}`);
      const rendered = await previews.renderDelivery({ input: master, format: decodeAs, output, file });
      const key = `beats/${beat.id}/delivery-${randomUUID()}.${file}`;
      await storage.put(key, createReadStream(output), { contentType: CONTENT_TYPES[file], contentLength: rendered.bytes });
      const recorded = await db
        .update(beats)
        .set(file === 'mp3' ? { deliveryMp3Key: key } : { deliveryWavKey: key })
        .where(and(eq(beats.id, beat.id), eq(beats.audioKey, beat.audioKey), isNull(keyColumn(file))))
        .returning({ id: beats.id })
        .catch(async (error: unknown) => {
          // Not recorded, so nobody would ever delete it.
          await storage.delete(key).catch((cleanup: unknown) => logger.error('could not delete an unrecorded delivery file', { key, error: cleanup }));
          throw error;
        });
      if (recorded.length === 0) {
        // Another instance recorded the same file first (then it is used), or a new master arrived
        // while this one was rendering (then this file is of a master that is gone). Ours goes.
        await storage.delete(key).catch((error: unknown) => logger.error('could not delete a delivery file nobody uses', { key, error }));
        const [current] = await db.select({ audioKey: beats.audioKey, key: keyColumn(file) }).from(beats).where(eq(beats.id, beat.id));
        if (current?.audioKey === beat.audioKey && current.key) return current.key;
        throw new AppError('file_not_available');
      }
      logger.info('made a licence delivery file', { beatId: beat.id, file, bytes: rendered.bytes, sampleRate: rendered.sampleRate });
      return key;
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  /** The storage key of the file: the master's, the stored one, or one made now (once, however many ask). */
  async function keyOf(beat: DeliveryBeat, file: DeliveryFile): Promise<string> {
    const master = MASTERS[beat.audioContentType ?? ''];
    const audioKey = beat.audioKey;
    if (!audioKey || !master || (file === 'wav' && !master.lossless)) throw new AppError('file_not_available');
    if (master.delivers === file) return audioKey;
    const stored = storedKey(beat, file);
    if (stored) return stored;
    const id = `${beat.id}:${file}:${audioKey}`;
    let pending = making.get(id);
    if (!pending) {
      pending = make({ ...beat, audioKey }, file, master.decodeAs).finally(() => making.delete(id));
      making.set(id, pending);
    }
    return pending;
  }

  return {
    /** Whether this beat can deliver `file`, now or once made (stems are the licences service's). */
    deliverable(beat: DeliveryBeat, file: DeliveryFile): boolean {
      const master = MASTERS[beat.audioContentType ?? ''];
      if (!beat.audioKey || !master) return false;
      return file === 'mp3' || master.lossless;
    },

    /**
     * Starts making the file if it has to be made and is not there yet, without waiting: asked for when
     * the buyer asks for their links, so the file is ready (or well on its way) by the time they click.
     */
    prepare(beat: DeliveryBeat, file: DeliveryFile): void {
      // keyOf answers at once (no I/O) when there is nothing to make.
      void keyOf(beat, file).catch((error: unknown) => logger.warn('could not prepare a licence delivery file', { beatId: beat.id, file, error }));
    },

    /** Opens the delivery file, making it first if it does not exist yet. */
    async open(beat: DeliveryBeat, file: DeliveryFile): Promise<{ stream: StoredStream; extension: string }> {
      const stream = await storage.get(await keyOf(beat, file));
      if (!stream) throw new AppError('file_not_available');
      return { stream, extension: file };
    },
  };
}

export type DeliveryFiles = ReturnType<typeof createDeliveryFiles>;
