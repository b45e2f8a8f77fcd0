import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { beatLicenceTiers, beats, beatSplits, coupons, ledgerEntries, licences, orderItems, orders, subscriptions, users } from '../../db/schema.ts';
import { effectivePlan, PLANS } from '../subscriptions/plans.ts';
import { allocate, feeCents } from './money.ts';
import type { OrderRow } from './queries.ts';

export type RefundReason = 'exclusive_sold' | 'beat_unavailable' | 'coupon_exhausted';
export type GrantOutcome = { outcome: 'granted'; licenceIds: string[] } | { outcome: 'refund'; reason: RefundReason };

/**
 * Turns a paid, pending order into licences, inside the caller's transaction (the one that also
 * records the payment event). Beat rows are locked in id order, so concurrent grants for the same
 * beat queue up and see each other's results; the partial unique index on exclusive licences is the
 * backstop. If anything in the order can no longer be sold, nothing is granted and the order is set
 * to `refunding` for the caller to refund after commit.
 */
export async function grantOrder(tx: Database, order: OrderRow, now: Date): Promise<GrantOutcome> {
  const items = await tx.select().from(orderItems).where(eq(orderItems.orderId, order.id)).orderBy(asc(orderItems.beatId));
  const beatIds = items.map((item) => item.beatId);
  const lockedBeats = await tx
    .select({ id: beats.id, status: beats.status, producerId: beats.producerId })
    .from(beats)
    .where(inArray(beats.id, beatIds))
    .orderBy(asc(beats.id))
    .for('update');
  const beatById = new Map(lockedBeats.map((beat) => [beat.id, beat]));
  const tiers = await tx.select().from(beatLicenceTiers).where(inArray(beatLicenceTiers.beatId, beatIds));
  const tierOf = (beatId: string, tier: string) => tiers.find((row) => row.beatId === beatId && row.tier === tier);
  const soldExclusives = new Set(
    (
      await tx
        .select({ beatId: licences.beatId })
        .from(licences)
        .where(and(inArray(licences.beatId, beatIds), eq(licences.tier, 'exclusive'), isNull(licences.revokedAt)))
    ).map((row) => row.beatId),
  );

  const refund = async (reason: RefundReason): Promise<GrantOutcome> => {
    await tx.update(orders).set({ status: 'refunding', refundReason: reason, paidAt: now, updatedAt: now }).where(eq(orders.id, order.id));
    return { outcome: 'refund', reason };
  };

  for (const item of items) {
    const beat = beatById.get(item.beatId);
    if (item.tier === 'exclusive' && soldExclusives.has(item.beatId)) return refund('exclusive_sold');
    if (!beat || beat.status !== 'published' || !tierOf(item.beatId, item.tier)?.enabled) return refund(soldExclusives.has(item.beatId) ? 'exclusive_sold' : 'beat_unavailable');
  }

  if (order.couponId) {
    // Counted here, atomically: two orders racing for the last use cannot both get it.
    const counted = await tx
      .update(coupons)
      .set({ uses: sql`${coupons.uses} + 1` })
      .where(and(eq(coupons.id, order.couponId), isNull(coupons.deletedAt), or(isNull(coupons.maxUses), lt(coupons.uses, coupons.maxUses))))
      .returning({ id: coupons.id });
    if (counted.length === 0) return refund('coupon_exhausted');
  }

  const people = await tx
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, [order.buyerId, ...items.map((item) => item.producerId)]));
  const nameOf = (id: string) => people.find((person) => person.id === id)?.displayName ?? '';
  const splits = await tx.select().from(beatSplits).where(inArray(beatSplits.beatId, beatIds)).orderBy(asc(beatSplits.userId));
  const plans = await tx.select().from(subscriptions).where(inArray(subscriptions.userId, [...new Set(items.map((item) => item.producerId))]));

  const licenceIds: string[] = [];
  for (const item of items) {
    const tier = tierOf(item.beatId, item.tier)!;
    const licenceId = randomUUID();
    licenceIds.push(licenceId);
    const amount = item.priceCents - item.discountCents;
    await tx.insert(licences).values({
      id: licenceId,
      orderId: order.id,
      orderItemId: item.id,
      beatId: item.beatId,
      beatTitle: item.beatTitle,
      tier: item.tier,
      buyerId: order.buyerId,
      buyerName: nameOf(order.buyerId),
      producerId: item.producerId,
      producerName: nameOf(item.producerId),
      priceCents: amount,
      files: tier.files,
      caps: { streams: tier.streams, copiesSold: tier.copiesSold, musicVideos: tier.musicVideos, radioStations: tier.radioStations, paidPerformances: tier.paidPerformances },
      grantedAt: now,
    });

    const plan = PLANS[effectivePlan(plans.find((row) => row.userId === item.producerId), now)];
    const shares = splits.filter((split) => split.beatId === item.beatId);
    const parties = shares.length > 0 ? shares : [{ userId: item.producerId, basisPoints: 10_000 }];
    const fee = feeCents(amount, plan.feeBasisPoints);
    const gross = allocate(amount, parties.map((party) => party.basisPoints));
    const fees = allocate(fee, parties.map((party) => party.basisPoints));
    await tx.insert(ledgerEntries).values(
      parties.map((party, index) => ({
        id: randomUUID(),
        licenceId,
        orderId: order.id,
        beatId: item.beatId,
        beatTitle: item.beatTitle,
        tier: item.tier,
        producerId: item.producerId,
        userId: party.userId,
        basisPoints: party.basisPoints,
        grossCents: gross[index]!,
        feeCents: fees[index]!,
        netCents: gross[index]! - fees[index]!,
        feeBasisPoints: plan.feeBasisPoints,
        createdAt: now,
      })),
    );
    await tx.update(beats).set({ saleCount: sql`${beats.saleCount} + 1` }).where(eq(beats.id, item.beatId));
    if (item.tier === 'exclusive') {
      // The exclusive retires the beat: off the market, every tier off.
      await tx.update(beats).set({ status: 'sold', updatedAt: now }).where(eq(beats.id, item.beatId));
      await tx.update(beatLicenceTiers).set({ enabled: false, updatedAt: now }).where(eq(beatLicenceTiers.beatId, item.beatId));
    }
  }
  await tx.update(orders).set({ status: 'paid', paidAt: now, updatedAt: now }).where(eq(orders.id, order.id));
  return { outcome: 'granted', licenceIds };
}
