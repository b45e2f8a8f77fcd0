import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { styleProfiles, writingSessions } from '../../db/schema.ts';

export type WritingSessionRow = typeof writingSessions.$inferSelect;

const summaryColumns = {
  id: writingSessions.id,
  title: writingSessions.title,
  lines: writingSessions.lines,
  words: writingSessions.words,
  createdAt: writingSessions.createdAt,
  updatedAt: writingSessions.updatedAt,
};

/**
 * Serialises profile changes of one writer across connections and instances until the transaction
 * ends, so two saves at once cannot both read the old total.
 */
export async function lockWriterProfile(tx: Executor, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'cs-style:' + userId}))`);
}

export async function findSession(db: Executor, userId: string, id: string): Promise<WritingSessionRow | undefined> {
  const [row] = await db
    .select()
    .from(writingSessions)
    .where(and(eq(writingSessions.userId, userId), eq(writingSessions.id, id)))
    .limit(1);
  return row;
}

export async function listSessions(db: Executor, userId: string) {
  return db.select(summaryColumns).from(writingSessions).where(eq(writingSessions.userId, userId)).orderBy(desc(writingSessions.updatedAt), writingSessions.id).limit(500);
}

export async function upsertSession(db: Executor, row: typeof writingSessions.$inferInsert): Promise<void> {
  await db
    .insert(writingSessions)
    .values(row)
    .onConflictDoUpdate({
      target: [writingSessions.userId, writingSessions.id],
      set: { title: row.title, text: row.text, lines: row.lines, words: row.words, contribution: row.contribution, updatedAt: row.updatedAt },
    });
}

export async function deleteSession(db: Executor, userId: string, id: string): Promise<void> {
  await db.delete(writingSessions).where(and(eq(writingSessions.userId, userId), eq(writingSessions.id, id)));
}

export async function findProfile(db: Executor, userId: string) {
  const [row] = await db.select().from(styleProfiles).where(eq(styleProfiles.userId, userId)).limit(1);
  return row;
}

export async function saveProfile(db: Executor, userId: string, profile: unknown, updatedAt: Date): Promise<void> {
  await db.insert(styleProfiles).values({ userId, profile, updatedAt }).onConflictDoUpdate({ target: styleProfiles.userId, set: { profile, updatedAt } });
}
