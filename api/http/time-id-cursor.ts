import { AppError } from '../errors/app-error.ts';

/**
 * Opaque keyset cursors for lists ordered by (a time, an id): base64url of `[ISO time, id]`. A cursor
 * that does not decode to that shape is 400 `invalid_cursor`, never a database error.
 */
export function encodeTimeIdCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

export function decodeTimeIdCursor(cursor: string): { at: Date; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    throw new AppError('invalid_cursor', { cause: error });
  }
  if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string' && parsed[1].length <= 64) {
    const at = new Date(parsed[0]);
    if (!Number.isNaN(at.getTime())) return { at, id: parsed[1] };
  }
  throw new AppError('invalid_cursor');
}
