import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
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

/**
 * Notes that the account's Stripe customer must be given this address, before asking Stripe, so a
 * failure or a crash in between leaves it to the retry. The customer's id, if there is one.
 */
export async function markBillingEmailPending(db: Database, userId: string, email: string): Promise<string | null> {
  const [row] = await db
    .update(subscriptions)
    .set({ billingEmailPending: email })
    .where(and(eq(subscriptions.userId, userId), isNotNull(subscriptions.stripeCustomerId)))
    .returning({ customerId: subscriptions.stripeCustomerId });
  return row?.customerId ?? null;
}

/** Stripe has this address now; a newer one noted meanwhile stays pending. */
export async function clearBillingEmailPending(db: Database, userId: string, email: string): Promise<void> {
  await db
    .update(subscriptions)
    .set({ billingEmailPending: null })
    .where(and(eq(subscriptions.userId, userId), eq(subscriptions.billingEmailPending, email)));
}

/**
 * Addresses Stripe still has to be given: a bounded batch, drawn at random so that a few that keep
 * failing can never hold back the rest; what is left waits for the next run.
 */
export async function pendingBillingEmails(db: Database, limit: number): Promise<{ userId: string; customerId: string; email: string }[]> {
  const rows = await db
    .select({ userId: subscriptions.userId, customerId: subscriptions.stripeCustomerId, email: subscriptions.billingEmailPending })
    .from(subscriptions)
    .where(and(isNotNull(subscriptions.billingEmailPending), isNotNull(subscriptions.stripeCustomerId)))
    .orderBy(sql`random()`)
    .limit(limit);
  return rows.flatMap((row) => (row.customerId && row.email ? [{ userId: row.userId, customerId: row.customerId, email: row.email }] : []));
}
