import { z } from 'zod';

/**
 * Wire schemas of seller analytics (`/api/analytics`, producer only) and of play recording
 * (`POST /api/beats/:id/plays`, anyone). Money is in the store's currency (cents / 100), days are
 * UTC calendar days written `YYYY-MM-DD`.
 */

/** The longest range one request may cover, so one query never scans years of events. */
export const ANALYTICS_MAX_RANGE_DAYS = 366;

/** What a download was: a free download, or the file of a purchased licence. */
export const DOWNLOAD_KINDS = ['free', 'licence'] as const;
export type DownloadKind = (typeof DOWNLOAD_KINDS)[number];

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'invalid_date');

export const AnalyticsQuery = z
  .object({
    from: Day.optional().meta({ description: 'First day, inclusive; defaults to 29 days before `to`.' }),
    to: Day.optional().meta({ description: 'Last day, inclusive; defaults to today (UTC).' }),
    beatId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/).optional().meta({ description: 'Only this beat (one of yours).' }),
  })
  .meta({ id: 'AnalyticsQuery' });
export type AnalyticsQuery = z.infer<typeof AnalyticsQuery>;

export const AnalyticsTopQuery = AnalyticsQuery.extend({ limit: z.coerce.number().int().min(1).max(50).default(10) }).meta({ id: 'AnalyticsTopQuery' });
export type AnalyticsTopQuery = z.infer<typeof AnalyticsTopQuery>;

const metrics = {
  /** Plays counted once per listener per beat per day. */
  plays: z.number().int(),
  /** Distinct listeners (signed-in users, or guests by a salted hash of address and browser). */
  uniqueListeners: z.number().int(),
  downloads: z.number().int(),
  sales: z.number().int(),
  revenue: z.number(),
};

export const AnalyticsSummary = z
  .object({
    from: z.string(),
    to: z.string(),
    ...metrics,
    /** sales / uniqueListeners, 0 when nobody listened. */
    conversion: z.number(),
    /** Where sales and revenue came from: dated orders, or the all-time counters on beats while no orders exist. */
    salesSource: z.enum(['orders', 'beat_counters']),
  })
  .meta({ id: 'AnalyticsSummary' });
export type AnalyticsSummary = z.infer<typeof AnalyticsSummary>;

export const AnalyticsDay = z.object({ date: z.string(), ...metrics }).meta({ id: 'AnalyticsDay' });
export type AnalyticsDay = z.infer<typeof AnalyticsDay>;

/** Every day of the range, zero-filled, oldest first. */
export const AnalyticsTimeSeries = z.object({ from: z.string(), to: z.string(), days: z.array(AnalyticsDay) }).meta({ id: 'AnalyticsTimeSeries' });
export type AnalyticsTimeSeries = z.infer<typeof AnalyticsTimeSeries>;

export const AnalyticsTopBeat = z.object({ beatId: z.string(), title: z.string(), ...metrics }).meta({ id: 'AnalyticsTopBeat' });
export const AnalyticsTopBeats = z.object({ from: z.string(), to: z.string(), beats: z.array(AnalyticsTopBeat) }).meta({ id: 'AnalyticsTopBeats' });
export type AnalyticsTopBeats = z.infer<typeof AnalyticsTopBeats>;

export const AnalyticsCountry = z
  .object({
    /** ISO 3166-1 alpha-2 in capitals, or `unknown`. */
    country: z.string(),
    plays: z.number().int(),
    uniqueListeners: z.number().int(),
  })
  .meta({ id: 'AnalyticsCountry' });
export const AnalyticsTopCountries = z.object({ from: z.string(), to: z.string(), countries: z.array(AnalyticsCountry) }).meta({ id: 'AnalyticsTopCountries' });
export type AnalyticsTopCountries = z.infer<typeof AnalyticsTopCountries>;

export const RecordPlayResponse = z
  .object({
    /** False when this listener's play of this beat was already counted today. */
    counted: z.boolean(),
    /** The beat's play counter after this call. */
    plays: z.number().int(),
  })
  .meta({ id: 'RecordPlayResponse' });
export type RecordPlayResponse = z.infer<typeof RecordPlayResponse>;

/** Columns of `GET /api/analytics/export.csv`, in order: one row per beat per day with any activity. */
export const ANALYTICS_CSV_COLUMNS = ['date', 'beat_id', 'beat_title', 'plays', 'unique_listeners', 'downloads', 'sales', 'revenue'] as const;
