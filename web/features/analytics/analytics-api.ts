import { AnalyticsSummary, AnalyticsTimeSeries, AnalyticsTopBeats, AnalyticsTopCountries } from '../../../shared/schemas/analytics.ts';
import type { ApiClient } from '../../api/api-client.ts';

/** A range of UTC days, `YYYY-MM-DD`, both inclusive. */
export interface DayRange {
  from: string;
  to: string;
}

/** Typed calls to /api/analytics/* (the signed-in producer's own numbers). */
export class AnalyticsApi {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  summary(range: DayRange): Promise<AnalyticsSummary> {
    return this.#client.request({ method: 'GET', path: `/api/analytics/summary?${new URLSearchParams({ ...range })}`, authenticated: true, schema: AnalyticsSummary });
  }

  timeSeries(range: DayRange): Promise<AnalyticsTimeSeries> {
    return this.#client.request({ method: 'GET', path: `/api/analytics/timeseries?${new URLSearchParams({ ...range })}`, authenticated: true, schema: AnalyticsTimeSeries });
  }

  topBeats(range: DayRange): Promise<AnalyticsTopBeats> {
    return this.#client.request({ method: 'GET', path: `/api/analytics/top-beats?${new URLSearchParams({ ...range, limit: '10' })}`, authenticated: true, schema: AnalyticsTopBeats });
  }

  topCountries(range: DayRange): Promise<AnalyticsTopCountries> {
    return this.#client.request({ method: 'GET', path: `/api/analytics/top-countries?${new URLSearchParams({ ...range, limit: '10' })}`, authenticated: true, schema: AnalyticsTopCountries });
  }

  /** One row per beat per day (the route needs the token, so the file is fetched rather than linked). */
  exportCsv(range: DayRange): Promise<Blob> {
    return this.#client.requestBlob({ method: 'GET', path: `/api/analytics/export.csv?${new URLSearchParams({ ...range })}`, authenticated: true });
  }
}

/** The last `days` UTC days ending today: `{ from, to }`. */
export function lastDays(days: number, now: Date): DayRange {
  const to = now.toISOString().slice(0, 10);
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (days - 1))).toISOString().slice(0, 10);
  return { from, to };
}
