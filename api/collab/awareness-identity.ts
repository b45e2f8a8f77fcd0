import { decodeAwarenessUpdate, encodeAwarenessUpdate, BadMessageError } from './protocol.ts';

/** What every collaborator sees of a person: set by the server from the verified account, never by the client. */
export interface VerifiedIdentity {
  id: string;
  name: string;
  color: string;
}

/** A stable, readable cursor colour per user: hue from a hash of the id, fixed saturation and lightness. */
export function colorForUser(userId: string): string {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return `hsl(${hash % 360} 70% 45%)`;
}

/** How many awareness client ids one socket may speak for (a doc's id can change when Yjs detects a clash). */
export const MAX_CLIENT_IDS_PER_SOCKET = 4;

/**
 * Rewrites an awareness update from a socket so each state's `user` is the verified identity, and
 * refuses updates for client ids the socket has not claimed (or claims beyond the limit), so nobody
 * can move someone else's cursor or pose as someone else.
 */
export function stampIdentity(update: Uint8Array, identity: VerifiedIdentity, claimedClientIds: Set<number>): Uint8Array {
  const entries = decodeAwarenessUpdate(update);
  for (const entry of entries) {
    if (!claimedClientIds.has(entry.clientId)) {
      if (claimedClientIds.size >= MAX_CLIENT_IDS_PER_SOCKET) throw new BadMessageError('too many awareness client ids on one socket');
      claimedClientIds.add(entry.clientId);
    }
    if (entry.state !== null) entry.state = { ...entry.state, user: { ...identity } };
  }
  return encodeAwarenessUpdate(entries);
}
