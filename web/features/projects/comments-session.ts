import type * as Y from 'yjs';
import {
  addChatMessage,
  addComment,
  COMMENT_MAX_LENGTH,
  deleteComment,
  listChat,
  listComments,
  setCommentResolved,
  type ChatMessage,
  type CommentAnchor,
  type LineAnchor,
  type ProjectComment,
} from '../../../shared/project/comments-document.ts';
import type { ProjectRole } from '../../../shared/schemas/projects.ts';
import type { SyncStatus } from '../../sync/sync-status.ts';
import { newEntries, orderChat } from './comment-lists.ts';
import { ProjectDocumentReplica, type SessionEnvironment } from './project-document-replica.ts';
import type { ProjectsApi } from './projects-api.ts';

/** Who writes: the signed-in user. */
export interface CommentAuthor {
  id: string;
  displayName: string;
}

/** What arrived from someone else (through the server or another tab) after this session first synced. */
export interface CommentsArrival {
  comments: ProjectComment[];
  messages: ChatMessage[];
}

export class CommentsArrivalEvent extends Event {
  readonly arrival: CommentsArrival;

  constructor(arrival: CommentsArrival) {
    super('arrival');
    this.arrival = arrival;
  }
}

/**
 * The comments and chat of one open project: the project's second Y.Doc, kept in IndexedDB
 * (`creatorsync-comments-<id>`) and synced with a ticket for the `comments` document, so it works
 * offline and merges on reconnect exactly like the song. Commenters may write here although the
 * song is read-only for them; viewers only read.
 *
 * Fires `change` when the lists or the sync state change, and `arrival` (a `CommentsArrivalEvent`)
 * when comments or messages come in from the network once the first sync is done — the opening
 * sync's backlog is not news.
 */
export class CommentsSession extends EventTarget {
  readonly projectId: string;
  /** Comments oldest first. */
  comments: ProjectComment[] = [];
  /** The chat oldest first (the latest 200 messages). */
  chat: ChatMessage[] = [];

  readonly #replica: ProjectDocumentReplica;
  readonly #now: () => Date;
  readonly #createId: () => string;
  readonly #cleanups: Array<() => void> = [];

  constructor(options: {
    projectId: string;
    api: ProjectsApi;
    initialRole: ProjectRole | null;
    environment: SessionEnvironment;
    /** The writer's clock for `createdAt`. */
    now?: () => Date;
    createId?: () => string;
  }) {
    super();
    this.projectId = options.projectId;
    this.#now = options.now ?? (() => new Date());
    this.#createId = options.createId ?? (() => crypto.randomUUID());
    this.#replica = new ProjectDocumentReplica({ ...options, kind: 'comments' });
    const onReplicaChange = () => this.#emit();
    this.#replica.addEventListener('change', onReplicaChange);
    this.#cleanups.push(() => this.#replica.removeEventListener('change', onReplicaChange));

    const doc = this.#replica.doc;
    const onAfterTransaction = (transaction: Y.Transaction) => {
      if (transaction.changed.size === 0) return;
      const known = { comments: new Set(this.comments.map((c) => c.id)), messages: new Set(this.chat.map((m) => m.id)) };
      this.#read();
      if (this.#replica.syncedOnce && this.#replica.isNetworkOrigin(transaction.origin)) {
        const arrival = { comments: newEntries(known.comments, this.comments), messages: newEntries(known.messages, this.chat) };
        if (arrival.comments.length || arrival.messages.length) this.dispatchEvent(new CommentsArrivalEvent(arrival));
      }
      this.#emit();
    };
    doc.on('afterTransaction', onAfterTransaction);
    this.#cleanups.push(() => doc.off('afterTransaction', onAfterTransaction));
  }

  get doc(): Y.Doc {
    return this.#replica.doc;
  }

  get status(): SyncStatus {
    return this.#replica.status;
  }

  /** The caller's role: from the last ticket, or the cached project list until one arrives. */
  get role(): ProjectRole | null {
    return this.#replica.role;
  }

  /** The local copy has been read from IndexedDB. */
  get loaded(): boolean {
    return this.#replica.loaded;
  }

  get storageFull(): boolean {
    return this.#replica.storageFull;
  }

  get accessLost(): boolean {
    return this.#replica.accessLost;
  }

  /** Owners, editors and commenters may comment, resolve and chat; viewers may not. */
  get canWrite(): boolean {
    return this.#replica.canWrite;
  }

  addComment(author: CommentAuthor, text: string, anchor: CommentAnchor): void {
    const body = cleanText(text);
    if (!body || !this.canWrite) return;
    addComment(this.doc, {
      id: this.#createId(),
      authorId: author.id,
      authorName: author.displayName,
      text: body,
      anchor,
      createdAt: this.#now().toISOString(),
    });
  }

  setResolved(id: string, resolved: boolean): void {
    if (this.canWrite) setCommentResolved(this.doc, id, resolved);
  }

  /** Deletes a comment: the panel offers it to the author, and to the project's owner on anyone's (the server enforces both). */
  deleteComment(id: string): void {
    if (this.canWrite) deleteComment(this.doc, id);
  }

  sendMessage(author: CommentAuthor, text: string, suggestionFor?: LineAnchor): void {
    const body = cleanText(text);
    if (!body || !this.canWrite) return;
    addChatMessage(this.doc, {
      id: this.#createId(),
      authorId: author.id,
      authorName: author.displayName,
      text: body,
      createdAt: this.#now().toISOString(),
      ...(suggestionFor ? { suggestionFor } : {}),
    });
  }

  /** Shares a line the songwriting assistant suggested for lyric line `suggestionFor` in the chat. */
  shareSuggestion(author: CommentAuthor, text: string, suggestionFor: LineAnchor): void {
    this.sendMessage(author, text, suggestionFor);
  }

  reconnect(): void {
    this.#replica.reconnect();
  }

  destroy(): void {
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    this.#replica.destroy();
  }

  #read(): void {
    this.comments = listComments(this.doc);
    this.chat = orderChat(listChat(this.doc));
  }

  #emit(): void {
    this.dispatchEvent(new Event('change'));
  }
}

function cleanText(text: string): string {
  return text.trim().slice(0, COMMENT_MAX_LENGTH);
}
