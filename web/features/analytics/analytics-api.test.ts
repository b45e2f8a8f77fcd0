import { describe, expect, it } from 'vitest';
import { lastDays } from './analytics-api.ts';

describe('lastDays', () => {
  it('ends today (UTC) and counts today as one of the days', () => {
    expect(lastDays(7, new Date('2026-03-02T23:30:00Z'))).toEqual({ from: '2026-02-24', to: '2026-03-02' });
    expect(lastDays(1, new Date('2026-03-02T00:00:00Z'))).toEqual({ from: '2026-03-02', to: '2026-03-02' });
  });
});
