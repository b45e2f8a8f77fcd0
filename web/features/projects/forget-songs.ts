import type { ProjectDocumentKind } from '../../../shared/schemas/projects.ts';
import { createDexieProjectListStore } from './dexie-project-list-store.ts';
import type { CachedProject, ProjectListStore } from './project-list-cache.ts';
import { pendingChangesKey, replicaDatabaseName } from './project-document-replica.ts';

const KINDS: readonly ProjectDocumentKind[] = ['song', 'comments'];

/** What `forgetSongs` touches on the device. */
export interface SongStorage {
  lists: ProjectListStore;
  /** Where replicas keep their unsent-change counts; null when it cannot be read (then nothing is deleted). */
  counts: Pick<Storage, 'getItem'> | null;
  deleteDatabase(name: string): Promise<void>;
}

/**
 * Takes an account's songs off the device when they sign out: the copies of every project in their
 * lists (song and comments documents) and the lists themselves, so the next person on a shared
 * device finds nothing of them, not even in the browser's storage. A song with changes that have not
 * reached the server yet is kept, list entry and all, to sync the next time they sign in here:
 * deleting it would lose their work (unless `keepUnsent` is false: a deleted account's changes can
 * never be sent). Returns the ids kept.
 */
export async function forgetSongs(userId: string, storage: SongStorage, options: { keepUnsent?: boolean } = {}): Promise<string[]> {
  const keepUnsent = options.keepUnsent ?? true;
  const kept: string[] = [];
  for (const list of ['active', 'bin'] as const) {
    const projects = await storage.lists.load(userId, list);
    const keep: CachedProject[] = [];
    for (const project of projects) {
      if (keepUnsent && hasUnsentChanges(project.id, storage.counts)) {
        keep.push(project);
        kept.push(project.id);
        continue;
      }
      await Promise.all(KINDS.map((kind) => storage.deleteDatabase(replicaDatabaseName(project.id, kind))));
    }
    await storage.lists.save(userId, list, keep);
  }
  return kept;
}

function hasUnsentChanges(projectId: string, counts: SongStorage['counts']): boolean {
  // Without the counts there is no telling: keep everything rather than risk someone's work.
  if (!counts) return true;
  return KINDS.some((kind) => Number(counts.getItem(pendingChangesKey(projectId, kind)) ?? 0) > 0);
}

/** `forgetSongs` on this browser's IndexedDB and localStorage. */
export function forgetSongsOnThisDevice(userId: string, options: { keepUnsent?: boolean } = {}): Promise<string[]> {
  let counts: Storage | null;
  try {
    counts = window.localStorage;
  } catch {
    counts = null;
  }
  return forgetSongs(userId, {
    lists: createDexieProjectListStore(),
    counts,
    // A page still holding a copy open blocks the deletion until it closes; do not wait for that.
    deleteDatabase: (name) =>
      new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      }),
  }, options);
}
