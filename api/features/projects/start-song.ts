import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { SyncServer } from '../../collab/sync-server.ts';
import type { Database } from '../../db/database.ts';
import { beats } from '../../db/schema.ts';
import { AppError } from '../../errors/app-error.ts';
import { LicenceTerms, licensedBeatTrackId, startSongWithLicensedBeat } from '../../../shared/project/licence-terms.ts';
import { documentName, type StartSongResponse } from '../../../shared/schemas/projects.ts';
import { findLicence } from '../licences/queries.ts';
import { refuseUnusable } from '../licences/usable.ts';
import type { ProjectsService } from './service.ts';

/**
 * The project a licence starts: its id is derived from the licence id, so "start a song with this
 * beat" is idempotent without a table linking the two (a second call, or two at once, finds the
 * same project), and the project's primary key settles races. Shaped like a UUID (version 8,
 * "custom") because project ids elsewhere are UUIDs.
 */
export function projectIdForLicence(licenceId: string): string {
  const hex = createHash('sha256').update(`creatorsync:start-song:${licenceId}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * "Start a song with this beat" (issue 7): a licence's buyer turns the purchase into a project they
 * own, titled after the beat, whose song begins with the beat as its first track and carries the
 * licence terms (`shared/project/licence-terms.ts`).
 */
export function createStartSongService(deps: { db: Database; projects: ProjectsService; sync: SyncServer }) {
  const { db, projects, sync } = deps;

  return {
    async startSong(userId: string, licenceId: string): Promise<StartSongResponse> {
      const licence = await findLicence(db, licenceId);
      // Strangers cannot learn that the licence exists; its producer is told why they cannot.
      if (!licence || (licence.buyerId !== userId && licence.producerId !== userId)) throw new AppError('licence_not_found');
      if (licence.buyerId !== userId) throw new AppError('licence_not_buyer');
      refuseUnusable(licence);
      const [beat] = await db.select({ bpm: beats.bpm, musicalKey: beats.musicalKey }).from(beats).where(eq(beats.id, licence.beatId)).limit(1);
      const terms = LicenceTerms.parse({
        licenceId: licence.id,
        beatId: licence.beatId,
        beatTitle: licence.beatTitle,
        producerName: licence.producerName,
        tier: licence.tier,
        files: licence.files,
        caps: licence.caps,
        grantedAt: licence.grantedAt.toISOString(),
        contractUrl: `/api/licences/${licence.id}/contract.pdf`,
      });
      const title = licence.beatTitle.trim().slice(0, 120) || licence.beatId;
      const { project, created } = await projects.createOnce(userId, projectIdForLicence(licence.id), title);
      const trackId = licensedBeatTrackId(licence.id);
      // Every call seeds the song if it is not seeded yet (a no-op afterwards), so a crash between
      // creating the project and writing its song heals on the next try.
      await sync.applyServerChange(
        documentName(project.id, 'song'),
        (doc) => void startSongWithLicensedBeat(doc, { terms, bpm: beat?.bpm ?? null, musicalKey: beat?.musicalKey ?? null, trackId }),
        userId,
      );
      return { project, created, trackId };
    },
  };
}

export type StartSongService = ReturnType<typeof createStartSongService>;
