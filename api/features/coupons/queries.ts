import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { coupons } from '../../db/schema.ts';

export type CouponRow = typeof coupons.$inferSelect;

export async function couponsOf(db: Database, producerId: string): Promise<CouponRow[]> {
  return db
    .select()
    .from(coupons)
    .where(and(eq(coupons.producerId, producerId), isNull(coupons.deletedAt)))
    .orderBy(desc(coupons.createdAt), desc(coupons.id));
}

export async function insertCoupon(db: Database, row: typeof coupons.$inferInsert): Promise<void> {
  await db.insert(coupons).values(row);
}

export async function findLiveCoupon(db: Database, id: string): Promise<CouponRow | undefined> {
  const [row] = await db
    .select()
    .from(coupons)
    .where(and(eq(coupons.id, id), isNull(coupons.deletedAt)))
    .limit(1);
  return row;
}

export async function softDelete(db: Database, id: string, now: Date): Promise<void> {
  await db.update(coupons).set({ deletedAt: now }).where(eq(coupons.id, id));
}

/** Live coupons with this code (any case) belonging to any of the producers. */
export async function findByCode(db: Database, code: string, producerIds: string[]): Promise<CouponRow[]> {
  if (producerIds.length === 0) return [];
  return db
    .select()
    .from(coupons)
    .where(and(eq(coupons.codeKey, code.toLowerCase()), inArray(coupons.producerId, producerIds), isNull(coupons.deletedAt)));
}
