import { ModerationReport, ModerationReportPage, type ReportStatus } from '../../../shared/schemas/moderation.ts';
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

  review(reportId: string, status: 'resolved' | 'dismissed', note: string): Promise<ModerationReport> {
    return this.#client.request({ method: 'PUT', path: `/api/moderation/reports/${encodeURIComponent(reportId)}`, body: { status, note }, authenticated: true, schema: ModerationReport });
  }
}
