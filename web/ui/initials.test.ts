import { describe, expect, it } from 'vitest';
import { initials } from './initials.ts';

describe('initials', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initials('Ada King Lovelace')).toBe('AL');
    expect(initials('  prince  ')).toBe('P');
    expect(initials('')).toBe('');
  });

  it('keeps graphemes whole', () => {
    expect(initials('élodie ñúñez')).toBe('ÉÑ');
    expect(initials('e\u0301mile zola')).toBe('E\u0301Z');
    expect(initials('👩🏽‍🎤 Star')).toBe('👩🏽‍🎤S');
  });
});
