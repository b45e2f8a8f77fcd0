/** A lyrics draft, kept on the device; `id` doubles as the writing session id on the API. */
export interface Draft {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  /** Milliseconds since the epoch, from the injected clock. */
  readonly updatedAt: number;
  /** Waiting to be sent with POST /api/ai/save-progress (queued while offline). */
  readonly savePending: boolean;
  /** The text the API last accepted, null before the first save. */
  readonly savedText: string | null;
}

/** Where drafts live: Dexie in the app (dexie-draft-store.ts), memory in tests. */
export interface DraftStore {
  list(): Promise<Draft[]>;
  put(draft: Draft): Promise<void>;
  delete(id: string): Promise<void>;
}

export function createMemoryDraftStore(initial: readonly Draft[] = []): DraftStore {
  const drafts = new Map(initial.map((draft) => [draft.id, draft]));
  return {
    list: () => Promise.resolve([...drafts.values()]),
    put: (draft) => {
      drafts.set(draft.id, draft);
      return Promise.resolve();
    },
    delete: (id) => {
      drafts.delete(id);
      return Promise.resolve();
    },
  };
}

/**
 * Moves every draft of `from` into `into`, keeping the more recently edited copy where both hold one,
 * and leaves `from` empty. Returns how many drafts it took.
 */
export async function moveDrafts(from: DraftStore, into: DraftStore): Promise<number> {
  const moving = await from.list();
  if (moving.length === 0) return 0;
  const existing = new Map((await into.list()).map((draft) => [draft.id, draft]));
  for (const draft of moving) {
    const kept = existing.get(draft.id);
    if (!kept || kept.updatedAt < draft.updatedAt) await into.put(draft);
    await from.delete(draft.id);
  }
  return moving.length;
}
