import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { beatDownloads, beats } from '../../db/schema.ts';
import type { DownloadKind } from '../../../shared/schemas/analytics.ts';
import { utcDay } from './date-range.ts';

/**
 * Records one download for the producer's analytics. Called by the free-download and licence
 * delivery code after the file was served; `at` defaults to now. A beat that no longer exists
 * records nothing (its analytics went with it).
 */
export async function recordDownload(
  db: Database,
  download: { beatId: string; userId: string | null; kind: DownloadKind; at?: Date },
): Promise<void> {
  const [beat] = await db.select({ producerId: beats.producerId }).from(beats).where(eq(beats.id, download.beatId));
  if (!beat) return;
  const at = download.at ?? new Date();
  await db.insert(beatDownloads).values({ beatId: download.beatId, producerId: beat.producerId, userId: download.userId, kind: download.kind, day: utcDay(at), createdAt: at });
}
