import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type { Logger } from '../platform/logger.ts';
import { stampIdentity, type VerifiedIdentity } from './awareness-identity.ts';
import { CLOSE_CODES, type CloseCode } from './close-codes.ts';
import type { DocumentStore } from './document-store.ts';
import type { Fanout, FanoutKind } from './fanout.ts';
import {
  decodeAwarenessUpdate,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type ClientMessage,
} from './protocol.ts';

/** One connected socket, as the room sees it. */
export interface Peer {
  readonly userId: string;
  readonly identity: VerifiedIdentity;
  readonly canWrite: boolean;
  /**
   * Rules of the document beyond read/write (who may change what inside it): why this update may
   * not be applied to the document as it is now, or null. Checked just before the update is applied.
   */
  readonly writeRefusal?: (doc: Y.Doc, update: Uint8Array) => string | null;
  readonly awarenessClientIds: Set<number>;
  send(frame: Uint8Array): void;
  close(code: CloseCode, reason: string): void;
}

/**
 * A document loaded in memory with the sockets editing it. Every message that reads or changes the
 * document goes through one queue, in arrival order, so an update is stored before anybody —
 * including a client that joins in the meantime — can see it.
 */
export class Room {
  readonly documentId: string;
  readonly peers = new Set<Peer>();
  readonly awareness: Awareness;
  /** Updates appended since the last compaction check; drives background compaction. */
  appendedSinceLoad: number;
  private doc: Y.Doc;
  private queue: Promise<void> = Promise.resolve();
  private readonly deps: { store: DocumentStore; fanout: Fanout; logger: Logger };

  constructor(documentId: string, doc: Y.Doc, storedTail: number, deps: { store: DocumentStore; fanout: Fanout; logger: Logger }) {
    this.documentId = documentId;
    this.doc = doc;
    this.appendedSinceLoad = storedTail;
    this.deps = deps;
    this.awareness = new Awareness(new Y.Doc());
    // The server has no cursor of its own.
    this.awareness.setLocalState(null);
  }

  /** Runs work after everything queued before it; a failure is logged and never blocks later work. */
  private enqueue(work: () => Promise<void> | void): Promise<void> {
    const next = this.queue.then(work).catch((error: unknown) => {
      this.deps.logger.error('room task failed', { documentId: this.documentId, error });
    });
    this.queue = next;
    return next;
  }

  /** Resolves when everything queued so far has been handled. */
  drained(): Promise<void> {
    return this.queue;
  }

  /** Set once the room is unloaded; a socket that finds its room closed loads a fresh one. */
  closed = false;

  /**
   * The peer counts as present at once (so the room is not unloaded under a join still in the
   * queue); its first sync messages go out in queue order.
   */
  join(peer: Peer): Promise<void> {
    this.peers.add(peer);
    return this.enqueue(() => {
      peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
      const states = [...this.awareness.getStates().keys()];
      if (states.length > 0) peer.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, states)));
    });
  }

  leave(peer: Peer): Promise<void> {
    return this.enqueue(() => {
      this.peers.delete(peer);
      const gone = [...peer.awarenessClientIds].filter((id) => this.awareness.getStates().has(id));
      if (gone.length === 0) return;
      removeAwarenessStates(this.awareness, gone, 'leave');
      const frame = encodeAwarenessUpdate(this.awareness, gone);
      this.broadcast(encodeAwareness(frame), undefined);
      void this.deps.fanout.publish(this.documentId, 'awareness', frame).catch(this.logFanoutError);
    });
  }

  receive(peer: Peer, message: ClientMessage): Promise<void> {
    if (message.type === 'update') return this.acceptClientUpdate(peer, message.update);
    return this.enqueue(async () => {
      if (!this.peers.has(peer)) return;
      switch (message.type) {
        case 'sync-step1':
          peer.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, message.stateVector)));
          return;
        case 'awareness': {
          let stamped: Uint8Array | undefined;
          try {
            stamped = stampIdentity(message.update, peer.identity, peer.awarenessClientIds, (clientId) => this.isOwnedByOther(clientId, peer));
          } catch {
            peer.close(CLOSE_CODES.badMessage, 'malformed awareness update');
            return;
          }
          if (!stamped) return;
          applyAwarenessUpdate(this.awareness, stamped, peer);
          this.broadcast(encodeAwareness(stamped), peer);
          if (this.deps.fanout.shared) void this.deps.fanout.publish(this.documentId, 'awareness', stamped).catch(this.logFanoutError);
          return;
        }
        case 'query-awareness': {
          const states = [...this.awareness.getStates().keys()];
          peer.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, states)));
          return;
        }
      }
    });
  }

  /** Traffic another instance already stored and relayed to its own clients. */
  receiveRemote(kind: FanoutKind, payload: Uint8Array): Promise<void> {
    return this.enqueue(() => {
      if (kind === 'update') {
        Y.applyUpdate(this.doc, payload, 'remote');
        this.broadcast(encodeUpdate(payload), undefined);
      } else {
        for (const entry of decodeAwarenessUpdate(payload)) this.remoteClientIds.add(entry.clientId);
        applyAwarenessUpdate(this.awareness, payload, 'remote');
        this.broadcast(encodeAwareness(payload), undefined);
      }
    });
  }

  /** Client updates waiting for the next flush; consecutive ones are stored in one insert. */
  private batch: Array<{ peer: Peer; update: Uint8Array }> = [];
  private flushQueued: Promise<void> | undefined;

  /**
   * Validates a client's update and adds it to the batch; the batch is applied, stored and relayed
   * by one queued flush. Anything queued after this update (a sync request from the same socket, say)
   * runs after that flush, so nobody sees an update before it is stored. A viewer's (or commenter's)
   * write is dropped; a malformed one closes only the sender's socket.
   */
  private acceptClientUpdate(peer: Peer, update: Uint8Array): Promise<void> {
    if (!this.peers.has(peer) || !peer.canWrite) return Promise.resolve();
    try {
      Y.decodeUpdate(update);
    } catch (error) {
      peer.close(CLOSE_CODES.badMessage, 'malformed update');
      this.deps.logger.warn('malformed update refused', { documentId: this.documentId, userId: peer.userId, error: String(error) });
      return Promise.resolve();
    }
    this.batch.push({ peer, update });
    this.flushQueued ??= this.enqueue(() => this.flush());
    return this.flushQueued;
  }

  /**
   * Applies the batch to the document, stores it, then relays each update to everyone but its sender.
   * If an update fails to apply half-way, the document is reloaded from storage and the good updates
   * re-applied, so nobody ever sees the damage; if storing fails, nothing of the batch is relayed and
   * the senders (who keep their changes) are disconnected to send them again.
   */
  private async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    this.flushQueued = undefined;
    const applied: typeof batch = [];
    // A sender whose update was refused is closed; their later updates may build on it, so they go too.
    const refused = new Set<Peer>();
    for (const item of batch) {
      if (refused.has(item.peer)) continue;
      let refusal: string | null;
      try {
        refusal = item.peer.writeRefusal?.(this.doc, item.update) ?? null;
      } catch (error) {
        refusal = `could not be checked: ${String(error)}`;
      }
      if (refusal) {
        refused.add(item.peer);
        item.peer.close(CLOSE_CODES.badMessage, 'update not allowed');
        this.deps.logger.warn('update refused by the document rules', { documentId: this.documentId, userId: item.peer.userId, refusal });
        continue;
      }
      try {
        Y.applyUpdate(this.doc, item.update, item.peer);
        applied.push(item);
      } catch (error) {
        refused.add(item.peer);
        item.peer.close(CLOSE_CODES.badMessage, 'update could not be applied');
        this.deps.logger.warn('update failed to apply; reloading document', { documentId: this.documentId, error: String(error) });
        await this.reload();
        for (const good of applied) Y.applyUpdate(this.doc, good.update, good.peer);
      }
    }
    if (applied.length === 0) return;
    try {
      await this.deps.store.append(
        this.documentId,
        applied.map(({ peer, update }) => ({ update, userId: peer.userId })),
      );
    } catch (error) {
      // Not durable, so not relayed: take it back out of memory; the clients resend on reconnect.
      this.deps.logger.error('could not store updates', { documentId: this.documentId, count: applied.length, error });
      for (const { peer } of applied) peer.close(CLOSE_CODES.storageFailed, 'could not store the change');
      await this.reload();
      return;
    }
    this.appendedSinceLoad += applied.length;
    this.relay(applied);
  }

  /**
   * Relays a stored batch with one frame per socket: everyone who sent nothing in it gets the whole
   * batch as one merged update (encoded once, the same bytes for every socket), each sender gets
   * the others' updates merged. When a busy document's updates arrive together, every socket then
   * costs one write per batch instead of one per update.
   */
  private relay(applied: ReadonlyArray<{ peer: Peer; update: Uint8Array }>): void {
    if (applied.length === 1) {
      const { peer, update } = applied[0]!;
      this.broadcast(encodeUpdate(update), peer);
      if (this.deps.fanout.shared) void this.deps.fanout.publish(this.documentId, 'update', update).catch(this.logFanoutError);
      return;
    }
    let merged: Uint8Array;
    try {
      merged = Y.mergeUpdates(applied.map((item) => item.update));
      const senders = new Set(applied.map((item) => item.peer));
      const everyone = encodeUpdate(merged);
      for (const peer of this.peers) {
        if (!senders.has(peer)) {
          peer.send(everyone);
          continue;
        }
        const others = applied.filter((item) => item.peer !== peer);
        if (others.length > 0) peer.send(encodeUpdate(others.length === 1 ? others[0]!.update : Y.mergeUpdates(others.map((item) => item.update))));
      }
    } catch (error) {
      // The updates are stored and applied; whatever made merging fail, nobody may miss them (a socket
      // that already got the merged frame gets them again, which Yjs ignores).
      this.deps.logger.warn('could not merge a batch; relaying its updates one by one', { documentId: this.documentId, error: String(error) });
      for (const { peer, update } of applied) this.broadcast(encodeUpdate(update), peer);
      for (const { update } of applied) if (this.deps.fanout.shared) void this.deps.fanout.publish(this.documentId, 'update', update).catch(this.logFanoutError);
      return;
    }
    if (this.deps.fanout.shared) void this.deps.fanout.publish(this.documentId, 'update', merged).catch(this.logFanoutError);
  }

  /** Awareness client ids seen from other instances: their owners are there, not here. */
  private readonly remoteClientIds = new Set<number>();

  private isOwnedByOther(clientId: number, asking: Peer): boolean {
    if (this.remoteClientIds.has(clientId)) return true;
    for (const peer of this.peers) if (peer !== asking && peer.awarenessClientIds.has(clientId)) return true;
    return false;
  }

  private async reload(): Promise<void> {
    const { doc, tailLength } = await this.deps.store.load(this.documentId);
    this.doc.destroy();
    this.doc = doc;
    this.appendedSinceLoad = tailLength;
  }

  private broadcast(frame: Uint8Array, except: Peer | undefined): void {
    for (const peer of this.peers) if (peer !== except) peer.send(frame);
  }

  private logFanoutError = (error: unknown) => {
    this.deps.logger.warn('fan-out publish failed', { documentId: this.documentId, error });
  };

  /**
   * A change made by the server itself (restoring a version): applied in queue order, stored, then
   * relayed like any client's update. Resolves once it is durable.
   */
  applyServerChange(change: (doc: Y.Doc) => void, userId: string): Promise<void> {
    let failure: unknown;
    return this.enqueue(async () => {
      const update = captureUpdate(this.doc, change);
      if (!update) return;
      try {
        await this.deps.store.append(this.documentId, [{ update, userId }]);
      } catch (error) {
        failure = error;
        await this.reload();
        return;
      }
      this.appendedSinceLoad++;
      this.broadcast(encodeUpdate(update), undefined);
      void this.deps.fanout.publish(this.documentId, 'update', update).catch(this.logFanoutError);
    }).then(() => {
      if (failure) throw failure;
    });
  }

  /** For tests and version history: the current state, read in queue order. */
  async encodedState(): Promise<Uint8Array> {
    let state: Uint8Array = new Uint8Array();
    await this.enqueue(() => {
      state = Y.encodeStateAsUpdate(this.doc);
    });
    return state;
  }

  destroy(): void {
    this.closed = true;
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/** Runs `change` on the document and returns the update it produced (undefined when nothing changed). */
export function captureUpdate(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array | undefined {
  const updates: Uint8Array[] = [];
  const listener = (update: Uint8Array) => updates.push(update);
  doc.on('update', listener);
  try {
    doc.transact(() => change(doc), 'server');
  } finally {
    doc.off('update', listener);
  }
  return updates.length === 0 ? undefined : Y.mergeUpdates(updates);
}
