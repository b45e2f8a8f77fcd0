import type { Dexie, EntityTable } from 'dexie';
import { Project } from '../../../shared/schemas/projects.ts';
import type { CachedProject, ProjectListStore } from './project-list-cache.ts';

interface ProjectListRow {
  /** `<userId>:active` or `<userId>:bin`: lists are per user, so a shared device never mixes accounts. */
  key: string;
  projects: unknown[];
}

type ProjectListDatabase = Dexie & { lists: EntityTable<ProjectListRow, 'key'> };

/** The project lists in IndexedDB (Dexie, loaded with the projects pages, not at start-up). */
export function createDexieProjectListStore(): ProjectListStore {
  let database: Promise<ProjectListDatabase> | null = null;
  const open = (): Promise<ProjectListDatabase> => {
    database ??= import('dexie').then(({ Dexie: DexieDatabase }) => {
      const db = new DexieDatabase('creatorsync-projects') as ProjectListDatabase;
      db.version(1).stores({ lists: 'key' });
      return db;
    });
    return database;
  };
  return {
    async load(userId, list) {
      const row = await (await open()).lists.get(`${userId}:${list}`);
      if (!row) return [];
      // Rows may come from an older app version: keep the ones that still parse.
      return row.projects.flatMap((value): CachedProject[] => {
        const parsed = Project.safeParse(value);
        if (!parsed.success) return [];
        const openedAt = (value as { openedAt?: unknown }).openedAt;
        return [{ ...parsed.data, openedAt: typeof openedAt === 'number' ? openedAt : null }];
      });
    },
    async save(userId, list, projects) {
      await (await open()).lists.put({ key: `${userId}:${list}`, projects: [...projects] });
    },
  };
}
