import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { TopicFanout } from '../../collab/fanout.ts';
import { claimUpgradePath, isAllowedOrigin, refuse } from '../../collab/upgrade-gate.ts';
import { LIVE_PROTOCOL_VERSION, type LiveEvent } from '../../../shared/schemas/messages.ts';
import type { Logger } from '../../platform/logger.ts';
import { bearerToken } from '../auth/require-auth.ts';

/** The live messaging socket's path; its ticket is issued for this document name. */
export const LIVE_PATH = '/api/messages/live';
export const LIVE_TICKET_DOCUMENT = '@messages';
const LIVE_PATH_PATTERN = /^\/api\/messages\/live$/;
const HEARTBEAT_MS = 30_000;

export interface MessagesLiveOptions {
  fanout: TopicFanout;
  logger: Logger;
  allowedOrigins: readonly string[];
  /** Redeems a single-use ticket (`?ticket=`) issued for LIVE_TICKET_DOCUMENT. */
  redeemTicket: (ticket: string) => Promise<string | undefined>;
  /** Checks an access token sent as `Authorization: Bearer` on the upgrade (clients that can set headers). */
  authenticate: (token: string) => Promise<string | undefined>;
}

/**
 * Pushes new messages and read receipts to the people concerned while they are online. Clients only
 * listen (everything they do goes through the REST routes, which stay the source of truth); a
 * socket is one user's, admitted on the HTTP upgrade after Origin and ticket checks. Every event is
 * published on the user's topic, and each instance delivers it to its own sockets for that user, so
 * with Redis it reaches them whichever instance they are connected to.
 */
export function createMessagesLive(options: MessagesLiveOptions) {
  const { fanout, logger } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096, perMessageDeflate: false });
  const socketsByUser = new Map<string, Set<WebSocket>>();
  const alive = new WeakSet<WebSocket>();
  let closing = false;

  const topicOf = (userId: string) => `user:${userId}`;

  const SIGNED_OUT = JSON.stringify({ type: 'signed-out' } satisfies LiveEvent);

  function deliver(userId: string, payload: string) {
    for (const socket of socketsByUser.get(userId) ?? []) {
      if (socket.readyState !== socket.OPEN) continue;
      socket.send(payload);
      if (payload === SIGNED_OUT) socket.close(4401, 'signed out');
    }
  }

  async function join(userId: string, socket: WebSocket) {
    let sockets = socketsByUser.get(userId);
    if (!sockets) {
      sockets = new Set();
      socketsByUser.set(userId, sockets);
      await fanout.subscribe(topicOf(userId), (payload) => deliver(userId, payload));
    }
    sockets.add(socket);
  }

  async function leave(userId: string, socket: WebSocket) {
    const sockets = socketsByUser.get(userId);
    if (!sockets) return;
    sockets.delete(socket);
    if (sockets.size === 0) {
      socketsByUser.delete(userId);
      await fanout.unsubscribe(topicOf(userId));
    }
  }

  async function authorise(request: IncomingMessage): Promise<string | undefined> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const ticket = url.searchParams.get('ticket');
    if (ticket) return options.redeemTicket(ticket);
    const token = bearerToken(request.headers.authorization);
    return token ? options.authenticate(token) : undefined;
  }

  async function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
    const origin = request.headers.origin;
    if (origin && !isAllowedOrigin(origin, request.headers.host, options.allowedOrigins)) return refuse(socket, 403, 'Forbidden');
    const userId = await authorise(request);
    if (!userId || socket.destroyed || closing) return refuse(socket, 401, 'Unauthorized');
    wss.handleUpgrade(request, socket, head, (ws) => void accept(ws, userId));
  }

  async function accept(ws: WebSocket, userId: string) {
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
    // Clients have nothing to say on this socket; anything they send is ignored.
    ws.on('message', () => {});
    ws.on('error', (error) => logger.warn('live messages socket error', { error: String(error) }));
    ws.on('close', () => void leave(userId, ws).catch((error: unknown) => logger.warn('could not leave live topic', { error })));
    try {
      await join(userId, ws);
    } catch (error) {
      logger.error('could not subscribe a live messages socket', { error });
      ws.close(1011, 'unavailable');
      return;
    }
    const ready: LiveEvent = { type: 'ready', version: LIVE_PROTOCOL_VERSION, userId };
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(ready));
  }

  // Sockets whose peer vanished without a close frame are found by missing pongs and dropped.
  const heartbeat = setInterval(() => {
    for (const sockets of socketsByUser.values()) {
      for (const ws of sockets) {
        if (!alive.has(ws)) {
          ws.terminate();
          continue;
        }
        alive.delete(ws);
        ws.ping();
      }
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    attach(server: Server) {
      claimUpgradePath(server, LIVE_PATH_PATTERN);
      server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
        const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
        if (!LIVE_PATH_PATTERN.test(pathname)) return;
        void handleUpgrade(request, socket, head).catch((error: unknown) => {
          logger.error('live messages upgrade failed', { error });
          refuse(socket, 500, 'Internal Server Error');
        });
      });
    },

    /** Sends an event to every open socket of these users, on every instance. */
    async publish(userIds: string[], event: LiveEvent) {
      const payload = JSON.stringify(event);
      await Promise.all([...new Set(userIds)].map((userId) => fanout.publish(topicOf(userId), payload)));
    },

    /** Closes every live socket of this account, on every instance (it was suspended). */
    async signOut(userId: string) {
      await fanout.publish(topicOf(userId), SIGNED_OUT);
    },

    stats() {
      let connections = 0;
      for (const sockets of socketsByUser.values()) connections += sockets.size;
      return { users: socketsByUser.size, connections };
    },

    async close() {
      closing = true;
      clearInterval(heartbeat);
      for (const sockets of socketsByUser.values()) for (const ws of sockets) ws.close(1001, 'server shutting down');
      wss.close();
      await fanout.close();
    },
  };
}

export type MessagesLive = ReturnType<typeof createMessagesLive>;
