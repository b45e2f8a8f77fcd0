import { describe, expect, it } from 'vitest';
import { inviteToken } from './invite-token.ts';

describe('inviteToken', () => {
  it('reads the token from the query, a token= fragment or a bare fragment', () => {
    expect(inviteToken({ search: '?token=abc', hash: '' })).toBe('abc');
    expect(inviteToken({ search: '', hash: '#token=def' })).toBe('def');
    expect(inviteToken({ search: '', hash: '#ghi' })).toBe('ghi');
    expect(inviteToken({ search: '', hash: '' })).toBe('');
  });
});
