import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { passwordResets, users } from '../../db/schema.ts';
import { AppError } from '../../errors/app-error.ts';
import { translate } from '../../i18n/translate.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Mailer } from '../../platform/mailer.ts';
import { PASSWORD_RESET_TTL_MINUTES, type PasswordResetConfirm } from '../../../shared/schemas/auth.ts';
import { isSupportedLocale } from '../../../shared/i18n/locales.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { hashPassword, isCommonPassword } from './passwords.ts';
import * as queries from './queries.ts';
import { hashRefreshToken, looksLikeRefreshToken, newRefreshToken } from './refresh-tokens.ts';
import { isSuspended } from './suspension.ts';

/**
 * "Forgot your password". Asking never says whether an account uses the address (same answer, and
 * the e-mail goes out after the answer, so timing says little either). The link carries 256 random
 * bits in its fragment (`/reset-password#token=…`: never sent to a server, so never in a log or a
 * Referer); only their SHA-256 is stored. A link works once, for PASSWORD_RESET_TTL_MINUTES, and
 * using it signs out every session and voids the account's other links.
 */
export function createPasswordResetService(deps: { db: Database; clock: Clock; mailer: Mailer; logger: Logger; throttle: LoginThrottle }) {
  const { db, clock, mailer, logger } = deps;

  return {
    /**
     * Records a reset and e-mails its link when an account (not suspended) uses the address. `origin`
     * is where the app is served, for the link. Resolves before the e-mail is sent.
     */
    async request(email: string, origin: string): Promise<void> {
      const user = await queries.findUserByEmail(db, email);
      const now = clock.now();
      if (!user || isSuspended(user, now)) return;
      const token = newRefreshToken();
      await db.insert(passwordResets).values({ tokenHash: hashRefreshToken(token), userId: user.id, createdAt: now, expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MINUTES * 60_000) });
      const locale = isSupportedLocale(user.locale) ? user.locale : 'en';
      const link = `${origin}/reset-password#token=${token}`;
      const values = { name: user.displayName, link, minutes: PASSWORD_RESET_TTL_MINUTES };
      void mailer
        .send({ to: user.email, subject: translate(locale, 'mail.passwordReset.subject'), text: translate(locale, 'mail.passwordReset.body', values) })
        .catch((error: unknown) => logger.error('could not send a password reset e-mail', { userId: user.id, error }));
    },

    /**
     * Sets the new password if the token is live; every session ends, the account's other links die,
     * and sign-in throttling forgets failures against the old password (`clientIp` is the one resetting).
     */
    async confirm(request: PasswordResetConfirm, clientIp: string): Promise<void> {
      if (!looksLikeRefreshToken(request.token)) throw new AppError('reset_token_invalid');
      if (isCommonPassword(request.newPassword)) throw new AppError('password_too_common');
      const now = clock.now();
      const tokenHash = hashRefreshToken(request.token);
      const [live] = await db
        .select({ userId: passwordResets.userId })
        .from(passwordResets)
        .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)));
      if (!live) throw new AppError('reset_token_invalid');
      // Hashing takes a while: do it before the transaction, whose first step claims the token.
      const passwordHash = await hashPassword(request.newPassword);
      await db.transaction(async (tx) => {
        const claimed = await tx
          .update(passwordResets)
          .set({ usedAt: now })
          .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt)))
          .returning({ userId: passwordResets.userId });
        // Two tabs submitting one link at once: only the first sets the password.
        if (claimed.length === 0) throw new AppError('reset_token_invalid');
        await tx.update(passwordResets).set({ usedAt: now }).where(and(eq(passwordResets.userId, live.userId), isNull(passwordResets.usedAt)));
        await tx.update(users).set({ passwordHash, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, live.userId));
        await queries.revokeAllSessions(tx, live.userId, now, 'password_reset');
      });
      const user = await queries.findUserById(db, live.userId);
      if (user) await deps.throttle.forgiveAccount(user.email, clientIp);
    },
  };
}

export type PasswordResetService = ReturnType<typeof createPasswordResetService>;
