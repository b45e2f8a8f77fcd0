import * as encoding from 'lib0/encoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { canWrite, documentName, type ProjectDocumentKind, type ProjectRole } from '../../../shared/schemas/projects.ts';
import { confirmLocalChanges, SyncStatus, trackSync, type ConfirmableProvider } from '../../sync/sync-status.ts';
import { createTicketedProvider, type TicketedProvider } from '../../sync/ticketed-provider.ts';
import { isPermanentTicketFailure, type ProjectsApi } from './projects-api.ts';

/** What a replica needs from `window`: online/offline and unhandled rejections (where IndexedDB write failures land). */
export interface SessionEnvironment {
  addEventListener(type: 'online' | 'offline' | 'unhandledrejection', listener: (event: Event) => void): void;
  removeEventListener(type: 'online' | 'offline' | 'unhandledrejection', listener: (event: Event) => void): void;
  /** ws(s)://host/api/collab */
  collabUrl: string;
  /** Asks the browser not to evict this origin's storage (the documents are the user's work). */
  requestPersistentStorage: () => Promise<boolean>;
  /** Where the count of unsent changes survives a reload; null when storage is blocked. */
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  /** Where failures that the UI cannot show go (the console in the app). */
  reportError: (error: unknown) => void;
}

/** y-websocket's sync step 1 frame: [messageSync, syncStep1, state vector]. */
function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/** IndexedDB refuses writes when the disk or the origin's quota is full. */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, inner } = error as { name?: unknown; inner?: unknown };
  return name === 'QuotaExceededError' || (inner !== undefined && isQuotaError(inner));
}

/** The IndexedDB database that holds one document of a project on this device. */
export function replicaDatabaseName(projectId: string, kind: ProjectDocumentKind): string {
  return `creatorsync-${kind}-${projectId}`;
}

/** The localStorage key of a document's unsent-change count (the song's predates the comments document). */
export function pendingChangesKey(projectId: string, kind: ProjectDocumentKind): string {
  return `cs-pending-changes:${documentName(projectId, kind)}`;
}

export interface ProjectDocumentReplicaOptions {
  projectId: string;
  kind: ProjectDocumentKind;
  api: ProjectsApi;
  initialRole: ProjectRole | null;
  environment: SessionEnvironment;
  /** Called each time a sync with the server completes (the song migrates its schema here). */
  onSynced?: () => void;
}

/**
 * One document of a project on this device: a Y.Doc kept in IndexedDB (y-indexeddb, one database
 * per document) so it opens instantly and offline, synced through a ticketed y-websocket provider
 * (a ticket for this document kind), with its sync status. `online` reconnects, `offline` closes
 * the socket, a full disk sets `storageFull`. Fires `change` when anything shown changes.
 * The song (`ProjectSession`) and the comments (`CommentsSession`) each own one.
 */
export class ProjectDocumentReplica extends EventTarget {
  readonly projectId: string;
  readonly kind: ProjectDocumentKind;
  readonly doc = new Y.Doc();
  readonly status = new SyncStatus();
  /** The caller's role: from the last ticket, or the cached project list until one arrives. */
  role: ProjectRole | null;
  /** The local copy has been read from IndexedDB (the page can show content). */
  loaded = false;
  /** IndexedDB refused a write: edits are kept in memory and still sync, but not on the device. */
  storageFull = false;
  /** The server said this person may no longer open the project. */
  accessLost = false;
  /** A sync with the server has completed since this replica opened. */
  syncedOnce = false;

  readonly #persistence: IndexeddbPersistence;
  readonly #provider: TicketedProvider;
  readonly #environment: SessionEnvironment;
  readonly #cleanups: Array<() => void> = [];

  constructor(options: ProjectDocumentReplicaOptions) {
    super();
    this.projectId = options.projectId;
    this.kind = options.kind;
    this.role = options.initialRole;
    this.#environment = options.environment;

    this.#persistence = new IndexeddbPersistence(replicaDatabaseName(this.projectId, this.kind), this.doc);
    this.#persistence.whenSynced.then(
      () => {
        this.loaded = true;
        this.#emit();
      },
      (error: unknown) => this.#storageFailed(error),
    );

    this.#provider = createTicketedProvider({
      serverUrl: this.#environment.collabUrl,
      documentName: documentName(this.projectId, this.kind),
      doc: this.doc,
      broadcastChannel: true,
      getTicket: async () => {
        try {
          const ticket = await options.api.ticket(this.projectId, this.kind);
          if (ticket.role !== this.role) {
            this.role = ticket.role;
            this.#emit();
          }
          return ticket.ticket;
        } catch (error) {
          if (isPermanentTicketFailure(error)) throw Object.assign(new Error('no access to this project', { cause: error }), { permanent: true });
          throw error;
        }
      },
      onPermanentFailure: () => {
        this.accessLost = true;
        this.#emit();
      },
    });

    this.#restorePending();
    this.#cleanups.push(trackSync(this.status, this.doc, this.#provider.provider, [this.#provider.provider, this.#persistence]));
    this.#cleanups.push(
      confirmLocalChanges(this.status, this.doc, this.#provider.provider as unknown as ConfirmableProvider, encodeSyncStep1, Y.encodeStateVector),
    );
    const onStatus = () => {
      this.#savePending();
      this.#emit();
    };
    this.status.addEventListener('change', onStatus);
    this.#cleanups.push(() => this.status.removeEventListener('change', onStatus));

    const onSynced = (synced: boolean) => {
      if (!synced) return;
      this.syncedOnce = true;
      options.onSynced?.();
    };
    this.#provider.provider.on('sync', onSynced);
    this.#cleanups.push(() => this.#provider.provider.off('sync', onSynced));

    const onOnline = () => this.#provider.reconnect();
    // A socket can outlive the network for a long time before it times out; the browser's word is
    // quicker, so close it (the provider retries with backoff, and `online` reconnects at once).
    const onOffline = () => this.#provider.provider.disconnect();
    const onRejection = (event: Event) => {
      const reason = (event as PromiseRejectionEvent).reason;
      if (!isQuotaError(reason)) return;
      event.preventDefault();
      this.#storageFailed(reason);
    };
    this.#environment.addEventListener('online', onOnline);
    this.#environment.addEventListener('offline', onOffline);
    this.#environment.addEventListener('unhandledrejection', onRejection);
    this.#cleanups.push(() => {
      this.#environment.removeEventListener('online', onOnline);
      this.#environment.removeEventListener('offline', onOffline);
      this.#environment.removeEventListener('unhandledrejection', onRejection);
    });

    this.#environment.requestPersistentStorage().catch((error: unknown) => this.#environment.reportError(error));
  }

  get awareness() {
    return this.#provider.awareness;
  }

  /** Whether the caller may change this document (per the role of the last ticket). */
  get canWrite(): boolean {
    return this.role !== null && canWrite(this.role, this.kind);
  }

  /** Whether a transaction came from the server or another tab (not this person, not IndexedDB). */
  isNetworkOrigin(origin: unknown): boolean {
    return origin === this.#provider.provider;
  }

  /** Reconnect now instead of waiting for the backoff (the browser said it is back online). */
  reconnect(): void {
    this.#provider.reconnect();
  }

  destroy(): void {
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    this.#provider.destroy();
    void this.#persistence.destroy();
    this.doc.destroy();
  }

  #storageFailed(error: unknown): void {
    if (isQuotaError(error)) {
      this.storageFull = true;
      this.#emit();
      return;
    }
    this.#environment.reportError(new Error(`Could not keep project ${this.projectId} (${this.kind}) on this device`, { cause: error }));
  }

  #restorePending(): void {
    const stored = Number(this.#environment.storage?.getItem(pendingChangesKey(this.projectId, this.kind)) ?? 0);
    if (Number.isFinite(stored) && stored > 0) this.status.restorePending(stored);
  }

  #savePending(): void {
    const storage = this.#environment.storage;
    if (!storage) return;
    const pending = this.status.pendingCount;
    const key = pendingChangesKey(this.projectId, this.kind);
    try {
      if (pending > 0) storage.setItem(key, String(pending));
      else storage.removeItem(key);
    } catch (error) {
      // A full localStorage must not break editing; the count is only a hint for after a reload.
      this.#environment.reportError(error);
    }
  }

  #emit(): void {
    this.dispatchEvent(new Event('change'));
  }
}
