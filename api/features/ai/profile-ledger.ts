import { emptyStyleProfile, mergeStyleProfiles, parseStyleProfile, type StyleProfile } from '../../../shared/lyrics/style-profile.ts';

/**
 * The writer's profile is kept as a ledger: each saved session stores its own contribution, and the
 * stored total is always the sum of the contributions. Saving a session again replaces its
 * contribution (total − old + new); deleting it takes it out. Counts are integers, so this is exact.
 */
export function replaceContribution(total: StyleProfile, previous: StyleProfile | undefined, next: StyleProfile | undefined): StyleProfile {
  const without = previous ? subtractStyleProfile(total, previous) : total;
  return next ? mergeStyleProfiles(without, next) : mergeStyleProfiles(without, emptyStyleProfile());
}

/**
 * `a − b`, for a `b` that was added into `a`. Counts that reach zero disappear from the maps, so a
 * profile with every session removed equals the empty profile. Never below zero (except valence,
 * which is signed), so a stored profile always parses.
 */
export function subtractStyleProfile(a: StyleProfile, b: StyleProfile): StyleProfile {
  const result: Record<string, unknown> = { ...a };
  for (const [field, value] of Object.entries(a) as [keyof StyleProfile, unknown][]) {
    if (field === 'version') continue;
    const other = b[field];
    if (typeof value === 'number' && typeof other === 'number') {
      result[field] = field === 'valence' ? value - other : Math.max(0, value - other);
    } else if (isCounts(value) && isCounts(other)) {
      const counts: Record<string, number> = {};
      for (const [key, count] of Object.entries(value)) {
        const left = count - (other[key] ?? 0);
        if (left > 0) counts[key] = left;
      }
      result[field] = counts;
    }
  }
  return result as unknown as StyleProfile;
}

function isCounts(value: unknown): value is Record<string, number> {
  return typeof value === 'object' && value !== null;
}

/** A stored profile, or the empty one when the writer has none yet. */
export function readStoredProfile(value: unknown): StyleProfile {
  if (value === undefined || value === null) return emptyStyleProfile();
  return parseStyleProfile(value);
}
