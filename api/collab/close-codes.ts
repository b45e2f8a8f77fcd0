/**
 * Websocket close codes the sync server uses, echoing HTTP where one fits (4000 + status).
 * Clients read them to decide whether to reconnect (with a fresh ticket) or stop and tell the user.
 */
export const CLOSE_CODES = {
  /** The message could not be decoded, the update was malformed or broke the document's rules: that socket only is closed. */
  badMessage: 4400,
  /** Membership ended or the role changed: reconnect with a fresh ticket to learn the new rights. */
  membershipChanged: 4403,
  /** The account was signed out everywhere (suspended): do not reconnect until signed in again. */
  signedOut: 4401,
  /** Too many messages in too short a time. */
  rateLimited: 4429,
  /** The server could not store the change; the client keeps it and sends it again on reconnect. */
  storageFailed: 4500,
  /** The instance is shutting down; reconnect (another instance will take the document). */
  goingAway: 1001,
  /** Frame larger than the configured maximum (set by the ws library itself). */
  tooLarge: 1009,
} as const;

export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];
