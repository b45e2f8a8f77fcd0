import { and, desc, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database } from '../../db/database.ts';
import { projectVersions, users } from '../../db/schema.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Clock } from '../../platform/clock.ts';
import type { SyncServer } from '../../collab/sync-server.ts';
import { diffLines } from '../../../shared/project/line-diff.ts';
import { readLyrics, readMeta } from '../../../shared/project/project-document.ts';
import { restoreVersion } from '../../../shared/project/restore-version.ts';
import { documentName } from '../../../shared/schemas/projects.ts';
import type { ProjectsService } from './service.ts';

/**
 * Named versions of a project's song. A version is the full encoded state at the moment it was
 * named; restoring one is a new change on top (history is never rewritten), preceded by an
 * automatic version of what was there, so a restore can itself be undone by restoring that.
 */
export function createVersionsService(deps: { db: Database; clock: Clock; projects: ProjectsService; sync: SyncServer }) {
  const { db, clock, projects, sync } = deps;

  const toVersion = (row: { id: string; name: string; kind: string; authorId: string | null; authorName: string | null; createdAt: Date }) => ({
    id: row.id,
    name: row.name,
    kind: row.kind === 'before_restore' ? ('before_restore' as const) : ('named' as const),
    authorId: row.authorId,
    authorName: row.authorName,
    createdAt: row.createdAt.toISOString(),
  });

  async function findVersion(projectId: string, versionId: string) {
    const [row] = await db
      .select({
        id: projectVersions.id,
        name: projectVersions.name,
        kind: projectVersions.kind,
        state: projectVersions.state,
        authorId: projectVersions.authorId,
        authorName: users.displayName,
        createdAt: projectVersions.createdAt,
      })
      .from(projectVersions)
      .leftJoin(users, eq(users.id, projectVersions.authorId))
      .where(and(eq(projectVersions.projectId, projectId), eq(projectVersions.id, versionId)))
      .limit(1);
    if (!row) throw new AppError('version_not_found');
    return row;
  }

  async function save(userId: string, projectId: string, name: string, kind: 'named' | 'before_restore' = 'named') {
    const state = await sync.currentState(documentName(projectId, 'song'));
    const row = { id: crypto.randomUUID(), projectId, name, kind, state, authorId: userId, createdAt: clock.now() };
    await db.insert(projectVersions).values(row);
    const [author] = await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, userId));
    return toVersion({ ...row, authorName: author?.displayName ?? null });
  }

  function decode(state: Uint8Array): Y.Doc {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    return doc;
  }

  async function lyricsOf(projectId: string, reference: string): Promise<string> {
    const state = reference === 'current' ? await sync.currentState(documentName(projectId, 'song')) : (await findVersion(projectId, reference)).state;
    const doc = decode(state);
    try {
      return readLyrics(doc);
    } finally {
      doc.destroy();
    }
  }

  return {
    async create(userId: string, projectId: string, name: string) {
      await projects.requireRole(userId, projectId, ['owner', 'editor']);
      return save(userId, projectId, name);
    },

    async list(userId: string, projectId: string) {
      await projects.membership(userId, projectId);
      const rows = await db
        .select({
          id: projectVersions.id,
          name: projectVersions.name,
          kind: projectVersions.kind,
          authorId: projectVersions.authorId,
          authorName: users.displayName,
          createdAt: projectVersions.createdAt,
        })
        .from(projectVersions)
        .leftJoin(users, eq(users.id, projectVersions.authorId))
        .where(eq(projectVersions.projectId, projectId))
        .orderBy(desc(projectVersions.createdAt))
        .limit(500);
      return rows.map(toVersion);
    },

    async get(userId: string, projectId: string, versionId: string) {
      await projects.membership(userId, projectId);
      const row = await findVersion(projectId, versionId);
      const doc = decode(row.state);
      try {
        const meta = readMeta(doc);
        return { version: toVersion(row), lyrics: readLyrics(doc), title: meta.title, bpm: meta.bpm, state: Buffer.from(row.state).toString('base64') };
      } finally {
        doc.destroy();
      }
    },

    async compare(userId: string, projectId: string, from: string, to: string) {
      await projects.membership(userId, projectId);
      return { from, to, changes: diffLines(await lyricsOf(projectId, from), await lyricsOf(projectId, to)) };
    },

    async restore(userId: string, projectId: string, versionId: string) {
      await projects.requireRole(userId, projectId, ['owner', 'editor']);
      const target = await findVersion(projectId, versionId);
      const backup = await save(userId, projectId, target.name, 'before_restore');
      const version = decode(target.state);
      try {
        await sync.applyServerChange(documentName(projectId, 'song'), (doc) => restoreVersion(doc, version), userId);
      } finally {
        version.destroy();
      }
      return { restored: toVersion(target), backup };
    },
  };
}

export type VersionsService = ReturnType<typeof createVersionsService>;
