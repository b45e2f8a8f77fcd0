import { asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { BeatSplits, UpdateSplitsRequest } from '../../../shared/schemas/commerce.ts';
import type { Database } from '../../db/database.ts';
import { beatSplits, ledgerEntries, users } from '../../db/schema.ts';
import { AppError } from '../../errors/app-error.ts';
import { findUserById } from '../auth/queries.ts';
import { ownedBeat } from '../licences/beat-access.ts';
import { findBeat } from '../licences/queries.ts';
import { ledgerCsv } from './ledger-csv.ts';
import { toBasisPoints, toPercent } from './money.ts';

/** Collaborator splits of a beat's sales, and the ledger they produce. */
export function createSplitsService(deps: { db: Database }) {
  const { db } = deps;

  async function read(beatId: string, producerId: string): Promise<BeatSplits> {
    const rows = await db
      .select({ userId: beatSplits.userId, basisPoints: beatSplits.basisPoints, displayName: users.displayName })
      .from(beatSplits)
      .innerJoin(users, eq(users.id, beatSplits.userId))
      .where(eq(beatSplits.beatId, beatId))
      .orderBy(desc(beatSplits.basisPoints), asc(beatSplits.userId));
    if (rows.length > 0) return { beatId, splits: rows.map((row) => ({ userId: row.userId, displayName: row.displayName, percent: toPercent(row.basisPoints) })) };
    const producer = await findUserById(db, producerId);
    return { beatId, splits: [{ userId: producerId, displayName: producer?.displayName ?? '', percent: 100 }] };
  }

  return {
    /** The producer and the beat's collaborators may read the splits; others get beat_forbidden (beat_not_found for drafts). */
    async get(userId: string, beatId: string): Promise<BeatSplits> {
      const beat = await findBeat(db, beatId);
      if (!beat) throw new AppError('beat_not_found');
      const splits = await read(beatId, beat.producerId);
      if (beat.producerId === userId || splits.splits.some((split) => split.userId === userId)) return splits;
      throw new AppError(beat.status === 'published' ? 'beat_forbidden' : 'beat_not_found');
    },

    async put(userId: string, beatId: string, request: UpdateSplitsRequest): Promise<BeatSplits> {
      const beat = await ownedBeat(db, userId, beatId);
      const ids = request.splits.map((split) => split.userId);
      const found = await db.select({ id: users.id }).from(users).where(inArray(users.id, ids));
      if (found.length !== ids.length) throw new AppError('split_user_not_found');
      await db.transaction(async (tx) => {
        await tx.delete(beatSplits).where(eq(beatSplits.beatId, beatId));
        await tx.insert(beatSplits).values(request.splits.map((split) => ({ beatId, userId: split.userId, basisPoints: toBasisPoints(split.percent) })));
      });
      return read(beatId, beat.producerId);
    },

    /** The caller's ledger: rows of sales of their beats (as producer) and rows paying them (as collaborator). */
    async ledgerCsv(userId: string): Promise<string> {
      const rows = await db
        .select()
        .from(ledgerEntries)
        .where(or(eq(ledgerEntries.userId, userId), eq(ledgerEntries.producerId, userId)))
        .orderBy(asc(ledgerEntries.createdAt), asc(ledgerEntries.licenceId), desc(ledgerEntries.basisPoints), asc(ledgerEntries.userId))
        .limit(100_000);
      return ledgerCsv(rows);
    },
  };
}

export type SplitsService = ReturnType<typeof createSplitsService>;
