import { count, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { beats, subscriptions } from '../../db/schema.ts';

export type SubscriptionRow = typeof subscriptions.$inferSelect;

export async function findSubscription(db: Database, userId: string): Promise<SubscriptionRow | undefined> {
  const [row] = await db.select().from(subscriptions).where(eq(subscriptions.userId, userId)).limit(1);
  return row;
}

/** The row locked for the rest of the transaction, so two events for one user apply one after the other. */
export async function lockSubscription(db: Database, userId: string): Promise<SubscriptionRow | undefined> {
  const [row] = await db.select().from(subscriptions).where(eq(subscriptions.userId, userId)).for('update');
  return row;
}

export async function findByCustomer(db: Database, customerId: string): Promise<SubscriptionRow | undefined> {
  const [row] = await db.select().from(subscriptions).where(eq(subscriptions.stripeCustomerId, customerId)).limit(1);
  return row;
}

export async function saveSubscription(db: Database, row: typeof subscriptions.$inferInsert): Promise<void> {
  const { userId: _userId, ...changes } = row;
  await db.insert(subscriptions).values(row).onConflictDoUpdate({ target: subscriptions.userId, set: changes });
}

/** Remembers the Stripe customer before any subscription exists (first subscribe). */
export async function rememberCustomer(db: Database, userId: string, customerId: string, now: Date): Promise<void> {
  await db
    .insert(subscriptions)
    .values({ userId, stripeCustomerId: customerId, plan: 'free', status: 'none', updatedAt: now })
    .onConflictDoUpdate({ target: subscriptions.userId, set: { stripeCustomerId: customerId, updatedAt: now } });
}

export async function countBeats(db: Database, producerId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(beats).where(eq(beats.producerId, producerId));
  return Number(row?.n ?? 0);
}
