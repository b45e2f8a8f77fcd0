import { z } from 'zod';
import { REPORT_REASONS } from './messages.ts';

/**
 * The moderators' queue of reports (`/api/moderation`). Who moderates is configuration
 * (MODERATOR_EMAILS), not something an account can claim.
 */
export const REPORT_STATUSES = ['open', 'resolved', 'dismissed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const ModerationReportQuery = z
  .object({
    status: z.enum(REPORT_STATUSES).default('open'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().min(1).max(200).optional(),
  })
  .strict()
  .meta({ id: 'ModerationReportQuery' });
export type ModerationReportQuery = z.infer<typeof ModerationReportQuery>;

const Person = z.object({ id: z.string(), displayName: z.string() });

/** What resolving a report can do besides closing it. */
export const MODERATION_ACTIONS = ['message_removed', 'account_suspended'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export const ModerationReport = z
  .object({
    id: z.string(),
    status: z.enum(REPORT_STATUSES),
    reason: z.enum(REPORT_REASONS),
    details: z.string(),
    reporter: Person,
    /** Null once that account was deleted. */
    reportedUser: Person.nullable(),
    conversationId: z.string().nullable(),
    messageId: z.string().nullable(),
    /** The reported message's text as it was when reported (it survives the message's deletion). */
    messageBody: z.string().nullable(),
    createdAt: z.iso.datetime(),
    reviewedBy: Person.nullable(),
    reviewedAt: z.iso.datetime().nullable(),
    reviewNote: z.string().nullable(),
    /** What the reviewing moderator did besides closing the report. */
    actions: z.array(z.enum(MODERATION_ACTIONS)),
  })
  .meta({ id: 'ModerationReport' });
export type ModerationReport = z.infer<typeof ModerationReport>;

/** Oldest first: the queue is worked from the front. */
export const ModerationReportPage = z
  .object({ reports: z.array(ModerationReport), nextCursor: z.string().nullable() })
  .meta({ id: 'ModerationReportPage' });
export type ModerationReportPage = z.infer<typeof ModerationReportPage>;

/**
 * Why an account is suspended, as the person is told (by e-mail and when signing in is refused): a
 * statement of reasons, which the EU's Digital Services Act requires of platforms that restrict an
 * account. The report reasons, plus copyright (a beat that was not the seller's to sell).
 */
export const SUSPENSION_REASONS = ['spam', 'harassment', 'scam', 'inappropriate', 'copyright', 'other'] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

/** How long a suspension lasts, in days; null until a moderator lifts it. The page offers 1, 7 and 30. */
const SuspensionDays = z.number().int().min(1).max(365).nullable().default(null);
/** The moderator's words to the person, sent with the reason. */
const MessageToAccount = z.string().trim().max(1000).default('');

export const ReviewReportRequest = z
  .object({
    status: z.enum(['resolved', 'dismissed']),
    /** What was done or why not, for the other moderators. */
    note: z.string().trim().max(2000).default(''),
    /** Resolving only: remove the reported message for both people (the report keeps its text). */
    removeMessage: z.boolean().default(false),
    /** Resolving only: suspend the reported account (see SuspendAccountRequest), for the report's reason. */
    suspendAccount: z.boolean().default(false),
    /** With suspendAccount: how long (null: until lifted). */
    suspensionDays: SuspensionDays,
    /** With suspendAccount: told to the person with the reason. */
    messageToAccount: MessageToAccount,
  })
  .strict()
  .refine((review) => review.status === 'resolved' || (!review.removeMessage && !review.suspendAccount), {
    message: 'Only resolving a report can remove the message or suspend the account.',
    path: ['status'],
  })
  .refine((review) => review.suspendAccount || (review.suspensionDays === null && review.messageToAccount === ''), {
    message: 'A duration or a message to the account needs suspendAccount.',
    path: ['suspendAccount'],
  })
  .meta({ id: 'ReviewReportRequest' });
export type ReviewReportRequest = z.infer<typeof ReviewReportRequest>;

/**
 * Suspending an account: it cannot sign in, every session and open socket of it ends, and its
 * published beats and presets leave the store (withheld, published again when it is lifted).
 * Buyers keep the licences they bought from it. The person is told why and until when; a
 * suspension with `days` ends by itself.
 */
export const SuspendAccountRequest = z
  .object({
    userId: z.string().min(1).max(64),
    /** Why, for the other moderators. */
    note: z.string().trim().max(2000).default(''),
    /** Why, as the person is told. */
    reason: z.enum(SUSPENSION_REASONS).default('other'),
    days: SuspensionDays,
    messageToAccount: MessageToAccount,
  })
  .strict()
  .meta({ id: 'SuspendAccountRequest' });
export type SuspendAccountRequest = z.infer<typeof SuspendAccountRequest>;

export const Suspension = z
  .object({
    user: Person,
    suspendedAt: z.iso.datetime(),
    /** Null once that moderator's account was deleted. */
    suspendedBy: Person.nullable(),
    note: z.string(),
    reason: z.enum(SUSPENSION_REASONS),
    /** When it ends by itself; null: when a moderator lifts it. */
    until: z.iso.datetime().nullable(),
    messageToAccount: z.string(),
    /** The person's open appeal against it, if they made one. */
    appeal: z.object({ message: z.string(), createdAt: z.iso.datetime() }).nullable(),
    /**
     * The moderator asking suspended this account and another moderator can act: only another one may
     * turn its appeal down (anyone may grant it by lifting the suspension).
     */
    appealNeedsAnotherModerator: z.boolean(),
  })
  .meta({ id: 'Suspension' });
export type Suspension = z.infer<typeof Suspension>;

/** Newest first. */
export const SuspensionList = z.object({ suspensions: z.array(Suspension) }).meta({ id: 'SuspensionList' });
export type SuspensionList = z.infer<typeof SuspensionList>;

export const APPEAL_MAX_LENGTH = 2000;

/** A suspended person appeals: they cannot sign in, so the request carries their credentials. */
export const SuspensionAppealRequest = z
  .object({
    email: z.email().max(254),
    password: z.string().min(1).max(1024),
    message: z.string().trim().min(10).max(APPEAL_MAX_LENGTH),
  })
  .strict()
  .meta({ id: 'SuspensionAppealRequest' });
export type SuspensionAppealRequest = z.infer<typeof SuspensionAppealRequest>;

/** A suspended person asks how their appeal stands, with the same credentials. */
export const AppealStatusRequest = SuspensionAppealRequest.omit({ message: true }).strict().meta({ id: 'AppealStatusRequest' });
export type AppealStatusRequest = z.infer<typeof AppealStatusRequest>;

/**
 * The person's latest appeal against the suspension in force: `open` while the moderators have it,
 * `rejected` with their response once turned down (a new appeal can then be made). Null when they
 * have not appealed this suspension. (A granted appeal lifts the suspension, so it never shows here.)
 */
export const AppealStatus = z
  .object({
    appeal: z
      .object({
        status: z.enum(['open', 'rejected']),
        createdAt: z.iso.datetime(),
        decidedAt: z.iso.datetime().nullable(),
        response: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'AppealStatus' });
export type AppealStatus = z.infer<typeof AppealStatus>;

/** A moderator turns an appeal down, telling the person why. (Granting it is lifting the suspension.) */
export const RejectAppealRequest = z
  .object({ response: z.string().trim().min(1).max(APPEAL_MAX_LENGTH) })
  .strict()
  .meta({ id: 'RejectAppealRequest' });
export type RejectAppealRequest = z.infer<typeof RejectAppealRequest>;
