import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { refreshTokens, sessions, users } from '../../db/schema.ts';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export async function findUserByEmail(db: Database, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return row;
}

export async function findUserById(db: Database, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function insertUser(db: Database, row: typeof users.$inferInsert): Promise<UserRow> {
  const [inserted] = await db.insert(users).values(row).returning();
  if (!inserted) throw new Error('insert into users returned no row');
  return inserted;
}

export async function updateUser(
  db: Database,
  id: string,
  changes: Partial<Omit<typeof users.$inferInsert, 'id' | 'email' | 'createdAt'>>,
): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set(changes).where(eq(users.id, id)).returning();
  return row;
}

/** A session that can still be used at `now`: not revoked and not past its absolute expiry. */
export async function findLiveSession(db: Database, sessionId: string, userId: string, now: Date): Promise<SessionRow | undefined> {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .limit(1);
  return row;
}

export async function insertSession(db: Database, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function insertRefreshToken(db: Database, row: typeof refreshTokens.$inferInsert): Promise<void> {
  await db.insert(refreshTokens).values(row);
}

export async function findRefreshToken(db: Database, tokenHash: string) {
  const [row] = await db
    .select({ token: refreshTokens, session: sessions })
    .from(refreshTokens)
    .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .limit(1);
  return row;
}

/**
 * Marks a refresh token used and records the token its rotation issues, atomically: of two
 * concurrent refreshes with the same token exactly one gets `true`; the other sees a used token and
 * is judged by `replaceUnusedSuccessor`.
 */
export async function markRefreshTokenUsed(db: Database, tokenHash: string, replacedBy: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(refreshTokens)
    .set({ usedAt: now, replacedBy })
    .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.usedAt)))
    .returning({ tokenHash: refreshTokens.tokenHash });
  return rows.length === 1;
}

/**
 * A token presented again: takes back the token its rotation issued if nobody ever presented that
 * one (so its holder never received it) and points the presented token at `replacedBy` instead.
 * False when the presented token was itself taken back, or its replacement was used: real reuse.
 */
export async function replaceUnusedSuccessor(db: Database, tokenHash: string, replacedBy: string, now: Date): Promise<boolean> {
  const [presented] = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).limit(1);
  if (!presented?.replacedBy || presented.supersededAt) return false;
  const taken = await db
    .update(refreshTokens)
    .set({ usedAt: now, supersededAt: now })
    .where(and(eq(refreshTokens.tokenHash, presented.replacedBy), isNull(refreshTokens.usedAt)))
    .returning({ tokenHash: refreshTokens.tokenHash });
  if (taken.length !== 1) return false;
  await db.update(refreshTokens).set({ replacedBy }).where(eq(refreshTokens.tokenHash, tokenHash));
  return true;
}

export async function touchSession(db: Database, sessionId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastUsedAt: now }).where(eq(sessions.id, sessionId));
}

export async function revokeSession(db: Database, sessionId: string, now: Date, reason: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

export async function revokeAllSessions(db: Database, userId: string, now: Date, reason: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
