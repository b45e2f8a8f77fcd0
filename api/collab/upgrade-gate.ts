import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '../platform/logger.ts';

/**
 * The sync socket lives on the API's own port under /api/collab/<documentId>. This gate runs on
 * every HTTP upgrade before any websocket exists: wrong path, foreign Origin or a missing or
 * invalid ticket is answered with a plain HTTP error and the TCP socket is closed, so nothing of a
 * document is ever loaded for an unauthenticated caller.
 *
 * Tickets (short-lived, single-use, bound to user and project) are issued by the projects feature;
 * until a `verifyTicket` is wired in, every upgrade is refused with 401.
 */
export interface UpgradeGateOptions<Context extends { userId: string }> {
  allowedOrigins: readonly string[];
  logger: Logger;
  /** Redeems the ticket for the document; undefined refuses the upgrade. */
  verifyTicket?: (ticket: string, documentId: string) => Promise<Context | undefined>;
  onAccepted?: (request: IncomingMessage, socket: Duplex, head: Buffer, context: Context & { documentId: string }) => void;
  /** Longest the ticket check may take before the upgrade is refused (a stuck database must not pile up sockets). */
  verifyTimeoutMs?: number;
}

const COLLAB_PATH = /^\/api\/collab\/([A-Za-z0-9_-]{1,64}(?:\.[a-z]{1,16})?)$/;

/**
 * Paths another feature's websocket owns on the same server (live messaging). The gate leaves
 * upgrades to those paths alone instead of answering 404, so several sockets can share the port.
 */
const claimedPaths = new WeakMap<Server, RegExp[]>();

export function claimUpgradePath(server: Server, path: RegExp): void {
  claimedPaths.set(server, [...(claimedPaths.get(server) ?? []), path]);
}

export function attachUpgradeGate<Context extends { userId: string }>(server: Server, options: UpgradeGateOptions<Context>): void {
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (claimedPaths.get(server)?.some((claimed) => claimed.test(pathname))) return;
    void handleUpgrade(request, socket, head, options).catch((error: unknown) => {
      options.logger.error('upgrade failed', { error });
      refuse(socket, 500, 'Internal Server Error');
    });
  });
}

async function handleUpgrade<Context extends { userId: string }>(
  request: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  options: UpgradeGateOptions<Context>,
) {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const match = COLLAB_PATH.exec(url.pathname);
  if (!match) return refuse(socket, 404, 'Not Found');
  const origin = request.headers.origin;
  if (origin && !isAllowedOrigin(origin, request.headers.host, options.allowedOrigins)) return refuse(socket, 403, 'Forbidden');
  const ticket = url.searchParams.get('ticket');
  const documentId = match[1]!;
  const verified = ticket && options.verifyTicket ? await withTimeout(options.verifyTicket(ticket, documentId), options.verifyTimeoutMs ?? 5000) : undefined;
  if (verified === 'timeout') return refuse(socket, 503, 'Service Unavailable');
  if (!verified || !options.onAccepted || socket.destroyed) return refuse(socket, 401, 'Unauthorized');
  options.onAccepted(request, socket, head, { ...verified, documentId });
}

async function withTimeout<T>(work: Promise<T>, milliseconds: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), milliseconds);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function isAllowedOrigin(origin: string, host: string | undefined, allowed: readonly string[]): boolean {
  try {
    return new URL(origin).host === host || allowed.includes(origin);
  } catch {
    return false;
  }
}

export function refuse(socket: Duplex, status: number, reason: string) {
  if (socket.destroyed) return;
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
