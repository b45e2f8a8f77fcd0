import type { Project } from '../../../shared/schemas/projects.ts';

/** A project as the list remembers it on this device: the server's record plus when it was last opened here. */
export interface CachedProject extends Project {
  /** Epoch ms of the last time this device opened the project (its document is then in IndexedDB). */
  openedAt: number | null;
}

/**
 * Merges a fresh list from the server into the cached one. The server is the authority on which
 * projects exist and what they are called; the device adds only what the server cannot know (when
 * it last opened each). Newest activity first.
 */
export function mergeProjectList(cached: readonly CachedProject[], fresh: readonly Project[]): CachedProject[] {
  const openedAt = new Map(cached.map((project) => [project.id, project.openedAt]));
  return sortProjects(fresh.map((project) => ({ ...project, openedAt: openedAt.get(project.id) ?? null })));
}

/** Most recent first: by the later of the server's update time and this device's last open. */
export function sortProjects(projects: readonly CachedProject[]): CachedProject[] {
  const activity = (project: CachedProject) => Math.max(Date.parse(project.updatedAt) || 0, project.openedAt ?? 0);
  return [...projects].sort((a, b) => activity(b) - activity(a) || a.title.localeCompare(b.title));
}

/** Applies a change the user just made (rename, open) before the server confirms it. */
export function patchProject(projects: readonly CachedProject[], id: string, change: Partial<CachedProject>): CachedProject[] {
  return projects.map((project) => (project.id === id ? { ...project, ...change } : project));
}

/** Where the lists live on the device (IndexedDB through Dexie in the app, a Map in tests). */
export interface ProjectListStore {
  load(userId: string, list: 'active' | 'bin'): Promise<CachedProject[]>;
  save(userId: string, list: 'active' | 'bin', projects: readonly CachedProject[]): Promise<void>;
}
