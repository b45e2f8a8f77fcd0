import type { z } from 'zod';
import { ModerationReport, ModerationReportPage, SuspensionList, type ReportStatus, type ReviewReportRequest } from '../../../shared/schemas/moderation.ts';
import type { ApiClient } from '../../api/api-client.ts';

/** Typed calls to /api/moderation/* (moderators only: everyone else gets 403 moderator_only). */
export class ModerationApi {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  reports(status: ReportStatus, cursor?: string | null): Promise<ModerationReportPage> {
    const query = new URLSearchParams({ status, limit: '20' });
    if (cursor) query.set('cursor', cursor);
    return this.#client.request({ method: 'GET', path: `/api/moderation/reports?${query.toString()}`, authenticated: true, schema: ModerationReportPage });
  }

  /** Closes a report; resolving can also remove the reported message and suspend the reported account (for a number of days, with a message to them). */
  review(reportId: string, review: z.input<typeof ReviewReportRequest>): Promise<ModerationReport> {
    return this.#client.request({ method: 'PUT', path: `/api/moderation/reports/${encodeURIComponent(reportId)}`, body: review, authenticated: true, schema: ModerationReport });
  }

  suspensions(): Promise<SuspensionList> {
    return this.#client.request({ method: 'GET', path: '/api/moderation/suspensions', authenticated: true, schema: SuspensionList });
  }

  /** Turns the account's open appeal down; the response is e-mailed to the person. */
  async rejectAppeal(userId: string, response: string): Promise<void> {
    await this.#client.request({ method: 'POST', path: `/api/moderation/suspensions/${encodeURIComponent(userId)}/appeal-rejection`, body: { response }, authenticated: true });
  }

  async reinstate(userId: string): Promise<void> {
    await this.#client.request({ method: 'DELETE', path: `/api/moderation/suspensions/${encodeURIComponent(userId)}`, authenticated: true });
  }
}
