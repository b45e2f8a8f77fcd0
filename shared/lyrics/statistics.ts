/** Summary of a list of numbers, as the cadence and style reports show it. */
export interface NumberSummary {
  readonly count: number;
  readonly mean: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly standardDeviation: number;
}

/** Summarises numbers; all fields are 0 for an empty list so callers never divide by zero. */
export function summarize(values: readonly number[]): NumberSummary {
  if (values.length === 0) return { count: 0, mean: 0, median: 0, min: 0, max: 0, standardDeviation: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((total, value) => total + value, 0) / values.length;
  const variance = values.reduce((total, value) => total + (value - mean) ** 2, 0) / values.length;
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { count: values.length, mean, median, min: sorted[0] as number, max: sorted.at(-1) as number, standardDeviation: Math.sqrt(variance) };
}

/** Rounds for display and stable JSON (floating noise like 0.30000000000000004 helps nobody). */
export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
