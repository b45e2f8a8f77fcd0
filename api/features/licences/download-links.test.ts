import { describe, expect, it } from 'vitest';
import { signDownloadToken, verifyDownloadToken } from './download-links.ts';

const key = new Uint8Array(32).fill(7);
const now = new Date('2026-03-01T00:00:00Z');
const claim = { kind: 'licence' as const, id: 'lic-1', file: 'wav' as const, exp: now.getTime() / 1000 + 60 };

describe('download links', () => {
  it('verifies its own tokens until they expire', () => {
    const token = signDownloadToken(key, claim);
    expect(verifyDownloadToken(key, token, now)).toEqual(claim);
    expect(() => verifyDownloadToken(key, token, new Date(now.getTime() + 61_000))).toThrow('download_link_expired');
  });

  it('refuses tampered payloads, other keys and garbage', () => {
    const token = signDownloadToken(key, claim);
    const [, signature] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ ...claim, file: 'stems' })).toString('base64url')}.${signature}`;
    expect(() => verifyDownloadToken(key, forged, now)).toThrow('download_link_invalid');
    expect(() => verifyDownloadToken(new Uint8Array(32).fill(8), token, now)).toThrow('download_link_invalid');
    for (const junk of ['', 'a', 'a.b.c', '..', `${token}x`]) expect(() => verifyDownloadToken(key, junk, now)).toThrow('download_link_invalid');
  });
});
