import { describe, expect, it } from 'vitest';
import type { Project } from '../../../shared/schemas/projects.ts';
import { mergeProjectList, patchProject, sortProjects, type CachedProject } from './project-list-cache.ts';

function project(id: string, title: string, updatedAt: string): Project {
  return { id, title, ownerId: 'u1', role: 'owner', createdAt: updatedAt, updatedAt, deletedAt: null };
}

describe('mergeProjectList', () => {
  it('takes titles and membership from the server and keeps when this device opened each project', () => {
    const cached: CachedProject[] = [
      { ...project('a', 'Old title', '2025-01-01T00:00:00Z'), openedAt: Date.parse('2025-03-01T00:00:00Z') },
      { ...project('gone', 'Deleted elsewhere', '2025-01-01T00:00:00Z'), openedAt: null },
    ];
    const merged = mergeProjectList(cached, [project('a', 'New title', '2025-01-02T00:00:00Z'), project('b', 'Shared with me', '2025-02-01T00:00:00Z')]);
    expect(merged.map((p) => [p.id, p.title, p.openedAt])).toEqual([
      ['a', 'New title', Date.parse('2025-03-01T00:00:00Z')],
      ['b', 'Shared with me', null],
    ]);
  });

  it('is idempotent', () => {
    const fresh = [project('a', 'A', '2025-01-01T00:00:00Z'), project('b', 'B', '2025-01-03T00:00:00Z')];
    const once = mergeProjectList([], fresh);
    expect(mergeProjectList(once, fresh)).toEqual(once);
  });
});

describe('sortProjects', () => {
  it('puts the most recent activity first, by server update or local open, then by title', () => {
    const list: CachedProject[] = [
      { ...project('x', 'Zed', '2025-01-01T00:00:00Z'), openedAt: null },
      { ...project('y', 'Alpha', '2025-01-01T00:00:00Z'), openedAt: null },
      { ...project('z', 'Opened', '2024-01-01T00:00:00Z'), openedAt: Date.parse('2025-06-01T00:00:00Z') },
    ];
    expect(sortProjects(list).map((p) => p.id)).toEqual(['z', 'y', 'x']);
  });
});

describe('patchProject', () => {
  it('changes only the named project', () => {
    const list: CachedProject[] = [
      { ...project('a', 'A', '2025-01-01T00:00:00Z'), openedAt: null },
      { ...project('b', 'B', '2025-01-01T00:00:00Z'), openedAt: null },
    ];
    expect(patchProject(list, 'b', { title: 'Bee' }).map((p) => p.title)).toEqual(['A', 'Bee']);
  });
});
