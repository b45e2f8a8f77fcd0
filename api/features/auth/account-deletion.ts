import { randomBytes } from 'node:crypto';
import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import type { Database, Executor } from '../../db/database.ts';
import { beats, emailChanges, passwordResets, projectMembers, projects, sessions, storefronts, styleProfiles, userBlocks, users, writingSessions } from '../../db/schema.ts';
import { withholdPublishedWork } from '../beats/published-work.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import * as queries from './queries.ts';

/** Who inherits a project whose owner leaves: the first editor to join, else the first commenter, else the first viewer. */
const HEIR_ORDER = ['editor', 'commenter', 'viewer'];

export interface AccountDeletionEffects {
  /** Stops a paid plan's billing before anything is erased (a Stripe failure keeps the account). */
  stopBilling(userId: string): Promise<void>;
  /** After commit: close the account's sockets everywhere. */
  signedOut(userId: string): Promise<void>;
  /** After commit: an heir became a project's owner; their open sockets reconnect to learn it. */
  ownerChanged(projectId: string, heirId: string): Promise<void>;
  /**
   * After commit: deletes one of the person's beats with its stored files, unless buyers hold
   * licences to it (then it stays, withheld, because their downloads are its files).
   */
  removeBeatUnlessLicensed(userId: string, beatId: string): Promise<void>;
}

/**
 * "Delete my account", confirmed with the password. The row stays, so what other people hold keeps
 * its other party (a buyer's licence and contract, a producer's sale and ledger, a conversation),
 * but everything that identified or belonged only to the person goes, in one transaction:
 * - e-mail (freed for a new account), password, bio, avatar and roles; sessions, reset and e-mail change links;
 * - their storefront (headline and links), and their producer page answers 404;
 * - what the writing assistant learnt of their style, and their writing sessions;
 * - their published beats and presets leave the store (`withheld`: licences already sold keep working),
 *   and, after the commit, every beat nobody holds a licence to is deleted with its stored files;
 * - a song they own passes to a collaborator (so a co-written song survives) or, alone, goes to the bin;
 * - their memberships in others' projects and the blocks they set.
 * The display name stays where others already saw it (conversations, contracts, sales): it was
 * public, and those records are the other party's as much as theirs.
 */
export function createAccountDeletionService(deps: { db: Database; clock: Clock; logger: Logger; effects: AccountDeletionEffects }) {
  const { db, clock, effects, logger } = deps;

  async function handOverProjects(tx: Executor, userId: string, now: Date): Promise<Array<{ projectId: string; heirId: string }>> {
    const owned = await tx.select({ id: projects.id }).from(projects).where(and(eq(projects.ownerId, userId), isNull(projects.deletedAt)));
    const handedOver: Array<{ projectId: string; heirId: string }> = [];
    for (const { id } of owned) {
      const others = await tx
        .select({ userId: projectMembers.userId, role: projectMembers.role })
        .from(projectMembers)
        .where(and(eq(projectMembers.projectId, id), ne(projectMembers.userId, userId)))
        .orderBy(asc(projectMembers.addedAt), asc(projectMembers.userId));
      const heir = HEIR_ORDER.map((role) => others.find((member) => member.role === role)).find(Boolean);
      if (!heir) {
        await tx.update(projects).set({ deletedAt: now, updatedAt: now }).where(eq(projects.id, id));
        continue;
      }
      await tx.update(projects).set({ ownerId: heir.userId, updatedAt: now }).where(eq(projects.id, id));
      await tx.update(projectMembers).set({ role: 'owner' }).where(and(eq(projectMembers.projectId, id), eq(projectMembers.userId, heir.userId)));
      handedOver.push({ projectId: id, heirId: heir.userId });
    }
    return handedOver;
  }

  return {
    async deleteAccount(userId: string, password: string): Promise<void> {
      const user = await queries.findUserById(db, userId);
      if (!user || user.deletedAt) throw new AppError('not_found');
      if (!(await verifyPassword(user.passwordHash, password))) throw new AppError('wrong_password');
      await effects.stopBilling(userId);
      // A real hash of a secret nobody knows: sign-in with any password fails the normal way.
      const unusable = await hashPassword(randomBytes(32).toString('base64url'));
      const now = clock.now();
      const handedOver = await db.transaction(async (tx) => {
        const heirs = await handOverProjects(tx, userId, now);
        await tx.delete(projectMembers).where(eq(projectMembers.userId, userId));
        await tx.update(sessions).set({ revokedAt: now, revokedReason: 'account_deleted' }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
        await tx.delete(passwordResets).where(eq(passwordResets.userId, userId));
        await tx.delete(emailChanges).where(eq(emailChanges.userId, userId));
        await tx.delete(styleProfiles).where(eq(styleProfiles.userId, userId));
        await tx.delete(writingSessions).where(eq(writingSessions.userId, userId));
        await tx.delete(userBlocks).where(eq(userBlocks.blockerId, userId));
        await tx.delete(storefronts).where(eq(storefronts.userId, userId));
        await withholdPublishedWork(tx, userId, now);
        await tx
          .update(users)
          .set({ email: `deleted-${userId}@deleted.invalid`, passwordHash: unusable, bio: '', avatarUrl: null, roles: [], deletedAt: now, updatedAt: now })
          .where(eq(users.id, userId));
        return heirs;
      });
      // The deletion is committed: what follows is best effort, logged, and never undoes or fails it.
      const afterwards = (work: Promise<void>, what: string) => work.catch((error: unknown) => logger.warn(`account deleted, but ${what} failed`, { userId, error }));
      await afterwards(effects.signedOut(userId), 'closing its sockets');
      await Promise.all(handedOver.map(({ projectId, heirId }) => afterwards(effects.ownerChanged(projectId, heirId), 'telling an heir')));
      // Their uploads go too, one beat at a time (each removal deletes its files), except what buyers hold.
      const owned = await db.select({ id: beats.id }).from(beats).where(eq(beats.producerId, userId));
      for (const { id } of owned) await afterwards(effects.removeBeatUnlessLicensed(userId, id), 'removing a beat');
    },
  };
}

export type AccountDeletionService = ReturnType<typeof createAccountDeletionService>;
