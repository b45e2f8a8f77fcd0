import type * as Y from 'yjs';

/**
 * What a project shows about its sync: `synced`, `syncing`, or `offline` with the number of local
 * changes the server has not seen yet. Pure bookkeeping over events, so it is tested without sockets.
 *
 * A local change counts as pending from the moment it is made until a sync completes after it: our
 * server handles each socket's messages in order and stores an update before answering the next sync
 * request, so a completed sync that started after a change proves the change was stored.
 */
export type SyncState = { kind: 'synced' } | { kind: 'syncing'; pending: number } | { kind: 'offline'; pending: number };

export interface SyncSignals {
  /** The socket is open and the initial exchange finished. */
  synced: boolean;
  connected: boolean;
}

export class SyncStatus extends EventTarget {
  private pending = 0;
  private signals: SyncSignals = { synced: false, connected: false };

  get state(): SyncState {
    if (!this.signals.connected) return { kind: 'offline', pending: this.pending };
    if (!this.signals.synced || this.pending > 0) return { kind: 'syncing', pending: this.pending };
    return { kind: 'synced' };
  }

  /** A change made on this device (not one received from the server). */
  localChange(): void {
    this.pending++;
    this.emit();
  }

  /** How many local changes are waiting for the server, for `confirmed(count)` after a round trip. */
  get pendingCount(): number {
    return this.pending;
  }

  /** The server confirmed the first `count` pending changes (a sync round trip started after them completed). */
  confirmed(count = this.pending): void {
    this.pending = Math.max(0, this.pending - count);
    this.emit();
  }

  update(signals: Partial<SyncSignals>): void {
    this.signals = { ...this.signals, ...signals };
    if (this.signals.connected && this.signals.synced && signals.synced) this.pending = 0;
    this.emit();
  }

  /** Restores a pending count persisted across reloads (changes made offline before the app closed). */
  restorePending(count: number): void {
    this.pending = Math.max(this.pending, count);
    this.emit();
  }

  private emit() {
    this.dispatchEvent(new Event('change'));
  }
}

/**
 * Wires a SyncStatus to a document and a y-websocket provider: local-origin updates count as pending;
 * the provider's `status` and `sync` events move the state. `remoteOrigins` are the origins of
 * changes that came from elsewhere (the provider itself, IndexedDB loading) and do not count.
 */
export function trackSync(
  status: SyncStatus,
  doc: Y.Doc,
  provider: { on(event: 'status' | 'sync', handler: (value: never) => void): void; off(event: 'status' | 'sync', handler: (value: never) => void): void },
  remoteOrigins: readonly unknown[],
): () => void {
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (!remoteOrigins.includes(origin)) status.localChange();
  };
  const onStatus = (event: { status: string }) => status.update({ connected: event.status === 'connected', ...(event.status !== 'connected' && { synced: false }) });
  const onSync = (synced: boolean) => status.update({ synced });
  doc.on('update', onUpdate);
  provider.on('status', onStatus as (value: never) => void);
  provider.on('sync', onSync as (value: never) => void);
  return () => {
    doc.off('update', onUpdate);
    provider.off('status', onStatus as (value: never) => void);
    provider.off('sync', onSync as (value: never) => void);
  };
}

/** The parts of y-websocket's WebsocketProvider that confirmation needs. */
export interface ConfirmableProvider {
  ws: { send(data: Uint8Array): void; readyState: number } | null;
  wsconnected: boolean;
  synced: boolean;
  messageHandlers: Array<(encoder: unknown, decoder: { arr: Uint8Array; pos: number }, provider: unknown, emitSynced: boolean, messageType: number) => void>;
}

/**
 * Asks the server to confirm local changes: shortly after changes stop, send a sync step 1; the
 * server answers with step 2 only after storing every update this socket sent before it, so that
 * answer confirms the changes counted when the request went out.
 */
export function confirmLocalChanges(
  status: SyncStatus,
  doc: Y.Doc,
  provider: ConfirmableProvider,
  encodeStep1: (stateVector: Uint8Array) => Uint8Array,
  encodeStateVector: (doc: Y.Doc) => Uint8Array,
  delayMs = 400,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const awaiting: number[] = [];
  const original = provider.messageHandlers[0]!;
  provider.messageHandlers[0] = (encoder, decoder, p, emitSynced, messageType) => {
    // Peek at the sync message type (the byte after the outer type) without consuming it.
    const syncType = decoder.arr[decoder.pos];
    original(encoder, decoder, p, emitSynced, messageType);
    if (syncType === 1 && awaiting.length > 0) status.confirmed(awaiting.shift());
  };
  const request = () => {
    if (!provider.wsconnected || !provider.synced || !provider.ws || status.pendingCount === 0) return;
    awaiting.push(status.pendingCount - awaiting.reduce((sum, n) => sum + n, 0));
    provider.ws.send(encodeStep1(encodeStateVector(doc)));
  };
  const onChange = () => {
    clearTimeout(timer);
    if (status.pendingCount > 0) timer = setTimeout(request, delayMs);
  };
  status.addEventListener('change', onChange);
  return () => {
    clearTimeout(timer);
    status.removeEventListener('change', onChange);
    provider.messageHandlers[0] = original;
  };
}
