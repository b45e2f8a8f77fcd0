import * as encoding from 'lib0/encoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { migrateProjectDocument, MIX_COLLECTIONS, projectParts } from '../../../shared/project/project-document.ts';
import { canWrite, documentName, type ProjectRole } from '../../../shared/schemas/projects.ts';
import { confirmLocalChanges, SyncStatus, trackSync, type ConfirmableProvider } from '../../sync/sync-status.ts';
import { createTicketedProvider, type TicketedProvider } from '../../sync/ticketed-provider.ts';
import { isPermanentTicketFailure, type ProjectsApi } from './projects-api.ts';

/** The transaction origin of this person's own mix edits: the undo manager tracks it (and CodeMirror's). */
export const MIX_EDIT_ORIGIN = Symbol('cs-mix-edit');

/** What the session needs from `window`: online/offline and unhandled rejections (where IndexedDB write failures land). */
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

/**
 * One open project on this device: the song's Y.Doc, kept in IndexedDB (y-indexeddb, one database
 * per document) so it opens instantly and offline, synced through a ticketed y-websocket provider,
 * with its sync status and this person's undo history. Fires `change` when anything shown changes.
 */
export class ProjectSession extends EventTarget {
  readonly projectId: string;
  readonly doc = new Y.Doc();
  readonly status = new SyncStatus();
  readonly undoManager: Y.UndoManager;
  /** The caller's role: from the last ticket, or the cached project list until one arrives. */
  role: ProjectRole | null;
  /** The local copy has been read from IndexedDB (the page can show content). */
  loaded = false;
  /** IndexedDB refused a write: edits are kept in memory and still sync, but not on the device. */
  storageFull = false;
  /** The server said this person may no longer open the project. */
  accessLost = false;

  readonly #persistence: IndexeddbPersistence;
  readonly #provider: TicketedProvider;
  readonly #environment: SessionEnvironment;
  readonly #cleanups: Array<() => void> = [];

  constructor(options: { projectId: string; api: ProjectsApi; initialRole: ProjectRole | null; environment: SessionEnvironment }) {
    super();
    this.projectId = options.projectId;
    this.role = options.initialRole;
    this.#environment = options.environment;
    const scope = [
      projectParts.lyrics(this.doc),
      projectParts.mixMaster(this.doc),
      projectParts.mixSettings(this.doc),
      ...MIX_COLLECTIONS.map((collection) => projectParts.mixCollection(this.doc, collection)),
    ];
    // Only this person's edits are undoable; the editor adds its own origin (see cs-lyrics-editor).
    this.undoManager = new Y.UndoManager(scope, { trackedOrigins: new Set([MIX_EDIT_ORIGIN]) });
    // Typing and mixing are separate undo steps even when they happen within the capture window.
    let lastOrigin: unknown;
    const onBeforeTransaction = (transaction: Y.Transaction) => {
      const origin = transaction.origin;
      if (!this.undoManager.trackedOrigins.has(origin) || origin === this.undoManager) return;
      if (origin !== lastOrigin) this.undoManager.stopCapturing();
      lastOrigin = origin;
    };
    this.doc.on('beforeTransaction', onBeforeTransaction);
    this.#cleanups.push(() => this.doc.off('beforeTransaction', onBeforeTransaction));
    const onStack = () => this.#emit();
    this.undoManager.on('stack-item-added', onStack);
    this.undoManager.on('stack-item-popped', onStack);
    this.undoManager.on('stack-cleared', onStack);

    this.#persistence = new IndexeddbPersistence(`creatorsync-song-${this.projectId}`, this.doc);
    this.#persistence.whenSynced.then(
      () => {
        this.loaded = true;
        this.#emit();
      },
      (error: unknown) => this.#storageFailed(error),
    );

    this.#provider = createTicketedProvider({
      serverUrl: this.#environment.collabUrl,
      documentName: documentName(this.projectId, 'song'),
      doc: this.doc,
      broadcastChannel: true,
      getTicket: async () => {
        try {
          const ticket = await options.api.ticket(this.projectId, 'song');
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
      if (synced && this.role && canWrite(this.role, 'song')) migrateProjectDocument(this.doc);
    };
    this.#provider.provider.on('sync', onSynced);
    this.#cleanups.push(() => this.#provider.provider.off('sync', onSynced));

    const onOnline = () => this.#provider.reconnect();
    // A socket can outlive the network for a long time before it times out; the browser's word is
    // quicker, so close it (the provider retries with backoff, and \`online\` reconnects at once).
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

  get canEditSong(): boolean {
    return this.role !== null && canWrite(this.role, 'song');
  }

  /** Reconnect now instead of waiting for the backoff (the browser said it is back online). */
  reconnect(): void {
    this.#provider.reconnect();
  }

  /** Runs `edit` as one undoable step of this person's mix edits. */
  editMix(edit: () => void): void {
    this.doc.transact(edit, MIX_EDIT_ORIGIN);
  }

  undo(): void {
    this.undoManager.undo();
  }

  redo(): void {
    this.undoManager.redo();
  }

  destroy(): void {
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    this.#provider.destroy();
    this.undoManager.destroy();
    void this.#persistence.destroy();
    this.doc.destroy();
  }

  #storageFailed(error: unknown): void {
    if (isQuotaError(error)) {
      this.storageFull = true;
      this.#emit();
      return;
    }
    this.#environment.reportError(new Error(`Could not keep project ${this.projectId} on this device`, { cause: error }));
  }

  #pendingKey(): string {
    return `cs-pending-changes:${this.projectId}`;
  }

  #restorePending(): void {
    const stored = Number(this.#environment.storage?.getItem(this.#pendingKey()) ?? 0);
    if (Number.isFinite(stored) && stored > 0) this.status.restorePending(stored);
  }

  #savePending(): void {
    const storage = this.#environment.storage;
    if (!storage) return;
    const pending = this.status.pendingCount;
    try {
      if (pending > 0) storage.setItem(this.#pendingKey(), String(pending));
      else storage.removeItem(this.#pendingKey());
    } catch (error) {
      // A full localStorage must not break editing; the count is only a hint for after a reload.
      this.#environment.reportError(error);
    }
  }

  #emit(): void {
    this.dispatchEvent(new Event('change'));
  }
}
