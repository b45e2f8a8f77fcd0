import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv.ts';
import { addDays, daysIn, resolveRange, utcDay } from './date-range.ts';
import { countryFrom, listenerKey } from './listener.ts';

describe('date ranges', () => {
  it('defaults to 30 days ending today (UTC) and lists every day', () => {
    const range = resolveRange({}, new Date('2026-03-01T23:30:00-05:00'));
    expect(range).toEqual({ from: '2026-02-01', to: '2026-03-02' });
    expect(daysIn(range)).toHaveLength(30);
    expect(daysIn({ from: '2024-02-28', to: '2024-03-01' })).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(utcDay(new Date('2026-01-01T00:00:00+01:00'))).toBe('2025-12-31');
  });
  it('refuses reversed and over-long ranges', () => {
    expect(() => resolveRange({ from: '2026-01-02', to: '2026-01-01' }, new Date())).toThrow('analytics_range_invalid');
    expect(() => resolveRange({ from: '2025-01-01', to: '2026-01-02' }, new Date())).toThrow('analytics_range_invalid');
    expect(resolveRange({ from: '2025-01-01', to: '2025-12-31' }, new Date())).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});

describe('listeners', () => {
  const salt = new Uint8Array(32).fill(7);
  it('keys signed-in listeners by account and guests by an unreadable hash', () => {
    expect(listenerKey({ userId: 'u1' }, salt)).toBe('u:u1');
    const guest = listenerKey({ ip: '203.0.113.5', userAgent: 'Firefox' }, salt);
    expect(guest).toMatch(/^g:[A-Za-z0-9_-]{43}$/);
    expect(guest).not.toContain('203.0.113.5');
    expect(listenerKey({ ip: '203.0.113.5', userAgent: 'Firefox' }, salt)).toBe(guest);
    expect(listenerKey({ ip: '203.0.113.5', userAgent: 'Chrome' }, salt)).not.toBe(guest);
    expect(listenerKey({ ip: '203.0.113.5', userAgent: 'Firefox' }, new Uint8Array(32))).not.toBe(guest);
  });
  it('reads the country header or says unknown', () => {
    expect(countryFrom({ cfIpCountry: 'br' })).toBe('BR');
    expect(countryFrom({ xCountry: 'FR' })).toBe('FR');
    expect(countryFrom({ cfIpCountry: 'XX' })).toBe('unknown');
    expect(countryFrom({ xCountry: 'France' })).toBe('unknown');
    expect(countryFrom({})).toBe('unknown');
  });
});

describe('csv', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-5 dB')).toBe("'-5 dB");
    expect(csvField(-5)).toBe('-5');
    expect(csvLine(['a', 1, 'b\nc'])).toBe('a,1,"b\nc"\r\n');
  });
});
