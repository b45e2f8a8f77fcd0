import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { canWrite, parseDocumentName, type ProjectRole } from '../../shared/schemas/projects.ts';
import type { Logger } from '../platform/logger.ts';
import { colorForUser, type VerifiedIdentity } from './awareness-identity.ts';
import { CLOSE_CODES, type CloseCode } from './close-codes.ts';
import type { DocumentStore } from './document-store.ts';
import type { Fanout } from './fanout.ts';
import { BadMessageError, decodeClientMessage, type ClientMessage } from './protocol.ts';
import { commentsWriteRefusal } from './comments-write-rules.ts';
import { Room, captureUpdate, type Peer } from './room.ts';
import type * as Y from 'yjs';
import type { TicketIssuer } from './tickets.ts';
import { attachUpgradeGate } from './upgrade-gate.ts';

export interface SyncServerOptions {
  store: DocumentStore;
  fanout: Fanout;
  tickets: TicketIssuer;
  logger: Logger;
  /** The caller's live role in a project, or undefined when not a member (or the project is deleted). */
  roleOf: (projectId: string, userId: string) => Promise<ProjectRole | undefined>;
  displayNameOf: (userId: string) => Promise<string>;
  allowedOrigins: readonly string[];
  maxFrameBytes: number;
  /** Sustained messages per second per socket, with a burst of three times that. */
  messagesPerSecond: number;
  /** Fold a document's update log into its snapshot once this many updates are appended. */
  compactAfterUpdates: number;
  keepAliveMs?: number;
}

interface AcceptedContext {
  userId: string;
  role: ProjectRole;
  identity: VerifiedIdentity;
  documentId: string;
}

/**
 * The y-websocket protocol server. Sockets are admitted by the upgrade gate (ticket + membership
 * checked before the websocket exists); each document is a Room loaded on first join and unloaded
 * when its last socket leaves. Removing a member closes their sockets on every instance.
 */
export function createSyncServer(options: SyncServerOptions) {
  const { store, fanout, logger } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes, perMessageDeflate: false });
  const rooms = new Map<string, Promise<Room>>();
  const sockets = new Map<WebSocket, { peer: Peer; projectId: string; documentId: string }>();
  let closing = false;

  fanout.onControl((message) => {
    if (message.type === 'membership-changed') disconnectLocal(message.projectId, message.userId);
    else if (message.type === 'signed-out') signOutLocal(message.userId);
  });

  async function openRoom(documentId: string): Promise<Room> {
    const buffered: Array<Parameters<Room['receiveRemote']>> = [];
    let room: Room | undefined;
    // Subscribe before loading, so nothing published between the load and the subscription is missed.
    await fanout.subscribe(documentId, (kind, payload) => {
      if (room) void room.receiveRemote(kind, payload);
      else buffered.push([kind, payload]);
    });
    const { doc, tailLength } = await store.load(documentId);
    room = new Room(documentId, doc, tailLength, { store, fanout, logger });
    for (const [kind, payload] of buffered) void room.receiveRemote(kind, payload);
    return room;
  }

  function roomFor(documentId: string): Promise<Room> {
    let room = rooms.get(documentId);
    if (!room) {
      room = openRoom(documentId);
      rooms.set(documentId, room);
      room.catch(() => rooms.delete(documentId));
    }
    return room;
  }

  /** Unloads a room once its queue is drained and nobody rejoined meanwhile; compacts a long log first. */
  async function maybeUnload(documentId: string) {
    const pending = rooms.get(documentId);
    if (!pending) return;
    const room = await pending;
    await room.drained();
    if (room.peers.size > 0 || rooms.get(documentId) !== pending) return;
    rooms.delete(documentId);
    room.destroy();
    await fanout.unsubscribe(documentId).catch((error: unknown) => logger.warn('unsubscribe failed', { documentId, error }));
    if (room.appendedSinceLoad > 0) void compact(documentId);
  }

  async function compact(documentId: string) {
    try {
      const folded = await store.compact(documentId);
      if (folded > 0) logger.debug('compacted document', { documentId, folded });
    } catch (error) {
      logger.warn('compaction failed', { documentId, error });
    }
  }

  function disconnectLocal(projectId: string, userId: string) {
    for (const [socket, entry] of sockets) {
      if (entry.projectId === projectId && entry.peer.userId === userId) socket.close(CLOSE_CODES.membershipChanged, 'membership changed');
    }
  }

  function signOutLocal(userId: string) {
    for (const [socket, entry] of sockets) if (entry.peer.userId === userId) socket.close(CLOSE_CODES.signedOut, 'signed out');
  }

  async function accept(request: IncomingMessage, socket: Duplex, head: Buffer, context: AcceptedContext) {
    if (closing) return socket.destroy();
    const parsed = parseDocumentName(context.documentId)!;
    wss.handleUpgrade(request, socket, head, (ws) => {
      void admit(ws, context, parsed.projectId);
    });
  }

  async function admit(ws: WebSocket, context: AcceptedContext, projectId: string) {
    const kind = parseDocumentName(context.documentId)!.kind;
    const peer: Peer = {
      userId: context.userId,
      identity: context.identity,
      canWrite: canWrite(context.role, kind),
      // Everyone who may comment shares the comments document; its rules keep each entry its author's.
      writeRefusal:
        kind === 'comments' ? (doc, update) => commentsWriteRefusal(doc, update, { userId: context.userId, owner: context.role === 'owner' }) : undefined,
      awarenessClientIds: new Set(),
      send: (frame) => {
        if (ws.readyState === ws.OPEN) ws.send(frame);
      },
      close: (code: CloseCode, reason: string) => ws.close(code, reason),
    };
    sockets.set(ws, { peer, projectId, documentId: context.documentId });
    // Listen at once: the client sends its sync step 1 as soon as the socket opens, possibly before
    // the document has loaded. Messages wait in `early` until the room exists, then go in order.
    let room: Room | undefined;
    const early: ClientMessage[] = [];
    // Token bucket: a burst for the initial sync, then a sustained rate.
    const capacity = options.messagesPerSecond * 3;
    let tokens = capacity;
    let refilledAt = performance.now();
    let alive = true;

    ws.on('message', (data, isBinary) => {
      const now = performance.now();
      tokens = Math.min(capacity, tokens + ((now - refilledAt) / 1000) * options.messagesPerSecond);
      refilledAt = now;
      if (--tokens < 0) return ws.close(CLOSE_CODES.rateLimited, 'too many messages');
      if (!isBinary) return ws.close(CLOSE_CODES.badMessage, 'binary frames only');
      const frame = data instanceof Buffer ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data as ArrayBuffer);
      let message: ClientMessage;
      try {
        message = decodeClientMessage(frame);
      } catch (error) {
        if (!(error instanceof BadMessageError)) throw error;
        return ws.close(CLOSE_CODES.badMessage, 'malformed message');
      }
      if (room) void room.receive(peer, message);
      else if (early.length < 100) early.push(message);
      else ws.close(CLOSE_CODES.rateLimited, 'too many messages before the document loaded');
    });
    ws.on('pong', () => {
      alive = true;
    });
    const keepAlive = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, options.keepAliveMs ?? 30_000);
    keepAlive.unref();
    ws.on('error', (error) => logger.warn('socket error', { documentId: context.documentId, error: String(error) }));

    let loaded: Room;
    try {
      // A room may be unloaded between the lookup and this continuation; then load it again.
      do loaded = await roomFor(context.documentId);
      while (loaded.closed);
    } catch (error) {
      logger.error('could not load document', { documentId: context.documentId, error });
      clearInterval(keepAlive);
      sockets.delete(ws);
      ws.close(CLOSE_CODES.storageFailed, 'could not load the document');
      return;
    }
    if (ws.readyState !== ws.OPEN) {
      clearInterval(keepAlive);
      sockets.delete(ws);
      if (loaded.peers.size === 0) void maybeUnload(context.documentId);
      return;
    }
    ws.on('close', () => {
      clearInterval(keepAlive);
      sockets.delete(ws);
      void loaded.leave(peer).then(() => (loaded.peers.size === 0 ? maybeUnload(context.documentId) : undefined));
    });
    void loaded.join(peer);
    room = loaded;
    for (const message of early.splice(0)) void loaded.receive(peer, message);
    if (loaded.appendedSinceLoad >= options.compactAfterUpdates) {
      loaded.appendedSinceLoad = 0;
      void compact(context.documentId);
    }
  }

  return {
    /** Hooks the gate and the protocol into an HTTP server listening on the API's port. */
    attach(server: Server) {
      attachUpgradeGate<Omit<AcceptedContext, 'documentId'>>(server, {
        allowedOrigins: options.allowedOrigins,
        logger,
        verifyTicket: async (ticket, documentId) => {
          const parsed = parseDocumentName(documentId);
          if (!parsed) return undefined;
          const redeemed = await options.tickets.redeem(ticket, documentId);
          if ('refused' in redeemed) {
            logger.info('sync ticket refused', { documentId, reason: redeemed.refused });
            return undefined;
          }
          const role = await options.roleOf(parsed.projectId, redeemed.userId);
          if (!role) return undefined;
          const name = await options.displayNameOf(redeemed.userId);
          return { userId: redeemed.userId, role, identity: { id: redeemed.userId, name, color: colorForUser(redeemed.userId) } };
        },
        onAccepted: (request, socket, head, context) => void accept(request, socket, head, context),
      });
    },

    /** Closes a member's sockets for a project on every instance (after removal or a role change). */
    async membershipChanged(projectId: string, userId: string) {
      await fanout.publishControl({ type: 'membership-changed', projectId, userId });
    },

    /** Closes every socket of this account on every instance (it was suspended). */
    async signedOut(userId: string) {
      await fanout.publishControl({ type: 'signed-out', userId });
    },

    /**
     * Applies a change made by the server (e.g. restoring a version) as a normal update: through the
     * loaded room when there is one here, otherwise straight to storage and to other instances.
     */
    async applyServerChange(documentId: string, change: (doc: Y.Doc) => void, userId: string): Promise<void> {
      const pending = rooms.get(documentId);
      if (pending) {
        const room = await pending;
        if (!room.closed) return room.applyServerChange(change, userId);
      }
      const { doc } = await store.load(documentId);
      try {
        const update = captureUpdate(doc, change);
        if (!update) return;
        await store.append(documentId, [{ update, userId }]);
        await fanout.publish(documentId, 'update', update);
      } finally {
        doc.destroy();
      }
    },

    /** The newest state of a document: the loaded room's, or the stored one. */
    async currentState(documentId: string): Promise<Uint8Array> {
      const pending = rooms.get(documentId);
      if (pending) {
        const room = await pending;
        if (!room.closed) return room.encodedState();
      }
      return store.encodedState(documentId);
    },

    stats() {
      return { openDocuments: rooms.size, connections: sockets.size };
    },

    /** The in-memory state of a loaded document (tests, diagnostics). */
    async loadedState(documentId: string): Promise<Uint8Array | undefined> {
      const room = rooms.get(documentId);
      return room ? (await room).encodedState() : undefined;
    },

    async close() {
      closing = true;
      for (const socket of sockets.keys()) socket.close(CLOSE_CODES.goingAway, 'server shutting down');
      const open = [...rooms.values()];
      await Promise.allSettled(open.map(async (pending) => (await pending).drained()));
      wss.close();
      await fanout.close();
    },
  };
}

export type SyncServer = ReturnType<typeof createSyncServer>;
