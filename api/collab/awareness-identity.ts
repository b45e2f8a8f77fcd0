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
 * Rewrites an awareness update from a socket so each state's `user` is the verified identity.
 *
 * y-websocket clients echo every awareness change they see, other people's included, so entries
 * for client ids that belong to someone else (`ownedElsewhere`) are dropped rather than refused;
 * an unowned client id is claimed by this socket (up to a small limit). Nobody can move someone
 * else's cursor or pose as someone else. Returns undefined when nothing of the update is this socket's.
 */
export function stampIdentity(
  update: Uint8Array,
  identity: VerifiedIdentity,
  claimedClientIds: Set<number>,
  ownedElsewhere: (clientId: number) => boolean,
): Uint8Array | undefined {
  const own = [];
  for (const entry of decodeAwarenessUpdate(update)) {
    if (!claimedClientIds.has(entry.clientId)) {
      if (ownedElsewhere(entry.clientId)) continue;
      if (claimedClientIds.size >= MAX_CLIENT_IDS_PER_SOCKET) throw new BadMessageError('too many awareness client ids on one socket');
      claimedClientIds.add(entry.clientId);
    }
    if (entry.state !== null) entry.state = { ...entry.state, user: { ...identity } };
    own.push(entry);
  }
  return own.length > 0 ? encodeAwarenessUpdate(own) : undefined;
}
