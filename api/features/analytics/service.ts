import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Clock } from '../../platform/clock.ts';
import {
  ANALYTICS_CSV_COLUMNS,
  type AnalyticsQuery,
  type AnalyticsSummary,
  type AnalyticsTimeSeries,
  type AnalyticsTopBeats,
  type AnalyticsTopCountries,
  type AnalyticsTopQuery,
  type RecordPlayResponse,
} from '../../../shared/schemas/analytics.ts';
import { csvLine } from './csv.ts';
import { daysIn, resolveRange, utcDay } from './date-range.ts';
import { countryFrom, listenerKey } from './listener.ts';
import * as queries from './queries.ts';

export interface AnalyticsDeps {
  db: Database;
  clock: Clock;
  /** Secret for hashing guests' address and browser (see listener.ts). */
  listenerSalt: Uint8Array;
}

/** Who is listening, as the route saw them. */
export interface ListenerContext {
  userId: string | undefined;
  ip: string;
  userAgent: string;
  cfIpCountry: string | undefined;
  xCountry: string | undefined;
}

const money = (cents: number) => Math.round(cents) / 100;
const metricsOut = (row: queries.MetricRow) => ({
  plays: row.plays,
  uniqueListeners: row.uniqueListeners,
  downloads: row.downloads,
  sales: row.sales,
  revenue: money(row.revenueCents),
});

export function createAnalyticsService(deps: AnalyticsDeps) {
  const { db, clock } = deps;

  /** The scope of a producer's request; a beatId that is not theirs is beat_not_found, as if it did not exist. */
  async function scopeFor(producerId: string, query: AnalyticsQuery): Promise<queries.Scope> {
    const range = resolveRange(query, clock.now());
    if (query.beatId) {
      const beat = await queries.findBeat(db, query.beatId);
      if (!beat || beat.producerId !== producerId) throw new AppError('beat_not_found');
    }
    return { producerId, range, beatId: query.beatId };
  }

  return {
    /**
     * Counts a play of a published beat once per listener per UTC day; the producer's own plays and
     * repeats that day answer `counted: false`. A counted play also moves the trending counter.
     */
    async recordPlay(beatId: string, listener: ListenerContext): Promise<RecordPlayResponse> {
      const beat = await queries.findBeat(db, beatId);
      if (!beat || (beat.status !== 'published' && beat.producerId !== listener.userId)) throw new AppError('beat_not_found');
      if (beat.producerId === listener.userId || beat.status !== 'published') return { counted: false, plays: beat.playCount };
      const now = clock.now();
      return queries.insertPlay(db, {
        beatId,
        producerId: beat.producerId,
        listenerKey: listenerKey(listener.userId ? { userId: listener.userId } : { ip: listener.ip, userAgent: listener.userAgent }, deps.listenerSalt),
        day: utcDay(now),
        country: countryFrom(listener),
        createdAt: now,
      });
    },

    async summary(producerId: string, query: AnalyticsQuery): Promise<AnalyticsSummary> {
      const scope = await scopeFor(producerId, query);
      const [total] = await queries.metrics(db, scope, 'total');
      const row = total!;
      return {
        ...scope.range,
        ...metricsOut(row),
        conversion: row.uniqueListeners === 0 ? 0 : row.sales / row.uniqueListeners,
        salesSource: 'orders',
      };
    },

    /** Every day of the range, zero-filled, oldest first. */
    async timeSeries(producerId: string, query: AnalyticsQuery): Promise<AnalyticsTimeSeries> {
      const scope = await scopeFor(producerId, query);
      const byDay = new Map((await queries.metrics(db, scope, 'day')).map((row) => [row.day, row]));
      const empty = { day: null, beatId: null, plays: 0, uniqueListeners: 0, downloads: 0, sales: 0, revenueCents: 0 };
      return { ...scope.range, days: daysIn(scope.range).map((date) => ({ date, ...metricsOut(byDay.get(date) ?? empty) })) };
    },

    /** Beats by plays, then sales, then revenue. */
    async topBeats(producerId: string, query: AnalyticsTopQuery): Promise<AnalyticsTopBeats> {
      const scope = await scopeFor(producerId, query);
      const rows = (await queries.metrics(db, scope, 'beat'))
        .filter((row) => row.beatId !== null)
        .sort((a, b) => b.plays - a.plays || b.sales - a.sales || b.revenueCents - a.revenueCents || a.beatId!.localeCompare(b.beatId!))
        .slice(0, query.limit);
      const titles = await queries.beatTitles(db, rows.map((row) => row.beatId!));
      return { ...scope.range, beats: rows.map((row) => ({ beatId: row.beatId!, title: titles.get(row.beatId!) ?? '', ...metricsOut(row) })) };
    },

    async topCountries(producerId: string, query: AnalyticsTopQuery): Promise<AnalyticsTopCountries> {
      const scope = await scopeFor(producerId, query);
      return { ...scope.range, countries: await queries.countries(db, scope, query.limit) };
    },

    /** One CSV row per beat per day with any activity, by date then title. */
    async exportCsv(producerId: string, query: AnalyticsQuery): Promise<{ filename: string; body: string }> {
      const scope = await scopeFor(producerId, query);
      const rows = (await queries.metrics(db, scope, 'day-beat')).filter((row) => row.day !== null && row.beatId !== null);
      const titles = await queries.beatTitles(db, [...new Set(rows.map((row) => row.beatId!))]);
      rows.sort((a, b) => a.day!.localeCompare(b.day!) || (titles.get(a.beatId!) ?? '').localeCompare(titles.get(b.beatId!) ?? '') || a.beatId!.localeCompare(b.beatId!));
      let body = csvLine(ANALYTICS_CSV_COLUMNS);
      for (const row of rows) {
        body += csvLine([row.day!, row.beatId!, titles.get(row.beatId!) ?? '', row.plays, row.uniqueListeners, row.downloads, row.sales, money(row.revenueCents).toFixed(2)]);
      }
      return { filename: `creatorsync-analytics-${scope.range.from}-to-${scope.range.to}.csv`, body };
    },
  };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
