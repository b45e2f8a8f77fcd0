import { aliasedTable, and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/database.ts';
import { conversations, messageReports, messages, sessions, suspensionAppeals, users } from '../../db/schema.ts';
import { republishWithheldWork, withholdPublishedWork } from '../beats/published-work.ts';
import type { ReportStatus, SuspensionReason } from '../../../shared/schemas/moderation.ts';

const reporter = aliasedTable(users, 'reporter');
const reported = aliasedTable(users, 'reported');
const reviewer = aliasedTable(users, 'reviewer');

/** Reports joined with the names of the people in them. */
function withNames(db: Database) {
  return db
    .select({
      report: messageReports,
      reporterName: reporter.displayName,
      reportedName: reported.displayName,
      reviewerName: reviewer.displayName,
    })
    .from(messageReports)
    .innerJoin(reporter, eq(reporter.id, messageReports.reporterId))
    .leftJoin(reported, eq(reported.id, messageReports.reportedUserId))
    .leftJoin(reviewer, eq(reviewer.id, messageReports.reviewedBy));
}

/** A report with the names of the people in it (null where the account is gone or nobody reviewed it yet). */
export interface ReportRow {
  report: typeof messageReports.$inferSelect;
  reporterName: string;
  reportedName: string | null;
  reviewerName: string | null;
}

/** Reports with the names of everyone involved, in queue order (oldest first), after the cursor if any. */
export async function listReports(db: Database, options: { status: ReportStatus; limit: number; after?: { at: Date; id: string } | undefined }): Promise<ReportRow[]> {
  const { after } = options;
  return withNames(db)
    .where(
      and(
        eq(messageReports.status, options.status),
        after ? or(gt(messageReports.createdAt, after.at), and(eq(messageReports.createdAt, after.at), gt(messageReports.id, after.id))) : undefined,
      ),
    )
    .orderBy(asc(messageReports.createdAt), asc(messageReports.id))
    .limit(options.limit);
}

export async function findReport(db: Database, id: string): Promise<ReportRow | undefined> {
  const [row] = await withNames(db)
    .where(eq(messageReports.id, id))
    .limit(1);
  return row;
}

/** Closes an open report; undefined when it is not open any more (someone reviewed it first) or does not exist. */
export async function reviewReport(
  tx: Executor,
  id: string,
  review: { status: 'resolved' | 'dismissed'; reviewedBy: string; note: string; at: Date },
): Promise<typeof messageReports.$inferSelect | undefined> {
  const [updated] = await tx
    .update(messageReports)
    .set({ status: review.status, reviewedBy: review.reviewedBy, reviewNote: review.note, reviewedAt: review.at })
    .where(and(eq(messageReports.id, id), eq(messageReports.status, 'open')))
    .returning();
  return updated;
}

export async function recordActions(tx: Executor, reportId: string, actions: readonly string[]): Promise<void> {
  await tx.update(messageReports).set({ actions: [...actions] }).where(eq(messageReports.id, reportId));
}

/** Removes a message's text for both people; the removed message, or undefined when it was gone already. */
export async function removeMessage(tx: Executor, messageId: string, at: Date): Promise<typeof messages.$inferSelect | undefined> {
  const [removed] = await tx.update(messages).set({ removedAt: at }).where(and(eq(messages.id, messageId), isNull(messages.removedAt))).returning();
  return removed;
}

export async function participantsOf(db: Database, conversationId: string): Promise<string[]> {
  const [row] = await db.select({ low: conversations.userLowId, high: conversations.userHighId }).from(conversations).where(eq(conversations.id, conversationId));
  return row ? [row.low, row.high] : [];
}

/** The account to suspend or reinstate, locked for the rest of the transaction. */
export async function lockAccount(tx: Executor, userId: string) {
  const [row] = await tx
    .select({ id: users.id, email: sql<string>`lower(${users.email})`, suspendedAt: users.suspendedAt, suspendedBy: users.suspendedBy, suspendedUntil: users.suspendedUntil, deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  return row;
}

/**
 * Suspends an account: every session is revoked (access tokens fail at once, refresh tokens too) and
 * what it has published leaves the store as `withheld`, which every public path already treats as
 * not published; licences bought from it stay the buyers'.
 */
export interface SuspensionTerms {
  by: string;
  /** For the other moderators. */
  note: string;
  /** What the person is told: why, the moderator's words, and when it ends (null: when lifted). */
  reason: SuspensionReason;
  message: string;
  until: Date | null;
}

export async function suspendAccount(tx: Executor, userId: string, terms: SuspensionTerms, at: Date): Promise<void> {
  await tx
    .update(users)
    .set({ suspendedAt: at, suspendedBy: terms.by, suspensionNote: terms.note, suspensionReason: terms.reason, suspensionMessage: terms.message, suspendedUntil: terms.until })
    .where(eq(users.id, userId));
  await tx.update(sessions).set({ revokedAt: at, revokedReason: 'account_suspended' }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
  await withholdPublishedWork(tx, userId, at);
}

/** Lifts a suspension: signing in works again and what was withheld is published again (unless the account was deleted since). */
export async function reinstateAccount(tx: Executor, userId: string, options: { republish: boolean; at: Date; by?: string }): Promise<void> {
  await tx
    .update(users)
    .set({ suspendedAt: null, suspendedBy: null, suspensionNote: null, suspensionReason: null, suspensionMessage: null, suspendedUntil: null })
    .where(eq(users.id, userId));
  if (options.republish) await republishWithheldWork(tx, userId, options.at);
  // An open appeal is answered by the lift itself: granted by a moderator, or moot when the time ran out.
  await closeAppeal(tx, userId, { outcome: options.by ? 'granted' : 'lapsed', at: options.at, by: options.by ?? null, response: null });
}

/** Files an appeal; false when the account already has an open one (the partial unique index). */
export async function insertAppeal(tx: Executor, appeal: { id: string; userId: string; message: string; at: Date }): Promise<boolean> {
  const inserted = await tx
    .insert(suspensionAppeals)
    .values({ id: appeal.id, userId: appeal.userId, message: appeal.message, createdAt: appeal.at })
    .onConflictDoNothing()
    .returning({ id: suspensionAppeals.id });
  return inserted.length > 0;
}

/** Whether an account other than `userId`, with one of these (lower-case) e-mail addresses, can act: not deleted, not suspended. */
export async function anotherActiveAccountAmong(db: Executor, emails: readonly string[], userId: string): Promise<boolean> {
  if (emails.length === 0) return false;
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(sql`lower(${users.email})`, [...emails]), ne(users.id, userId), isNull(users.deletedAt), isNull(users.suspendedAt)))
    .limit(1);
  return row !== undefined;
}

/** When the account's suspension in force began; null when it is not suspended. */
export async function suspendedSince(db: Executor, userId: string): Promise<Date | null> {
  const [row] = await db.select({ suspendedAt: users.suspendedAt }).from(users).where(eq(users.id, userId));
  return row?.suspendedAt ?? null;
}

/** The account's latest appeal made at or after `since` (the start of the suspension in force), if any. */
export async function latestAppealSince(db: Executor, userId: string, since: Date) {
  const [appeal] = await db
    .select({ createdAt: suspensionAppeals.createdAt, closedAt: suspensionAppeals.closedAt, outcome: suspensionAppeals.outcome, response: suspensionAppeals.response })
    .from(suspensionAppeals)
    .where(and(eq(suspensionAppeals.userId, userId), gte(suspensionAppeals.createdAt, since)))
    // The open one (there is at most one) is the latest, even when made in the same instant as another.
    .orderBy(sql`${suspensionAppeals.closedAt} is null desc`, desc(suspensionAppeals.createdAt))
    .limit(1);
  return appeal;
}

/** Closes the account's open appeal; false when it has none. */
export async function closeAppeal(
  tx: Executor,
  userId: string,
  close: { outcome: 'granted' | 'rejected' | 'lapsed'; at: Date; by: string | null; response: string | null },
): Promise<boolean> {
  const closed = await tx
    .update(suspensionAppeals)
    .set({ closedAt: close.at, outcome: close.outcome, closedBy: close.by, response: close.response })
    .where(and(eq(suspensionAppeals.userId, userId), isNull(suspensionAppeals.closedAt)))
    .returning({ id: suspensionAppeals.id });
  return closed.length > 0;
}

/** The response of the account's latest rejected appeal, for the e-mail that tells them. */
export async function latestRejection(db: Database, userId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ response: suspensionAppeals.response })
    .from(suspensionAppeals)
    .where(and(eq(suspensionAppeals.userId, userId), eq(suspensionAppeals.outcome, 'rejected')))
    .orderBy(desc(suspensionAppeals.closedAt))
    .limit(1);
  return row?.response ?? undefined;
}

/** Suspended accounts, the latest first, with the suspending moderator's name. */
export interface SuspensionRow {
  id: string;
  displayName: string;
  suspendedAt: Date | null;
  suspensionNote: string | null;
  suspensionReason: string | null;
  suspensionMessage: string | null;
  suspendedUntil: Date | null;
  moderatorId: string | null;
  moderatorName: string | null;
  appealMessage: string | null;
  appealCreatedAt: Date | null;
}

export async function listSuspensions(db: Database, limit: number): Promise<SuspensionRow[]> {
  const moderator = aliasedTable(users, 'moderator');
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      suspendedAt: users.suspendedAt,
      suspensionNote: users.suspensionNote,
      suspensionReason: users.suspensionReason,
      suspensionMessage: users.suspensionMessage,
      suspendedUntil: users.suspendedUntil,
      moderatorId: moderator.id,
      moderatorName: moderator.displayName,
      appealMessage: suspensionAppeals.message,
      appealCreatedAt: suspensionAppeals.createdAt,
    })
    .from(users)
    .leftJoin(moderator, eq(moderator.id, users.suspendedBy))
    .leftJoin(suspensionAppeals, and(eq(suspensionAppeals.userId, users.id), isNull(suspensionAppeals.closedAt)))
    .where(isNotNull(users.suspendedAt))
    .orderBy(desc(users.suspendedAt), asc(users.id))
    .limit(limit);
}

/** Accounts whose temporary suspension has run out and is not lifted yet, the longest overdue first. */
export async function lapsedSuspensions(db: Database, now: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(isNotNull(users.suspendedUntil), lte(users.suspendedUntil, now), isNotNull(users.suspendedAt)))
    .orderBy(asc(users.suspendedUntil))
    .limit(limit);
  return rows.map((row) => row.id);
}

export async function emailOf(db: Database, userId: string): Promise<string | undefined> {
  const [row] = await db.select({ email: sql<string>`lower(${users.email})` }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.email;
}
