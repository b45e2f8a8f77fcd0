import { and, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/database.ts';
import { beatDownloads, beatPlays, beats, orderItems, orders } from '../../db/schema.ts';
import type { DayRange } from './date-range.ts';

/** Whose numbers, over which days, optionally for one beat. */
export interface Scope {
  producerId: string;
  range: DayRange;
  beatId?: string | undefined;
}

export type Grouping = 'total' | 'day' | 'beat' | 'day-beat';

export interface MetricRow {
  day: string | null;
  beatId: string | null;
  plays: number;
  uniqueListeners: number;
  downloads: number;
  sales: number;
  revenueCents: number;
}

/** Counts a play unless this listener's play of this beat was already counted that day; bumps the trending counter when it was. */
export async function insertPlay(db: Database, play: typeof beatPlays.$inferInsert): Promise<{ counted: boolean; plays: number }> {
  return db.transaction(async (tx) => {
    const inserted = await tx.insert(beatPlays).values(play).onConflictDoNothing().returning({ id: beatPlays.id });
    const counted = inserted.length > 0;
    const [row] = counted
      ? await tx.update(beats).set({ playCount: sql`${beats.playCount} + 1` }).where(eq(beats.id, play.beatId)).returning({ plays: beats.playCount })
      : await tx.select({ plays: beats.playCount }).from(beats).where(eq(beats.id, play.beatId));
    return { counted, plays: row?.plays ?? 0 };
  });
}

export async function findBeat(db: Database, id: string) {
  const [row] = await db
    .select({ id: beats.id, producerId: beats.producerId, status: beats.status, title: beats.title, playCount: beats.playCount }).from(beats).where(eq(beats.id, id));
  return row;
}

export async function beatTitles(db: Database, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: beats.id, title: beats.title }).from(beats).where(inArray(beats.id, ids));
  return new Map(rows.map((row) => [row.id, row.title]));
}

/** Paid orders' day, as a UTC calendar day. */
const paidDay = sql<string>`to_char(${orders.paidAt} at time zone 'UTC', 'YYYY-MM-DD')`;

function groupColumns(grouping: Grouping, day: SQL | AnyPgColumn, beatId: SQL | AnyPgColumn) {
  return {
    day: grouping === 'day' || grouping === 'day-beat' ? sql<string>`${day}::text` : sql<null>`null`,
    beatId: grouping === 'beat' || grouping === 'day-beat' ? sql<string>`${beatId}` : sql<null>`null`,
    groupBy: grouping === 'total' ? [] : grouping === 'day' ? [day] : grouping === 'beat' ? [beatId] : [day, beatId],
  };
}

const key = (row: { day: string | null; beatId: string | null }) => `${row.day ?? ''}|${row.beatId ?? ''}`;

/**
 * Plays, unique listeners, downloads, sales and revenue for the scope, grouped as asked. Three
 * grouped queries (plays, downloads, paid order items) merged by group key; sales come from paid
 * orders dated by when they were paid, net of their discounts and of what was refunded on each
 * item; fully refunded orders and items refunded by their producer excluded.
 */
export async function metrics(db: Database, scope: Scope, grouping: Grouping): Promise<MetricRow[]> {
  const playGroup = groupColumns(grouping, beatPlays.day, beatPlays.beatId);
  const downloadGroup = groupColumns(grouping, beatDownloads.day, beatDownloads.beatId);
  const saleGroup = groupColumns(grouping, paidDay, orderItems.beatId);
  const [plays, downloads, sales] = await Promise.all([
    db
      .select({ day: playGroup.day, beatId: playGroup.beatId, plays: sql<number>`count(*)::int`, uniqueListeners: sql<number>`count(distinct ${beatPlays.listenerKey})::int` })
      .from(beatPlays)
      .where(
        and(eq(beatPlays.producerId, scope.producerId), gte(beatPlays.day, scope.range.from), lte(beatPlays.day, scope.range.to), scope.beatId ? eq(beatPlays.beatId, scope.beatId) : undefined),
      )
      .groupBy(...playGroup.groupBy),
    db
      .select({ day: downloadGroup.day, beatId: downloadGroup.beatId, downloads: sql<number>`count(*)::int` })
      .from(beatDownloads)
      .where(
        and(
          eq(beatDownloads.producerId, scope.producerId),
          gte(beatDownloads.day, scope.range.from),
          lte(beatDownloads.day, scope.range.to),
          scope.beatId ? eq(beatDownloads.beatId, scope.beatId) : undefined,
        ),
      )
      .groupBy(...downloadGroup.groupBy),
    db
      .select({
        day: saleGroup.day,
        beatId: saleGroup.beatId,
        sales: sql<number>`count(*)::int`,
        // Each item's amount, less what was refunded on it (its share of a partial refund of the order).
        revenueCents: sql<number>`coalesce(sum(${orderItems.priceCents} - ${orderItems.discountCents} - ${orderItems.refundedCents}), 0)::bigint`,
      })
      .from(orderItems)
      .innerJoin(orders, eq(orders.id, orderItems.orderId))
      .where(
        and(
          eq(orderItems.producerId, scope.producerId),
          eq(orders.status, 'paid'),
          isNull(orderItems.refundedAt),
          sql`${paidDay} between ${scope.range.from} and ${scope.range.to}`,
          scope.beatId ? eq(orderItems.beatId, scope.beatId) : undefined,
        ),
      )
      .groupBy(...saleGroup.groupBy),
  ]);
  const merged = new Map<string, MetricRow>();
  const entry = (row: { day: string | null; beatId: string | null }) => {
    let found = merged.get(key(row));
    if (!found) {
      found = { day: row.day, beatId: row.beatId, plays: 0, uniqueListeners: 0, downloads: 0, sales: 0, revenueCents: 0 };
      merged.set(key(row), found);
    }
    return found;
  };
  for (const row of plays) Object.assign(entry(row), { plays: Number(row.plays), uniqueListeners: Number(row.uniqueListeners) });
  for (const row of downloads) entry(row).downloads = Number(row.downloads);
  for (const row of sales) Object.assign(entry(row), { sales: Number(row.sales), revenueCents: Number(row.revenueCents) });
  if (grouping === 'total' && merged.size === 0) entry({ day: null, beatId: null });
  return [...merged.values()];
}

/** Plays and unique listeners per country, most plays first. */
export async function countries(db: Database, scope: Scope, limit: number) {
  const rows = await db
    .select({ country: beatPlays.country, plays: sql<number>`count(*)::int`, uniqueListeners: sql<number>`count(distinct ${beatPlays.listenerKey})::int` })
    .from(beatPlays)
    .where(and(eq(beatPlays.producerId, scope.producerId), gte(beatPlays.day, scope.range.from), lte(beatPlays.day, scope.range.to), scope.beatId ? eq(beatPlays.beatId, scope.beatId) : undefined))
    .groupBy(beatPlays.country)
    .orderBy(sql`count(*) desc`, beatPlays.country)
    .limit(limit);
  return rows.map((row) => ({ country: row.country, plays: Number(row.plays), uniqueListeners: Number(row.uniqueListeners) }));
}
