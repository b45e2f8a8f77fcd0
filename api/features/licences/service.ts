import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { BeatLicences, DownloadLink, DownloadLinks, Licence, LicenceFile, LicenceList, StemsInfo, UpdateBeatLicencesRequest, UsageCaps } from '../../../shared/schemas/commerce.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Storage, StoredStream } from '../../storage/storage.ts';
import { ownedBeat, visibleBeat } from './beat-access.ts';
import type { DeliveryFiles } from './delivery-files.ts';
import { renderContractPdf } from './contract-pdf.ts';
import { DOWNLOAD_LINK_TTL_SECONDS, signDownloadToken, verifyDownloadToken, type DownloadClaim } from './download-links.ts';
import * as queries from './queries.ts';
import { refuseUnusable } from './usable.ts';
import { inspectStemsZip, type StemsLimits, type StemsProblem } from './stems-check.ts';
import { spoolErrorOf } from './spool-errors.ts';
import { withSpooledUpload } from '../../storage/spool-upload.ts';
import { isTier, mergeTiers, rowFromTier } from './tier-defaults.ts';

export interface LicencesDeps {
  db: Database;
  clock: Clock;
  storage: Storage;
  logger: Logger;
  /** Largest stems zip, bytes (the beat upload limit). */
  uploadMaxBytes: number;
  stemsLimits: StemsLimits;
  /** HMAC key of download links, used for nothing else. */
  downloadKey: Uint8Array;
  /** The MP3 and WAV a licence delivers (made from the master when it is another format). */
  deliveryFiles: DeliveryFiles;
  tempDir?: string | undefined;
}

const STEMS_ERRORS: Record<StemsProblem, 'stems_not_zip' | 'stems_zip_invalid' | 'stems_too_many_entries' | 'stems_unsafe_path' | 'stems_zip_bomb'> = {
  not_zip: 'stems_not_zip',
  invalid: 'stems_zip_invalid',
  too_many_entries: 'stems_too_many_entries',
  unsafe_path: 'stems_unsafe_path',
  bomb: 'stems_zip_bomb',
};

const isFile = (file: string): file is LicenceFile => file === 'mp3' || file === 'wav' || file === 'stems';

function toLicence(row: queries.LicenceRow, viewerId: string): Licence {
  return {
    id: row.id,
    orderId: row.orderId,
    beatId: row.beatId,
    beatTitle: row.beatTitle,
    tier: isTier(row.tier) ? row.tier : 'basic',
    files: row.files.filter(isFile),
    caps: row.caps as UsageCaps,
    price: row.priceCents / 100,
    currency: 'usd',
    buyerId: row.buyerId,
    buyerName: row.buyerName,
    producerId: row.producerId,
    producerName: row.producerName,
    role: row.buyerId === viewerId ? 'buyer' : 'producer',
    grantedAt: row.grantedAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    heldAt: row.heldAt?.toISOString() ?? null,
    contractUrl: `/api/licences/${row.id}/contract.pdf`,
  };
}

export function createLicencesService(deps: LicencesDeps) {
  const { db, clock, storage, logger } = deps;

  function stemsInfo(row: Awaited<ReturnType<typeof queries.findStems>>): StemsInfo | null {
    return row ? { bytes: row.bytes, entries: row.entries, uncompressedBytes: row.uncompressedBytes, uploadedAt: row.uploadedAt.toISOString() } : null;
  }

  /** A licence the caller is a party to (buyer or producer); everyone else gets licence_not_found. */
  async function partyTo(userId: string, licenceId: string) {
    const row = await queries.findLicence(db, licenceId);
    if (!row || (row.buyerId !== userId && row.producerId !== userId)) throw new AppError('licence_not_found');
    return row;
  }

  /** `partyTo` for what a licence grants (files, the contract): a refunded one grants nothing, one on hold nothing for now. */
  async function liveLicence(userId: string, licenceId: string) {
    const row = await partyTo(userId, licenceId);
    refuseUnusable(row);
    return row;
  }

  function link(claim: Omit<DownloadClaim, 'exp'>): DownloadLink {
    const exp = Math.floor(clock.now().getTime() / 1000) + DOWNLOAD_LINK_TTL_SECONDS;
    return { file: claim.file, url: `/api/downloads/${signDownloadToken(deps.downloadKey, { ...claim, exp })}`, expiresAt: new Date(exp * 1000).toISOString() };
  }

  return {
    async tiers(viewerId: string | undefined, beatId: string): Promise<BeatLicences> {
      const beat = await visibleBeat(db, viewerId, beatId);
      const [rows, sold, stems] = await Promise.all([queries.tierRows(db, beatId), queries.exclusiveSold(db, beatId), queries.findStems(db, beatId)]);
      return { beatId, currency: 'usd', tiers: mergeTiers(beat.priceCents, rows), exclusiveSold: sold, stems: stemsInfo(stems) };
    },

    async updateTiers(userId: string, beatId: string, request: UpdateBeatLicencesRequest): Promise<BeatLicences> {
      const beat = await ownedBeat(db, userId, beatId);
      // A sold exclusive retired the beat: its tiers stay off.
      if (beat.status === 'sold' || (await queries.exclusiveSold(db, beatId))) throw new AppError('beat_sold');
      await queries.saveTiers(db, beatId, request.tiers.map(rowFromTier), clock.now(), true);
      return this.tiers(userId, beatId);
    },

    /** The stems zip as the raw body: spooled, checked entry by entry (names, count, real unpacked size), then stored. */
    async uploadStems(userId: string, beatId: string, body: ReadableStream<Uint8Array> | null, declaredLength: number | undefined): Promise<BeatLicences> {
      await ownedBeat(db, userId, beatId);
      const limit = deps.uploadMaxBytes;
      if (declaredLength !== undefined && declaredLength > limit) throw new AppError('stems_too_large', { params: { limit } });
      if (!body || declaredLength === 0) throw new AppError('stems_empty');
      await withSpooledUpload(body, { limit, tempDir: deps.tempDir, tooLarge: () => new AppError('stems_too_large', { params: { limit } }) }, async (file, size) => {
        if (size === 0) throw new AppError('stems_empty');
        const inspection = await inspectStemsZip(file, size, deps.stemsLimits);
        if (!inspection.ok) {
          const code = STEMS_ERRORS[inspection.problem];
          throw new AppError(code, {
            params: { limit: code === 'stems_too_many_entries' ? deps.stemsLimits.maxEntries : deps.stemsLimits.maxUncompressedBytes },
          });
        }
        // The key is ours alone; nothing the client sent reaches a path.
        const key = `beats/${beatId}/stems-${randomUUID()}.zip`;
        await storage.put(key, createReadStream(file), { contentType: 'application/zip', contentLength: size });
        let replaced;
        try {
          replaced = await queries.replaceStems(db, { beatId, storageKey: key, bytes: size, entries: inspection.entries, uncompressedBytes: inspection.uncompressedBytes, uploadedAt: clock.now() });
        } catch (error) {
          await storage.delete(key).catch((cleanup: unknown) => logger.error('could not delete stored stems', { key, error: cleanup }));
          throw error;
        }
        if (!replaced) {
          await storage.delete(key);
          throw new AppError('beat_not_found');
        }
        if (replaced.previousKey) await storage.delete(replaced.previousKey).catch((error: unknown) => logger.error('could not delete replaced stems', { key: replaced.previousKey, error }));
      }).catch((error: unknown) => {
        throw spoolErrorOf(error);
      });
      return this.tiers(userId, beatId);
    },

    async list(userId: string): Promise<LicenceList> {
      return { licences: (await queries.licencesOf(db, userId)).map((row) => toLicence(row, userId)) };
    },

    async contract(userId: string, licenceId: string): Promise<{ pdf: Uint8Array; filename: string }> {
      const row = await liveLicence(userId, licenceId);
      const licence = toLicence(row, userId);
      const pdf = await renderContractPdf({ ...licence, licenceId: row.id, priceCents: row.priceCents, grantedAt: row.grantedAt });
      return { pdf, filename: `licence-${row.id}.pdf` };
    },

    /** Signed links to the licence's files that exist (stems only once uploaded). */
    async downloads(userId: string, licenceId: string): Promise<DownloadLinks> {
      const row = await liveLicence(userId, licenceId);
      const [beat, stems] = await Promise.all([queries.findBeat(db, row.beatId), queries.findStems(db, row.beatId)]);
      const available = row.files.filter(isFile).filter((file) => (file === 'stems' ? stems !== undefined : beat !== undefined && deps.deliveryFiles.deliverable(beat, file)));
      // A file made from the master takes seconds: start now, so it is ready by the click.
      for (const file of available) if (file !== 'stems' && beat) deps.deliveryFiles.prepare(beat, file);
      return { links: available.map((file) => link({ kind: 'licence', id: row.id, file })) };
    },

    /**
     * Records the e-mail as the producer's lead and returns a signed link to the beat's MP3: the tagged
     * public preview, not the master (that is what a licence buys).
     */
    async freeDownload(beatId: string, email: string): Promise<DownloadLink> {
      const beat = await visibleBeat(db, undefined, beatId);
      if (!beat.freeDownload || !beat.previewKey) throw new AppError('free_download_unavailable');
      const leadId = await queries.recordLead(db, { id: randomUUID(), producerId: beat.producerId, beatId, email: email.trim().toLowerCase(), createdAt: clock.now() });
      return link({ kind: 'free', id: leadId, file: 'mp3' });
    },

    /** Opens what a signed link names, re-checking that the licence (or lead) and the file still exist. */
    async openDownload(token: string): Promise<{ stream: StoredStream; filename: string }> {
      const claim = verifyDownloadToken(deps.downloadKey, token, clock.now());
      let beatId: string;
      if (claim.kind === 'licence') {
        const licence = await queries.findLicence(db, claim.id);
        if (!licence || !licence.files.includes(claim.file)) throw new AppError('download_link_invalid');
        // A link handed out before a refund or a chargeback stops working with it.
        refuseUnusable(licence);
        beatId = licence.beatId;
      } else {
        const lead = await queries.findLead(db, claim.id);
        if (!lead || claim.file !== 'mp3') throw new AppError('download_link_invalid');
        beatId = lead.beatId;
      }
      const beat = await queries.findBeat(db, beatId);
      let stream: StoredStream | undefined;
      let extension = claim.file === 'stems' ? 'zip' : claim.file;
      if (claim.file === 'stems') {
        const key = (await queries.findStems(db, beatId))?.storageKey;
        stream = key ? await storage.get(key) : undefined;
      } else if (claim.kind === 'licence') {
        // Licence holders get the file their licence names, full quality: the master or made from it.
        if (!beat) throw new AppError('file_not_available');
        ({ stream, extension } = await deps.deliveryFiles.open(beat, claim.file));
      } else {
        // A free download gets the tagged preview only.
        stream = beat?.previewKey ? await storage.get(beat.previewKey) : undefined;
      }
      if (!stream) throw new AppError('file_not_available');
      const base = (beat?.title ?? 'beat').replace(/[^A-Za-z0-9 _-]/g, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'beat';
      return { stream, filename: `${base}-${claim.file}.${extension}` };
    },

    /** Tier rows that exist for a beat; checkout materialises the defaults so the grant can switch them off. */
    async materialiseTiers(beatId: string, priceCents: number): Promise<void> {
      const rows = await queries.tierRows(db, beatId);
      await queries.saveTiers(db, beatId, mergeTiers(priceCents, rows).map(rowFromTier), clock.now(), false);
    },
  };
}

export type LicencesService = ReturnType<typeof createLicencesService>;
