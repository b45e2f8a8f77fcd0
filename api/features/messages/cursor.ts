import { AppError } from '../../errors/app-error.ts';

/**
 * Opaque page cursors. Conversations page by (last message time, id), newest first; messages by
 * their global `seq`, newest first. A cursor that does not decode to the expected shape is 400
 * `invalid_cursor`, never a database error.
 */
export interface ConversationCursor {
  at: string;
  id: string;
}

export function encodeConversationCursor(cursor: ConversationCursor): string {
  return Buffer.from(JSON.stringify(['c', cursor.at, cursor.id])).toString('base64url');
}

export function decodeConversationCursor(cursor: string): ConversationCursor {
  const parsed = parse(cursor);
  if (Array.isArray(parsed) && parsed.length === 3 && parsed[0] === 'c' && typeof parsed[1] === 'string' && typeof parsed[2] === 'string') {
    if (!Number.isNaN(Date.parse(parsed[1])) && parsed[2].length <= 64) return { at: parsed[1], id: parsed[2] };
  }
  throw new AppError('invalid_cursor');
}

export function encodeMessageCursor(seq: number): string {
  return Buffer.from(JSON.stringify(['m', seq])).toString('base64url');
}

export function decodeMessageCursor(cursor: string): number {
  const parsed = parse(cursor);
  if (Array.isArray(parsed) && parsed.length === 2 && parsed[0] === 'm' && Number.isSafeInteger(parsed[1]) && (parsed[1] as number) > 0) return parsed[1] as number;
  throw new AppError('invalid_cursor');
}

function parse(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    throw new AppError('invalid_cursor', { cause: error });
  }
}
