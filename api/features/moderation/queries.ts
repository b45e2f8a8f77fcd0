import { aliasedTable, and, asc, eq, gt, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { messageReports, users } from '../../db/schema.ts';
import type { ReportStatus } from '../../../shared/schemas/moderation.ts';

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

/** Closes an open report; false when it is not open any more (someone reviewed it first) or does not exist. */
export async function reviewReport(db: Database, id: string, review: { status: 'resolved' | 'dismissed'; reviewedBy: string; note: string; at: Date }): Promise<boolean> {
  const updated = await db
    .update(messageReports)
    .set({ status: review.status, reviewedBy: review.reviewedBy, reviewNote: review.note, reviewedAt: review.at })
    .where(and(eq(messageReports.id, id), eq(messageReports.status, 'open')))
    .returning({ id: messageReports.id });
  return updated.length > 0;
}

export async function emailOf(db: Database, userId: string): Promise<string | undefined> {
  const [row] = await db.select({ email: sql<string>`lower(${users.email})` }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.email;
}
