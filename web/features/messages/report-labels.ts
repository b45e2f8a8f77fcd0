import type { ReportReason } from '../../../shared/schemas/messages.ts';
import { messageId } from '../../app/message-id.ts';

/** The catalog id of each report reason's label: in the report form and the moderators' queue. */
export const REPORT_REASON_IDS = {
  spam: messageId('messages.report.reason.spam'),
  harassment: messageId('messages.report.reason.harassment'),
  scam: messageId('messages.report.reason.scam'),
  inappropriate: messageId('messages.report.reason.inappropriate'),
  other: messageId('messages.report.reason.other'),
} as const satisfies Record<ReportReason, string>;
