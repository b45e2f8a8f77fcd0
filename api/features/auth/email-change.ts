import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { emailChanges, users } from '../../db/schema.ts';
import { AppError } from '../../errors/app-error.ts';
import { translate } from '../../i18n/translate.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Mailer } from '../../platform/mailer.ts';
import { EMAIL_CHANGE_TTL_HOURS, type EmailChangeAccepted, type EmailChanged } from '../../../shared/schemas/auth.ts';
import { isSupportedLocale } from '../../../shared/i18n/locales.ts';
import { verifyPassword } from './passwords.ts';
import * as queries from './queries.ts';
import { hashRefreshToken, looksLikeRefreshToken, newRefreshToken } from './refresh-tokens.ts';

/**
 * Moving an account to another e-mail address. Asking takes the password (a borrowed unlocked
 * laptop is not enough) and changes nothing yet: a link goes to the new address, so a typo cannot
 * lock anyone out of their sign-in, password resets and receipts, and the old address is told, so a
 * change the owner did not ask for does not go unnoticed. Opening the link, on any device and signed
 * in or not (its 256-bit token is the proof), makes the change; the old address is told again,
 * with a way back: for REVERT_DAYS its link restores the old address and signs every session out, so
 * an owner whose password was stolen can take the account back (then reset the password by e-mail).
 * Tokens are kept as SHA-256 only and work once; a newer request voids older change links, never a
 * way back.
 */
/** How long the old address can undo a change. */
const REVERT_DAYS = 7;

export function createEmailChangeService(deps: {
  db: Database;
  clock: Clock;
  mailer: Mailer;
  logger: Logger;
  /** After the change is committed (either way): what else keeps the address, e.g. the payment provider's customer. */
  onChanged?: (userId: string, email: string) => Promise<void>;
}) {
  const { db, clock, mailer, logger } = deps;

  /** Mail is sent after the answer; a failure is logged, and the person can ask again. */
  function send(to: string, locale: string, subject: string, body: string, values: Record<string, unknown>) {
    const language = isSupportedLocale(locale) ? locale : 'en';
    void mailer
      .send({ to, subject: translate(language, subject, values), text: translate(language, body, values) })
      .catch((error: unknown) => logger.error('could not send an e-mail change message', { subject, error }));
  }

  return {
    /** Records the change and mails the link to the new address (and a notice to the current one). `origin` is where the app is served. */
    async request(userId: string, request: { newEmail: string; password: string }, origin: string): Promise<EmailChangeAccepted> {
      const user = await queries.findUserById(db, userId);
      if (!user || user.deletedAt) throw new AppError('unauthenticated');
      if (!(await verifyPassword(user.passwordHash, request.password))) throw new AppError('wrong_password');
      if (request.newEmail === user.email) throw new AppError('email_unchanged');
      // Said now rather than after the link is opened; the address's owner could sign up and see it anyway.
      if (await queries.findUserByEmail(db, request.newEmail)) throw new AppError('email_taken');
      const now = clock.now();
      const token = newRefreshToken();
      await db.transaction(async (tx) => {
        await tx.update(emailChanges).set({ usedAt: now }).where(and(eq(emailChanges.userId, userId), isNull(emailChanges.usedAt), eq(emailChanges.revert, false)));
        await tx.insert(emailChanges).values({
          tokenHash: hashRefreshToken(token),
          userId,
          newEmail: request.newEmail,
          createdAt: now,
          expiresAt: new Date(now.getTime() + EMAIL_CHANGE_TTL_HOURS * 3_600_000),
        });
      });
      const values = { name: user.displayName, newEmail: request.newEmail, oldEmail: user.email, link: `${origin}/confirm-email#token=${token}`, hours: EMAIL_CHANGE_TTL_HOURS };
      send(request.newEmail, user.locale, 'mail.emailChange.confirm.subject', 'mail.emailChange.confirm.body', values);
      send(user.email, user.locale, 'mail.emailChange.requested.subject', 'mail.emailChange.requested.body', values);
      return { sentTo: request.newEmail };
    },

    /**
     * Makes the change the link stands for (409 email_taken if someone signed up with the address
     * meanwhile). A way-back link restores the old address, signs every session out and voids every
     * other link of the account.
     */
    async confirm(token: string, origin: string): Promise<EmailChanged> {
      if (!looksLikeRefreshToken(token)) throw new AppError('email_change_token_invalid');
      const now = clock.now();
      const tokenHash = hashRefreshToken(token);
      const changed = await db
        .transaction(async (tx) => {
          const [claimed] = await tx
            .update(emailChanges)
            .set({ usedAt: now })
            .where(and(eq(emailChanges.tokenHash, tokenHash), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, now)))
            .returning({ userId: emailChanges.userId, newEmail: emailChanges.newEmail, revert: emailChanges.revert });
          // Two tabs opening one link at once: only the first makes the change.
          if (!claimed) throw new AppError('email_change_token_invalid');
          const [before] = await tx.select().from(users).where(eq(users.id, claimed.userId)).for('update');
          if (!before || before.deletedAt) throw new AppError('email_change_token_invalid');
          await tx.update(users).set({ email: claimed.newEmail, updatedAt: now }).where(eq(users.id, claimed.userId));
          if (claimed.revert) {
            await tx.update(emailChanges).set({ usedAt: now }).where(and(eq(emailChanges.userId, claimed.userId), isNull(emailChanges.usedAt)));
            await queries.revokeAllSessions(tx, claimed.userId, now, 'email_change_reverted');
            return { user: before, newEmail: claimed.newEmail, revert: true, wayBack: undefined };
          }
          const wayBack = newRefreshToken();
          await tx.insert(emailChanges).values({
            tokenHash: hashRefreshToken(wayBack),
            userId: claimed.userId,
            newEmail: before.email,
            revert: true,
            createdAt: now,
            expiresAt: new Date(now.getTime() + REVERT_DAYS * 86_400_000),
          });
          return { user: before, newEmail: claimed.newEmail, revert: false, wayBack };
        })
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw new AppError('email_taken', { cause: error });
          throw error;
        });
      const { user, newEmail, wayBack } = changed;
      // Best effort, after the answer: the change is made; a failure here is logged, not the person's problem.
      void deps.onChanged?.(user.id, newEmail).catch((error: unknown) => logger.error('could not pass on a changed e-mail address', { userId: user.id, error }));
      if (changed.revert) {
        send(newEmail, user.locale, 'mail.emailChange.reverted.subject', 'mail.emailChange.reverted.body', { name: user.displayName, email: newEmail, link: `${origin}/forgot-password` });
        return { email: newEmail, reverted: true };
      }
      send(user.email, user.locale, 'mail.emailChange.done.subject', 'mail.emailChange.done.body', { name: user.displayName, newEmail, oldEmail: user.email, link: `${origin}/confirm-email#token=${wayBack}`, days: REVERT_DAYS });
      return { email: newEmail, reverted: false };
    },
  };
}

export type EmailChangeService = ReturnType<typeof createEmailChangeService>;
