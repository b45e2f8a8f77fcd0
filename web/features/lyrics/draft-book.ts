import type { SaveProgressRequest } from '../../../shared/schemas/ai.ts';
import type { Draft, DraftStore } from './draft-store.ts';

export const SaveState = { idle: 'idle', queued: 'queued', sending: 'sending', saved: 'saved', failed: 'failed' } as const;
export type SaveState = (typeof SaveState)[keyof typeof SaveState];

export interface DraftBookOptions {
  readonly store: DraftStore;
  readonly now: () => number;
  /** Session ids are made on the device (offline too); the API accepts `[A-Za-z0-9_-]{1,64}`. */
  readonly newId: () => string;
  /** POST /api/ai/save-progress; rejects when it could not be saved. */
  readonly save: (request: SaveProgressRequest) => Promise<void>;
  /** True when a rejection from `save` means "no network": the draft stays queued, silently. */
  readonly isNetworkError: (error: unknown) => boolean;
  /** Title of a new draft (from the catalog). */
  readonly untitled: string;
}

/**
 * The writer's drafts and the save queue, with storage and the API injected. Every edit is kept
 * on the device at once; "Save" queues the draft for the API and sends the queue when online, so
 * a save made offline goes out when the network comes back. Fires `change`.
 */
export class DraftBook extends EventTarget {
  readonly #options: DraftBookOptions;
  #drafts: Draft[] = [];
  #flushing: Promise<void> | null = null;
  currentId = '';
  saveState: SaveState = SaveState.idle;
  /** The reason of the last failed save, as the API sent it. */
  saveError: unknown = null;

  constructor(options: DraftBookOptions) {
    super();
    this.#options = options;
  }

  /** Newest first. */
  get drafts(): readonly Draft[] {
    return this.#drafts;
  }

  get current(): Draft | undefined {
    return this.#drafts.find((draft) => draft.id === this.currentId);
  }

  get pendingCount(): number {
    return this.#drafts.filter((draft) => draft.savePending).length;
  }

  /** Reads the drafts; a writer with none gets an empty one to type into. */
  async load(): Promise<void> {
    this.#drafts = sortDrafts(await this.#options.store.list());
    if (this.#drafts.length === 0) await this.create();
    else this.currentId = this.#drafts[0]?.id ?? '';
    this.saveState = this.pendingCount > 0 ? SaveState.queued : SaveState.idle;
    this.#changed();
  }

  async create(title = this.#options.untitled): Promise<Draft> {
    const draft: Draft = { id: this.#options.newId(), title, text: '', updatedAt: this.#options.now(), savePending: false, savedText: null };
    this.#drafts = [draft, ...this.#drafts];
    this.currentId = draft.id;
    this.#changed();
    await this.#options.store.put(draft);
    return draft;
  }

  select(id: string): void {
    if (!this.#drafts.some((draft) => draft.id === id)) return;
    this.currentId = id;
    this.#changed();
  }

  async edit(id: string, change: { readonly title?: string; readonly text?: string }): Promise<void> {
    await this.#replace(id, (draft) => ({ ...draft, ...change, updatedAt: this.#options.now() }));
  }

  async remove(id: string): Promise<void> {
    this.#drafts = this.#drafts.filter((draft) => draft.id !== id);
    await this.#options.store.delete(id);
    if (this.currentId === id) {
      if (this.#drafts.length === 0) await this.create();
      else this.currentId = this.#drafts[0]?.id ?? '';
    }
    this.#changed();
  }

  /** Queues the draft for the API and, when online, sends the queue. */
  async save(id: string, online: boolean): Promise<void> {
    await this.#replace(id, (draft) => ({ ...draft, savePending: true }));
    this.saveState = SaveState.queued;
    this.#changed();
    if (online) await this.flush();
  }

  /** Sends every queued draft; one flush at a time (the online event and a click can race). */
  flush(): Promise<void> {
    this.#flushing ??= this.#flushNow().finally(() => {
      this.#flushing = null;
    });
    return this.#flushing;
  }

  async #flushNow(): Promise<void> {
    for (const queued of this.#drafts.filter((draft) => draft.savePending)) {
      this.saveState = SaveState.sending;
      this.#changed();
      const title = queued.title.trim() || this.#options.untitled;
      try {
        await this.#options.save({ id: queued.id, title, text: queued.text });
      } catch (error) {
        if (this.#options.isNetworkError(error)) {
          this.saveState = SaveState.queued;
        } else {
          this.saveState = SaveState.failed;
          this.saveError = error;
        }
        this.#changed();
        return;
      }
      // Edits made while the request was out stay unsaved: only the text that was sent counts.
      await this.#replace(queued.id, (draft) => ({ ...draft, savePending: draft.text !== queued.text, savedText: queued.text }), false);
    }
    this.saveState = this.pendingCount > 0 ? SaveState.queued : SaveState.saved;
    this.saveError = null;
    this.#changed();
  }

  async #replace(id: string, update: (draft: Draft) => Draft, resort = true): Promise<void> {
    const existing = this.#drafts.find((draft) => draft.id === id);
    if (!existing) return;
    const next = update(existing);
    this.#drafts = this.#drafts.map((draft) => (draft.id === id ? next : draft));
    if (resort) this.#drafts = sortDrafts(this.#drafts);
    this.#changed();
    await this.#options.store.put(next);
  }

  #changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}

function sortDrafts(drafts: readonly Draft[]): Draft[] {
  return [...drafts].sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));
}
