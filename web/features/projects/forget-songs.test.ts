import { describe, expect, it } from 'vitest';
import { forgetSongs } from './forget-songs.ts';
import type { CachedProject, ProjectListStore } from './project-list-cache.ts';
import { pendingChangesKey, replicaDatabaseName } from './project-document-replica.ts';

const project = (id: string): CachedProject => ({ id, title: id, role: 'owner', createdAt: '2026-11-26T10:00:00Z', updatedAt: '2026-11-26T10:00:00Z', deletedAt: null, openedAt: 1 }) as unknown as CachedProject;

function memoryLists(initial: Record<string, CachedProject[]>): ProjectListStore & { rows: Record<string, CachedProject[]> } {
  const rows = { ...initial };
  return {
    rows,
    load: async (userId, list) => rows[`${userId}:${list}`] ?? [],
    save: async (userId, list, projects) => void (rows[`${userId}:${list}`] = [...projects]),
  };
}

function counts(values: Record<string, string>): Pick<Storage, 'getItem'> {
  return { getItem: (key) => values[key] ?? null };
}

describe('taking an account’s songs off the device at sign-out', () => {
  it('deletes the copies of every listed song and the lists, keeping a song with unsent changes', async () => {
    const lists = memoryLists({ 'ana:active': [project('p1'), project('p2')], 'ana:bin': [project('p3')], 'ben:active': [project('p9')] });
    const deleted: string[] = [];
    const kept = await forgetSongs('ana', {
      lists,
      counts: counts({ [pendingChangesKey('p2', 'comments')]: '3', [pendingChangesKey('p1', 'song')]: '0' }),
      deleteDatabase: async (name) => void deleted.push(name),
    });
    expect(kept).toEqual(['p2']);
    expect(deleted.sort()).toEqual([replicaDatabaseName('p1', 'comments'), replicaDatabaseName('p1', 'song'), replicaDatabaseName('p3', 'comments'), replicaDatabaseName('p3', 'song')].sort());
    expect(lists.rows['ana:active']!.map((p) => p.id)).toEqual(['p2']);
    expect(lists.rows['ana:bin']).toEqual([]);
    // Another account's list on the same device is not theirs to touch.
    expect(lists.rows['ben:active']!.map((p) => p.id)).toEqual(['p9']);
  });

  it('keeps everything when the counts cannot be read, and nothing for an account that is gone', async () => {
    const deleted: string[] = [];
    const device = { counts: null, deleteDatabase: async (name: string) => void deleted.push(name) };
    expect(await forgetSongs('ana', { ...device, lists: memoryLists({ 'ana:active': [project('p1')] }) })).toEqual(['p1']);
    expect(deleted).toEqual([]);
    const gone = memoryLists({ 'ana:active': [project('p1')] });
    expect(await forgetSongs('ana', { lists: gone, counts: counts({ [pendingChangesKey('p1', 'song')]: '2' }), deleteDatabase: device.deleteDatabase }, { keepUnsent: false })).toEqual([]);
    expect(deleted).toHaveLength(2);
    expect(gone.rows['ana:active']).toEqual([]);
  });
});
