import type { ModerationReport, ModerationReportPage, ModerationReportQuery, ReportStatus, ReviewReportRequest } from '../../../shared/schemas/moderation.ts';
import { REPORT_REASONS } from '../../../shared/schemas/messages.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { decodeTimeIdCursor, encodeTimeIdCursor } from '../../http/time-id-cursor.ts';
import type { Clock } from '../../platform/clock.ts';
import * as queries from './queries.ts';

const STATUSES: readonly ReportStatus[] = ['open', 'resolved', 'dismissed'];
const oneOf = <T extends string>(values: readonly T[], value: string, fallback: T): T => (values as readonly string[]).includes(value) ? (value as T) : fallback;

function toReport(row: queries.ReportRow): ModerationReport {
  const { report } = row;
  return {
    id: report.id,
    status: oneOf(STATUSES, report.status, 'open'),
    reason: oneOf(REPORT_REASONS, report.reason, 'other'),
    details: report.details,
    reporter: { id: report.reporterId, displayName: row.reporterName },
    reportedUser: report.reportedUserId && row.reportedName !== null ? { id: report.reportedUserId, displayName: row.reportedName } : null,
    conversationId: report.conversationId,
    messageId: report.messageId,
    messageBody: report.messageBody,
    createdAt: report.createdAt.toISOString(),
    reviewedBy: report.reviewedBy && row.reviewerName !== null ? { id: report.reviewedBy, displayName: row.reviewerName } : null,
    reviewedAt: report.reviewedAt?.toISOString() ?? null,
    reviewNote: report.reviewNote,
  };
}

/**
 * The moderators' side of reports: the queue of open reports with the evidence each carries (the
 * reported message's text as it was), and closing one as resolved or dismissed with a note. Only the
 * accounts whose e-mail is in MODERATOR_EMAILS may; everyone else gets 403 moderator_only.
 */
export function createModerationService(deps: { db: Database; clock: Clock; moderatorEmails: readonly string[] }) {
  const { db, clock } = deps;
  const moderators = new Set(deps.moderatorEmails.map((email) => email.trim().toLowerCase()).filter(Boolean));

  async function requireModerator(userId: string): Promise<void> {
    const email = moderators.size > 0 ? await queries.emailOf(db, userId) : undefined;
    if (!email || !moderators.has(email)) throw new AppError('moderator_only');
  }

  return {
    async reports(userId: string, query: ModerationReportQuery): Promise<ModerationReportPage> {
      await requireModerator(userId);
      const after = query.cursor ? decodeTimeIdCursor(query.cursor) : undefined;
      const rows = await queries.listReports(db, { status: query.status, limit: query.limit + 1, after });
      const page = rows.slice(0, query.limit);
      return { reports: page.map(toReport), nextCursor: rows.length > query.limit ? encodeTimeIdCursor(page.at(-1)!.report.createdAt, page.at(-1)!.report.id) : null };
    },

    async review(userId: string, reportId: string, request: ReviewReportRequest): Promise<ModerationReport> {
      await requireModerator(userId);
      const reviewed = await queries.reviewReport(db, reportId, { status: request.status, reviewedBy: userId, note: request.note, at: clock.now() });
      const row = await queries.findReport(db, reportId);
      if (!row) throw new AppError('report_not_found');
      // Two moderators on one report: the second learns it is done, and by whom.
      if (!reviewed) throw new AppError('report_already_reviewed');
      return toReport(row);
    },
  };
}

export type ModerationService = ReturnType<typeof createModerationService>;
