import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { effectivePlan, PLANS } from './plans.ts';
import { findSubscription } from './queries.ts';

/** Beats a producer may have under their current plan (null: unlimited), for the beats service to enforce. */
export function uploadLimitFor(db: Database, clock: Clock): (userId: string) => Promise<number | null> {
  return async (userId) => PLANS[effectivePlan(await findSubscription(db, userId), clock.now())].uploadLimit;
}
