import { and, asc, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { licences, orderItems, orders, paymentEvents } from '../../db/schema.ts';

export type OrderRow = typeof orders.$inferSelect;
export type OrderItemRow = typeof orderItems.$inferSelect;

export async function insertOrder(db: Database, order: typeof orders.$inferInsert, items: (typeof orderItems.$inferInsert)[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(orders).values(order);
    await tx.insert(orderItems).values(items);
  });
}

export async function setCheckoutSession(db: Database, orderId: string, session: { sessionId: string; url: string; expiresAt: Date | null }, now: Date): Promise<void> {
  await db
    .update(orders)
    .set({ stripeSessionId: session.sessionId, checkoutUrl: session.url, checkoutExpiresAt: session.expiresAt, updatedAt: now })
    .where(eq(orders.id, orderId));
}

/**
 * Declines a pending order Stripe never opened a session for, once it is old enough that its
 * checkout call is surely over (a session being created right now could still be paid). True when
 * this call declined it.
 */
export async function declineSessionlessOrder(db: Database, orderId: string, now: Date): Promise<boolean> {
  const settledBefore = new Date(now.getTime() - SESSION_CREATION_GRACE_MS);
  const declined = await db
    .update(orders)
    .set({ status: 'declined', updatedAt: now })
    .where(and(eq(orders.id, orderId), eq(orders.status, 'pending'), isNull(orders.stripeSessionId), lt(orders.createdAt, settledBefore)))
    .returning({ id: orders.id });
  return declined.length > 0;
}

/** Longer than the Stripe client's timeout with its retries. */
const SESSION_CREATION_GRACE_MS = 2 * 60_000;

export async function findOrder(db: Database, id: string): Promise<OrderRow | undefined> {
  const [row] = await db.select().from(orders).where(eq(orders.id, id)).limit(1);
  return row;
}

export async function ordersOf(db: Database, buyerId: string): Promise<OrderRow[]> {
  return db.select().from(orders).where(eq(orders.buyerId, buyerId)).orderBy(desc(orders.createdAt), desc(orders.id)).limit(200);
}

/** Items of the given orders, with the licence each was granted as (if any). */
export async function itemsOf(db: Database, orderIds: string[]) {
  if (orderIds.length === 0) return [];
  return db
    .select({ item: orderItems, licenceId: licences.id })
    .from(orderItems)
    .leftJoin(licences, eq(licences.orderItemId, orderItems.id))
    .where(inArray(orderItems.orderId, orderIds))
    .orderBy(asc(orderItems.id));
}

/** Records an event id; false when it was already recorded (a redelivery). Call inside the transaction that applies it. */
export async function recordEvent(db: Database, event: { id: string; type: string }, now: Date): Promise<boolean> {
  const inserted = await db.insert(paymentEvents).values({ id: event.id, type: event.type, processedAt: now }).onConflictDoNothing().returning({ id: paymentEvents.id });
  return inserted.length > 0;
}

export async function markRefunded(db: Database, orderId: string, refundId: string | null, now: Date): Promise<void> {
  await db.update(orders).set({ status: 'refunded', stripeRefundId: refundId, refundedAt: now, updatedAt: now }).where(eq(orders.id, orderId));
}
