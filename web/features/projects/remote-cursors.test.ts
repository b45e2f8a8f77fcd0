import { describe, expect, it } from 'vitest';
import { hueBucket } from './remote-cursors.ts';

describe('hueBucket', () => {
  it('reads the hue of the colours the sync server stamps', () => {
    expect(hueBucket('hsl(0 70% 45%)')).toBe(0);
    expect(hueBucket('hsl(212 70% 45%)')).toBe(21);
    expect(hueBucket('hsl(359 70% 45%)')).toBe(0);
  });

  it('gives any other colour a stable bucket in range', () => {
    const bucket = hueBucket('#30bced');
    expect(bucket).toBe(hueBucket('#30bced'));
    expect(bucket).toBeGreaterThanOrEqual(0);
    expect(bucket).toBeLessThan(36);
  });
});
