import { AppError } from '../../errors/app-error.ts';
import { ANALYTICS_MAX_RANGE_DAYS } from '../../../shared/schemas/analytics.ts';

/** A range of UTC calendar days, both ends included, written `YYYY-MM-DD`. */
export interface DayRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

/** The UTC calendar day of an instant. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/**
 * The range a request asks for: `to` defaults to today, `from` to 29 days before `to` (30 days
 * shown). A start after the end, or a range longer than ANALYTICS_MAX_RANGE_DAYS, is refused.
 */
export function resolveRange(query: { from?: string | undefined; to?: string | undefined }, now: Date): DayRange {
  const to = query.to ?? utcDay(now);
  const from = query.from ?? addDays(to, -29);
  if (from > to || daysIn({ from, to }).length > ANALYTICS_MAX_RANGE_DAYS) {
    throw new AppError('analytics_range_invalid', { params: { maxDays: ANALYTICS_MAX_RANGE_DAYS } });
  }
  return { from, to };
}

/** Every day of the range in order (the range is at most a year, so this is small). */
export function daysIn(range: DayRange): string[] {
  const days: string[] = [];
  for (let day = range.from; day <= range.to && days.length <= ANALYTICS_MAX_RANGE_DAYS; day = addDays(day, 1)) days.push(day);
  return days;
}
