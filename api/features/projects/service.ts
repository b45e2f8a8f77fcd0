import { randomBytes, createHash } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Clock } from '../../platform/clock.ts';
import {
  PROJECT_ROLES,
  type InvitableRole,
  type Project,
  type ProjectRole,
} from '../../../shared/schemas/projects.ts';
import { findUserByEmail, findUserById } from '../auth/queries.ts';
import { isSupportedLocale } from '../../../shared/i18n/locales.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Mailer } from '../../platform/mailer.ts';
import { sendInviteMail } from './invite-mail.ts';
import * as queries from './queries.ts';

/** How long a deleted project stays in the bin before it is purged. */
export const PROJECT_RESTORE_WINDOW_MS = 30 * 24 * 3600 * 1000;

export interface ProjectsDeps {
  db: Database;
  clock: Clock;
  /**
   * Called after a member's role changed or they were removed, so their open sync sockets close at once
   * (they reconnect with a fresh ticket and the new rights, or not at all).
   */
  onMembershipChanged: (projectId: string, userId: string) => void;
  /** Invitations to one e-mail address go out by mail when there is an origin to link to. */
  mail?: { mailer: Mailer; logger: Logger } | undefined;
}

function toRole(value: string): ProjectRole {
  if ((PROJECT_ROLES as readonly string[]).includes(value)) return value as ProjectRole;
  throw new Error(`unknown project role in database: ${value}`);
}

function toProject(row: queries.ProjectRow, role: string): Project {
  return {
    id: row.id,
    title: row.title,
    ownerId: row.ownerId,
    role: toRole(role),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}

const hashInviteToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export function createProjectsService(deps: ProjectsDeps) {
  const { db, clock } = deps;

  /** The caller's membership, or project_not_found: non-members cannot even learn that a project exists. */
  async function membership(userId: string, projectId: string, options: { includeDeleted?: boolean } = {}) {
    const found = await queries.findProjectForMember(db, projectId, userId);
    if (!found || (found.project.deletedAt && !options.includeDeleted)) throw new AppError('project_not_found');
    return { project: found.project, role: toRole(found.role) };
  }

  async function requireRole(userId: string, projectId: string, allowed: readonly ProjectRole[], options: { includeDeleted?: boolean } = {}) {
    const found = await membership(userId, projectId, options);
    if (!allowed.includes(found.role)) throw new AppError('project_forbidden');
    return found;
  }

  return {
    membership,
    requireRole,

    async create(userId: string, title: string): Promise<Project> {
      const now = clock.now();
      const row = { id: crypto.randomUUID(), ownerId: userId, title, createdAt: now, updatedAt: now, deletedAt: null };
      await queries.insertProject(db, row, now);
      return toProject(row, 'owner');
    },

    /**
     * Creates the project with this id unless it exists, for features that derive the id from what
     * the project is made from (one song per licence): a concurrent second call loses the insert
     * race and gets the project the first one made. In the bin, it comes back out (owner only).
     */
    async createOnce(userId: string, projectId: string, title: string): Promise<{ project: Project; created: boolean }> {
      const now = clock.now();
      const row = { id: projectId, ownerId: userId, title, createdAt: now, updatedAt: now, deletedAt: null };
      try {
        await queries.insertProject(db, row, now);
        return { project: toProject(row, 'owner'), created: true };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const { project, role } = await membership(userId, projectId, { includeDeleted: true });
      if (project.deletedAt) return { project: await this.restore(userId, projectId), created: false };
      return { project: toProject(project, role), created: false };
    },

    async list(userId: string, bin: boolean): Promise<Project[]> {
      const rows = await queries.listProjectsForMember(db, userId, bin);
      const cutoff = clock.now().getTime() - PROJECT_RESTORE_WINDOW_MS;
      return rows
        .filter((row) => !bin || (row.role === 'owner' && row.project.deletedAt!.getTime() > cutoff))
        .map((row) => toProject(row.project, row.role));
    },

    async get(userId: string, projectId: string): Promise<Project> {
      const { project, role } = await membership(userId, projectId);
      return toProject(project, role);
    },

    async rename(userId: string, projectId: string, title: string): Promise<Project> {
      const { role } = await requireRole(userId, projectId, ['owner', 'editor']);
      const row = await queries.updateProject(db, projectId, { title, updatedAt: clock.now() });
      return toProject(row!, role);
    },

    async remove(userId: string, projectId: string): Promise<Project> {
      await requireRole(userId, projectId, ['owner']);
      const row = await queries.updateProject(db, projectId, { deletedAt: clock.now() });
      return toProject(row!, 'owner');
    },

    async restore(userId: string, projectId: string): Promise<Project> {
      const { project } = await requireRole(userId, projectId, ['owner'], { includeDeleted: true });
      if (project.deletedAt && clock.now().getTime() - project.deletedAt.getTime() > PROJECT_RESTORE_WINDOW_MS) {
        throw new AppError('project_not_found');
      }
      const row = await queries.updateProject(db, projectId, { deletedAt: null, updatedAt: clock.now() });
      return toProject(row!, 'owner');
    },

    async purgeExpired(): Promise<string[]> {
      return queries.purgeProjectsDeletedBefore(db, new Date(clock.now().getTime() - PROJECT_RESTORE_WINDOW_MS));
    },

    async members(userId: string, projectId: string) {
      await membership(userId, projectId);
      const rows = await queries.listMembers(db, projectId);
      return rows.map((row) => ({ ...row, role: toRole(row.role), addedAt: row.addedAt.toISOString() }));
    },

    /**
     * An invitation: for one e-mail address (e-mailed to it when `linkOrigin` is known and mail is
     * set up) or a link for anyone holding it. The token is returned once, for the owner to share.
     */
    async invite(userId: string, projectId: string, input: { role: InvitableRole; email?: string | undefined; expiresInHours: number }, linkOrigin?: string) {
      const { project } = await requireRole(userId, projectId, ['owner']);
      const now = clock.now();
      const token = randomBytes(24).toString('base64url');
      const invite = {
        id: crypto.randomUUID(),
        projectId,
        role: input.role,
        email: input.email?.toLowerCase() ?? null,
        tokenHash: hashInviteToken(token),
        createdBy: userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + input.expiresInHours * 3600 * 1000),
      };
      await queries.insertInvite(db, invite);
      const emailed = invite.email !== null && linkOrigin !== undefined && deps.mail !== undefined;
      if (emailed) {
        const [inviter, invitee] = await Promise.all([findUserById(db, userId), findUserByEmail(db, invite.email!)]);
        // In the invitee's language when they have an account, else in the inviter's.
        const locale = [invitee?.locale, inviter?.locale].find(isSupportedLocale) ?? 'en';
        sendInviteMail(deps.mail!, {
          to: invite.email!,
          locale,
          inviterName: inviter?.displayName ?? '',
          projectTitle: project.title,
          role: input.role,
          link: `${linkOrigin}/invite?${new URLSearchParams({ token })}`,
          expiresAt: invite.expiresAt,
        });
      }
      return { id: invite.id, role: input.role, email: invite.email, expiresAt: invite.expiresAt.toISOString(), token, emailed };
    },

    async acceptInvite(userId: string, token: string): Promise<Project> {
      const now = clock.now();
      const found = await queries.findLiveInviteByTokenHash(db, hashInviteToken(token), now);
      if (!found) throw new AppError('invite_invalid');
      const user = await findUserById(db, userId);
      if (!user) throw new AppError('unauthenticated');
      if (found.invite.email && found.invite.email !== user.email) throw new AppError('invite_email_mismatch');
      const existing = await queries.findMemberRole(db, found.project.id, userId);
      // Accepting never lowers a role someone already has.
      const rank = (role: string) => PROJECT_ROLES.indexOf(toRole(role));
      const role = existing && rank(existing) <= rank(found.invite.role) ? existing : found.invite.role;
      await queries.upsertMember(db, found.project.id, userId, role, now);
      if (found.invite.email) await queries.revokeInvite(db, found.invite.id, now);
      if (existing !== role) deps.onMembershipChanged(found.project.id, userId);
      return toProject(found.project, role);
    },

    async changeMember(userId: string, projectId: string, memberId: string, role: InvitableRole): Promise<void> {
      await requireRole(userId, projectId, ['owner']);
      const current = await queries.findMemberRole(db, projectId, memberId);
      if (!current) throw new AppError('not_found');
      if (current === 'owner') throw new AppError('owner_role_fixed');
      await queries.setMemberRole(db, projectId, memberId, role);
      deps.onMembershipChanged(projectId, memberId);
    },

    /** Owners remove anyone but themselves; any member may leave. */
    async removeMember(userId: string, projectId: string, memberId: string): Promise<void> {
      const { role } = await membership(userId, projectId);
      if (memberId !== userId && role !== 'owner') throw new AppError('project_forbidden');
      const current = await queries.findMemberRole(db, projectId, memberId);
      if (!current) throw new AppError('not_found');
      if (current === 'owner') throw new AppError('owner_role_fixed');
      await queries.deleteMember(db, projectId, memberId);
      deps.onMembershipChanged(projectId, memberId);
    },
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
