import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { findBeat, type BeatFacts } from './queries.ts';

/**
 * The beats feature's visibility rules, for the routes that hang off a beat here: published beats are
 * everyone's, anything else (drafts, sold exclusives) only its producer's; others get beat_not_found.
 */
export async function visibleBeat(db: Database, viewerId: string | undefined, id: string): Promise<BeatFacts> {
  const beat = await findBeat(db, id);
  if (!beat || (beat.status !== 'published' && beat.producerId !== viewerId)) throw new AppError('beat_not_found');
  return beat;
}

/** The beat if the caller produced it: beat_not_found when they cannot see it, beat_forbidden when it is someone else's. */
export async function ownedBeat(db: Database, userId: string, id: string): Promise<BeatFacts> {
  const beat = await visibleBeat(db, userId, id);
  if (beat.producerId !== userId) throw new AppError('beat_forbidden');
  return beat;
}
