import { and, asc, desc, eq, gt, isNotNull, isNull, lt } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { projectInvites, projectMembers, projects, users } from '../../db/schema.ts';

export type ProjectRow = typeof projects.$inferSelect;

/** The project together with the caller's role, or undefined when the caller is not a member. */
export async function findProjectForMember(db: Database, projectId: string, userId: string) {
  const [row] = await db
    .select({ project: projects, role: projectMembers.role })
    .from(projects)
    .innerJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, userId)))
    .where(eq(projects.id, projectId))
    .limit(1);
  return row;
}

export async function listProjectsForMember(db: Database, userId: string, deleted: boolean) {
  return db
    .select({ project: projects, role: projectMembers.role })
    .from(projects)
    .innerJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, userId)))
    .where(deleted ? isNotNull(projects.deletedAt) : isNull(projects.deletedAt))
    .orderBy(desc(projects.updatedAt))
    .limit(500);
}

export async function insertProject(db: Database, project: typeof projects.$inferInsert, ownerAddedAt: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(projects).values(project);
    await tx.insert(projectMembers).values({ projectId: project.id, userId: project.ownerId, role: 'owner', addedAt: ownerAddedAt });
  });
}

export async function updateProject(db: Database, projectId: string, changes: Partial<typeof projects.$inferInsert>) {
  const [row] = await db.update(projects).set(changes).where(eq(projects.id, projectId)).returning();
  return row;
}

/** Projects in the bin for longer than the grace period are deleted for good (members, invites, versions cascade). */
export async function purgeProjectsDeletedBefore(db: Database, cutoff: Date): Promise<string[]> {
  const rows = await db.delete(projects).where(and(isNotNull(projects.deletedAt), lt(projects.deletedAt, cutoff))).returning({ id: projects.id });
  return rows.map((row) => row.id);
}

export async function listMembers(db: Database, projectId: string) {
  return db
    .select({
      userId: projectMembers.userId,
      role: projectMembers.role,
      addedAt: projectMembers.addedAt,
      displayName: users.displayName,
      email: users.email,
    })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(eq(projectMembers.projectId, projectId))
    .orderBy(asc(projectMembers.addedAt));
}

export async function findMemberRole(db: Database, projectId: string, userId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ role: projectMembers.role })
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId), isNull(projects.deletedAt)))
    .limit(1);
  return row?.role;
}

export async function upsertMember(db: Database, projectId: string, userId: string, role: string, now: Date): Promise<void> {
  await db
    .insert(projectMembers)
    .values({ projectId, userId, role, addedAt: now })
    .onConflictDoUpdate({ target: [projectMembers.projectId, projectMembers.userId], set: { role } });
}

export async function setMemberRole(db: Database, projectId: string, userId: string, role: string): Promise<boolean> {
  const rows = await db
    .update(projectMembers)
    .set({ role })
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
    .returning({ userId: projectMembers.userId });
  return rows.length > 0;
}

export async function deleteMember(db: Database, projectId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
    .returning({ userId: projectMembers.userId });
  return rows.length > 0;
}

export async function insertInvite(db: Database, invite: typeof projectInvites.$inferInsert): Promise<void> {
  await db.insert(projectInvites).values(invite);
}

export async function findLiveInviteByTokenHash(db: Database, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ invite: projectInvites, project: projects })
    .from(projectInvites)
    .innerJoin(projects, eq(projects.id, projectInvites.projectId))
    .where(and(eq(projectInvites.tokenHash, tokenHash), isNull(projectInvites.revokedAt), gt(projectInvites.expiresAt, now), isNull(projects.deletedAt)))
    .limit(1);
  return row;
}

/** E-mail invitations are single-use; link invitations stay valid until they expire or are revoked. */
export async function revokeInvite(db: Database, inviteId: string, now: Date): Promise<void> {
  await db.update(projectInvites).set({ revokedAt: now }).where(eq(projectInvites.id, inviteId));
}
