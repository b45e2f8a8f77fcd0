import { createHash, randomBytes } from 'node:crypto';

/**
 * Refresh tokens are 256 random bits. Only their SHA-256 is stored: a leaked database does not
 * yield usable tokens, and a fast hash is enough because the input has full entropy.
 */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** The cookie that carries the refresh token: __Host- pins it to this origin, path / and Secure. */
export const REFRESH_COOKIE = '__Host-cs_refresh';

/** Refresh tokens are base64url of 32 bytes: anything else is refused before touching the database. */
export function looksLikeRefreshToken(value: string | undefined): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
