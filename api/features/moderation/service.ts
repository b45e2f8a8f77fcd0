import {
  type AppealStatus,
  MODERATION_ACTIONS,
  type ModerationAction,
  type ModerationReport,
  type ModerationReportPage,
  type ModerationReportQuery,
  type ReportStatus,
  type ReviewReportRequest,
  SUSPENSION_REASONS,
  type SuspendAccountRequest,
  type SuspensionList,
  type SuspensionReason,
} from '../../../shared/schemas/moderation.ts';
import { REPORT_REASONS, type Message } from '../../../shared/schemas/messages.ts';
import type { Database, Executor } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { decodeTimeIdCursor, encodeTimeIdCursor } from '../../http/time-id-cursor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import { toMessage } from '../messages/service.ts';
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
    actions: report.actions.filter((action): action is ModerationAction => (MODERATION_ACTIONS as readonly string[]).includes(action)),
  };
}

export type AccountChange = 'suspended' | 'reinstated' | 'suspension_ended' | 'appeal_received' | 'appeal_rejected';

const DAY_MS = 86_400_000;
/** Lapsed suspensions lifted per sweep; the next sweep takes the rest. */
const LAPSED_PER_SWEEP = 100;

/** What moderation did that people must learn at once; sent after the change is committed. */
export interface ModerationEffects {
  /** The account was suspended: close its sockets (sync and live messages) on every instance. */
  accountSuspended(userId: string): Promise<void>;
  /** Tell the person, by e-mail, that their account was suspended, lifted by a moderator, that its time ran out, or how their appeal stands. */
  tellAccountHolder(userId: string, change: AccountChange): Promise<void>;
  /** A message was removed: replace it on the screens of the two people in the conversation. */
  messageRemoved(message: Message, participantIds: string[]): Promise<void>;
}

/**
 * The moderators' side of reports: the queue of open reports with the evidence each carries (the
 * reported message's text as it was), and closing one as resolved or dismissed with a note. Only the
 * accounts whose e-mail is in MODERATOR_EMAILS may; everyone else gets 403 moderator_only.
 */
export function createModerationService(deps: { db: Database; clock: Clock; moderatorEmails: readonly string[]; effects: ModerationEffects; logger: Logger }) {
  const { db, clock, effects, logger } = deps;
  const moderators = new Set(deps.moderatorEmails.map((email) => email.trim().toLowerCase()).filter(Boolean));

  async function requireModerator(userId: string): Promise<void> {
    const email = moderators.size > 0 ? await queries.emailOf(db, userId) : undefined;
    if (!email || !moderators.has(email)) throw new AppError('moderator_only');
  }

  /**
   * Suspends inside the caller's transaction (the account row locked); false when it was suspended
   * already. A moderator cannot be suspended here: that would let one moderator lock out another,
   * and removing an address from MODERATOR_EMAILS is the way to take the role away.
   */
  async function suspendIn(tx: Executor, userId: string, terms: Omit<queries.SuspensionTerms, 'until'> & { days: number | null }, now: Date): Promise<boolean> {
    const account = await queries.lockAccount(tx, userId);
    if (!account) throw new AppError('account_not_found');
    if (moderators.has(account.email)) throw new AppError('moderator_not_suspendable');
    if (account.suspendedAt) return false;
    const until = terms.days === null ? null : new Date(now.getTime() + terms.days * DAY_MS);
    await queries.suspendAccount(tx, userId, { ...terms, until }, now);
    return true;
  }

  /**
   * A suspended person's appeal is turned down by someone other than the moderator who suspended
   * them, whenever there is someone else: a second look is what an appeal is for. (Granting it,
   * which lifts the suspension, anyone may.) A deployment with one moderator has no one else.
   */
  function anotherModeratorCanDecide(executor: Executor, suspendedBy: string | null, moderatorId: string): Promise<boolean> {
    if (suspendedBy !== moderatorId) return Promise.resolve(false);
    return queries.anotherActiveAccountAmong(executor, [...moderators], moderatorId);
  }

  /** Effects are best-effort after commit: the suspension already holds (sessions are revoked in the database). */
  function announce(work: Promise<void>, what: string) {
    return work.catch((error: unknown) => logger.warn(`could not announce ${what}`, { error }));
  }

  return {
    async reports(userId: string, query: ModerationReportQuery): Promise<ModerationReportPage> {
      await requireModerator(userId);
      const after = query.cursor ? decodeTimeIdCursor(query.cursor) : undefined;
      const rows = await queries.listReports(db, { status: query.status, limit: query.limit + 1, after });
      const page = rows.slice(0, query.limit);
      return { reports: page.map(toReport), nextCursor: rows.length > query.limit ? encodeTimeIdCursor(page.at(-1)!.report.createdAt, page.at(-1)!.report.id) : null };
    },

    /**
     * Closes an open report, and when resolving it can remove the reported message and suspend the
     * reported account, all in one transaction: a refusal (the account is a moderator's) leaves the
     * report open. Only what was actually done is recorded (an account already suspended is not
     * suspended twice).
     */
    async review(userId: string, reportId: string, request: ReviewReportRequest): Promise<ModerationReport> {
      await requireModerator(userId);
      const now = clock.now();
      const outcome = await db.transaction(async (tx) => {
        const report = await queries.reviewReport(tx, reportId, { status: request.status, reviewedBy: userId, note: request.note, at: now });
        if (!report) return undefined;
        const actions: ModerationAction[] = [];
        let removed: Awaited<ReturnType<typeof queries.removeMessage>>;
        if (request.removeMessage && report.messageId) {
          removed = await queries.removeMessage(tx, report.messageId, now);
          if (removed) actions.push('message_removed');
        }
        if (request.suspendAccount && report.reportedUserId) {
          // The person is told the reason they were reported for; the moderators' note stays theirs.
          const terms = { by: userId, note: request.note, reason: oneOf(SUSPENSION_REASONS, report.reason, 'other'), message: request.messageToAccount, days: request.suspensionDays };
          if (await suspendIn(tx, report.reportedUserId, terms, now)) actions.push('account_suspended');
        }
        if (actions.length > 0) await queries.recordActions(tx, reportId, actions);
        return { report, removed, suspended: actions.includes('account_suspended') };
      });
      const row = await queries.findReport(db, reportId);
      if (!row) throw new AppError('report_not_found');
      // Two moderators on one report: the second learns it is done, and by whom.
      if (!outcome) throw new AppError('report_already_reviewed');
      if (outcome.suspended && outcome.report.reportedUserId) {
        await announce(effects.accountSuspended(outcome.report.reportedUserId), 'a suspension');
        await announce(effects.tellAccountHolder(outcome.report.reportedUserId, 'suspended'), 'a suspension');
      }
      if (outcome.removed) {
        const participants = await queries.participantsOf(db, outcome.removed.conversationId);
        await announce(effects.messageRemoved(toMessage(outcome.removed), participants), 'a removed message');
      }
      return toReport(row);
    },

    async suspensions(userId: string): Promise<SuspensionList> {
      await requireModerator(userId);
      const rows = await queries.listSuspensions(db, 200);
      const othersCanDecide = rows.some((row) => row.moderatorId === userId) && (await queries.anotherActiveAccountAmong(db, [...moderators], userId));
      return {
        suspensions: rows.map((row) => ({
          user: { id: row.id, displayName: row.displayName },
          suspendedAt: row.suspendedAt!.toISOString(),
          suspendedBy: row.moderatorId && row.moderatorName !== null ? { id: row.moderatorId, displayName: row.moderatorName } : null,
          note: row.suspensionNote ?? '',
          reason: oneOf<SuspensionReason>(SUSPENSION_REASONS, row.suspensionReason ?? '', 'other'),
          until: row.suspendedUntil?.toISOString() ?? null,
          messageToAccount: row.suspensionMessage ?? '',
          appeal: row.appealMessage !== null && row.appealCreatedAt ? { message: row.appealMessage, createdAt: row.appealCreatedAt.toISOString() } : null,
          appealNeedsAnotherModerator: othersCanDecide && row.moderatorId === userId,
        })),
      };
    },

    async suspend(userId: string, request: SuspendAccountRequest): Promise<void> {
      await requireModerator(userId);
      const terms = { by: userId, note: request.note, reason: request.reason, message: request.messageToAccount, days: request.days };
      const suspended = await db.transaction((tx) => suspendIn(tx, request.userId, terms, clock.now()));
      if (!suspended) throw new AppError('account_already_suspended');
      await announce(effects.accountSuspended(request.userId), 'a suspension');
      await announce(effects.tellAccountHolder(request.userId, 'suspended'), 'a suspension');
    },

    /** Lifts a suspension: the account can sign in again and its withheld beats and presets return to the store. */
    async reinstate(userId: string, accountId: string): Promise<void> {
      await requireModerator(userId);
      await db.transaction(async (tx) => {
        const account = await queries.lockAccount(tx, accountId);
        if (!account) throw new AppError('account_not_found');
        if (!account.suspendedAt) throw new AppError('account_not_suspended');
        await queries.reinstateAccount(tx, accountId, { republish: account.deletedAt === null, at: clock.now(), by: userId });
      });
      await announce(effects.tellAccountHolder(accountId, 'reinstated'), 'a reinstatement');
    },

    /**
     * Files a suspended person's appeal (their credentials were checked by the caller: they cannot
     * sign in). One open appeal at a time; they get an e-mail saying it arrived.
     */
    async appeal(accountId: string, message: string): Promise<void> {
      await db.transaction(async (tx) => {
        const account = await queries.lockAccount(tx, accountId);
        if (!account?.suspendedAt) throw new AppError('account_not_suspended');
        if (!(await queries.insertAppeal(tx, { id: crypto.randomUUID(), userId: accountId, message, at: clock.now() }))) throw new AppError('appeal_already_open');
      });
      await announce(effects.tellAccountHolder(accountId, 'appeal_received'), 'an appeal');
    },

    /**
     * How the suspended person's appeal against the suspension in force stands (their credentials were
     * checked by the caller). Only appeals made since this suspension began count.
     */
    async appealStatus(accountId: string): Promise<AppealStatus> {
      const since = await queries.suspendedSince(db, accountId);
      if (!since) throw new AppError('account_not_suspended');
      const appeal = await queries.latestAppealSince(db, accountId, since);
      if (!appeal || (appeal.closedAt && appeal.outcome !== 'rejected')) return { appeal: null };
      return {
        appeal: {
          status: appeal.closedAt ? 'rejected' : 'open',
          createdAt: appeal.createdAt.toISOString(),
          decidedAt: appeal.closedAt?.toISOString() ?? null,
          response: appeal.closedAt ? appeal.response : null,
        },
      };
    },

    /** Turns an appeal down with the moderator's reasons, which the person receives by e-mail. Granting it is `reinstate`. */
    async rejectAppeal(userId: string, accountId: string, response: string): Promise<void> {
      await requireModerator(userId);
      await db.transaction(async (tx) => {
        const account = await queries.lockAccount(tx, accountId);
        if (!account) throw new AppError('account_not_found');
        if (!account.suspendedAt) throw new AppError('account_not_suspended');
        if (await anotherModeratorCanDecide(tx, account.suspendedBy, userId)) throw new AppError('appeal_needs_another_moderator');
        if (!(await queries.closeAppeal(tx, accountId, { outcome: 'rejected', at: clock.now(), by: userId, response }))) throw new AppError('no_open_appeal');
      });
      await announce(effects.tellAccountHolder(accountId, 'appeal_rejected'), 'an appeal decision');
    },

    /**
     * Ends the temporary suspensions whose time is up, as a moderator's lift would (what was withheld
     * returns to the store), and tells each person. Run every minute on every instance: the row lock
     * and the re-check under it make each lift happen once. Returns how many it lifted.
     */
    async liftLapsedSuspensions(): Promise<number> {
      const now = clock.now();
      let lifted = 0;
      for (const accountId of await queries.lapsedSuspensions(db, now, LAPSED_PER_SWEEP)) {
        const done = await db.transaction(async (tx) => {
          const account = await queries.lockAccount(tx, accountId);
          if (!account?.suspendedAt || !account.suspendedUntil || account.suspendedUntil > now) return false;
          await queries.reinstateAccount(tx, accountId, { republish: account.deletedAt === null, at: now });
          return true;
        }).catch((error: unknown) => {
          // One account's failure leaves the others to be lifted; the next sweep tries it again.
          logger.error('could not end a lapsed suspension', { accountId, error });
          return false;
        });
        if (!done) continue;
        lifted++;
        await announce(effects.tellAccountHolder(accountId, 'suspension_ended'), 'the end of a suspension');
      }
      return lifted;
    },
  };
}

export type ModerationService = ReturnType<typeof createModerationService>;
