import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { beats, storefronts, users } from '../../db/schema.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Clock } from '../../platform/clock.ts';
import { USER_ROLES, type UserRole } from '../../../shared/schemas/auth.ts';
import { STOREFRONT_ACCENTS, type MyStorefront, type ProducerProfile, type Storefront, type StorefrontAccent, type UpdateStorefrontRequest } from '../../../shared/schemas/storefronts.ts';
import { effectivePlan, PLANS } from '../subscriptions/plans.ts';
import { findSubscription } from '../subscriptions/queries.ts';

const EMPTY: Storefront = { headline: '', accent: 'violet', links: [], featuredBeatId: null };

const isAccent = (value: string): value is StorefrontAccent => (STOREFRONT_ACCENTS as readonly string[]).includes(value);
const isRole = (value: string): value is UserRole => (USER_ROLES as readonly string[]).includes(value);

/**
 * Producers' public pages and the Pro plan's custom storefront. What a producer saves is kept when
 * their plan lapses, but shown only while the plan includes it (checked on every read, so a lapsed
 * plan hides it at once and a renewed one brings it back). A featured beat shows only while it is
 * published.
 */
export function createStorefrontsService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  async function planShowsStorefront(userId: string): Promise<boolean> {
    return PLANS[effectivePlan(await findSubscription(db, userId), clock.now())].customStorefront;
  }

  async function saved(userId: string): Promise<Storefront> {
    const [row] = await db.select().from(storefronts).where(eq(storefronts.userId, userId));
    if (!row) return EMPTY;
    return { headline: row.headline, accent: isAccent(row.accent) ? row.accent : 'violet', links: row.links, featuredBeatId: row.featuredBeatId };
  }

  async function isOwnPublishedBeat(userId: string, beatId: string): Promise<boolean> {
    const [beat] = await db.select({ id: beats.id }).from(beats).where(and(eq(beats.id, beatId), eq(beats.producerId, userId), eq(beats.status, 'published')));
    return beat !== undefined;
  }

  return {
    /** A producer's public page; suspended and deleted accounts have none. */
    async profile(producerId: string): Promise<ProducerProfile> {
      const [user] = await db
        .select()
        .from(users)
        .where(and(eq(users.id, producerId), isNull(users.suspendedAt), isNull(users.deletedAt)));
      if (!user) throw new AppError('producer_not_found');
      let storefront: Storefront | null = null;
      if (await planShowsStorefront(producerId)) {
        const mine = await saved(producerId);
        const featured = mine.featuredBeatId && (await isOwnPublishedBeat(producerId, mine.featuredBeatId)) ? mine.featuredBeatId : null;
        storefront = { ...mine, featuredBeatId: featured };
      }
      return { id: user.id, displayName: user.displayName, bio: user.bio, avatarUrl: user.avatarUrl, roles: user.roles.filter(isRole), storefront };
    },

    async mine(userId: string): Promise<MyStorefront> {
      return { storefront: await saved(userId), shown: await planShowsStorefront(userId) };
    },

    async update(userId: string, request: UpdateStorefrontRequest): Promise<MyStorefront> {
      if (!(await planShowsStorefront(userId))) throw new AppError('pro_required');
      const featuredBeatId = request.featuredBeatId ?? null;
      if (featuredBeatId && !(await isOwnPublishedBeat(userId, featuredBeatId))) throw new AppError('featured_beat_invalid');
      const row = { headline: request.headline, accent: request.accent, links: request.links, featuredBeatId, updatedAt: clock.now() };
      await db.insert(storefronts).values({ userId, ...row }).onConflictDoUpdate({ target: storefronts.userId, set: row });
      return { storefront: await saved(userId), shown: true };
    },
  };
}

export type StorefrontsService = ReturnType<typeof createStorefrontsService>;
