import * as Y from 'yjs';
import { migrateProjectDocument, MIX_COLLECTIONS, projectParts } from '../../../shared/project/project-document.ts';
import type { ProjectRole } from '../../../shared/schemas/projects.ts';
import type { SyncStatus } from '../../sync/sync-status.ts';
import { ProjectDocumentReplica, type SessionEnvironment } from './project-document-replica.ts';
import type { ProjectsApi } from './projects-api.ts';

export { isQuotaError, type SessionEnvironment } from './project-document-replica.ts';

/** The transaction origin of this person's own mix edits: the undo manager tracks it (and CodeMirror's). */
export const MIX_EDIT_ORIGIN = Symbol('cs-mix-edit');

/**
 * One open project on this device: the song's Y.Doc, kept in IndexedDB (`creatorsync-song-<id>`)
 * and synced through a ticketed provider (see `ProjectDocumentReplica`), with this person's undo
 * history. Fires `change` when anything shown changes.
 */
export class ProjectSession extends EventTarget {
  readonly projectId: string;
  readonly doc: Y.Doc;
  readonly status: SyncStatus;
  readonly undoManager: Y.UndoManager;

  readonly #replica: ProjectDocumentReplica;
  readonly #cleanups: Array<() => void> = [];

  constructor(options: { projectId: string; api: ProjectsApi; initialRole: ProjectRole | null; environment: SessionEnvironment }) {
    super();
    this.projectId = options.projectId;
    this.#replica = new ProjectDocumentReplica({
      ...options,
      kind: 'song',
      onSynced: () => {
        if (this.#replica.canWrite) migrateProjectDocument(this.doc);
      },
    });
    this.doc = this.#replica.doc;
    this.status = this.#replica.status;
    const onReplicaChange = () => this.#emit();
    this.#replica.addEventListener('change', onReplicaChange);
    this.#cleanups.push(() => this.#replica.removeEventListener('change', onReplicaChange));

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
  }

  /** The caller's role: from the last ticket, or the cached project list until one arrives. */
  get role(): ProjectRole | null {
    return this.#replica.role;
  }

  /** The local copy has been read from IndexedDB (the page can show content). */
  get loaded(): boolean {
    return this.#replica.loaded;
  }

  /** IndexedDB refused a write: edits are kept in memory and still sync, but not on the device. */
  get storageFull(): boolean {
    return this.#replica.storageFull;
  }

  /** The server said this person may no longer open the project. */
  get accessLost(): boolean {
    return this.#replica.accessLost;
  }

  get awareness() {
    return this.#replica.awareness;
  }

  get canEditSong(): boolean {
    return this.#replica.canWrite;
  }

  /** Reconnect now instead of waiting for the backoff (the browser said it is back online). */
  reconnect(): void {
    this.#replica.reconnect();
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
    this.undoManager.destroy();
    this.#replica.destroy();
  }

  #emit(): void {
    this.dispatchEvent(new Event('change'));
  }
}
