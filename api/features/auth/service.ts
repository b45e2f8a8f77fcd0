import type { Database } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ChangePasswordRequest, UpdateProfileRequest, User, UserRole } from '../../../shared/schemas/auth.ts';
import { isSupportedLocale, type SupportedLocale } from '../../../shared/i18n/locales.ts';
import type { AccessTokenSigner } from './access-tokens.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { dummyPasswordHash, hashPassword, isCommonPassword, verifyPassword } from './passwords.ts';
import * as queries from './queries.ts';
import { hashRefreshToken, looksLikeRefreshToken, newRefreshToken } from './refresh-tokens.ts';
import { isSuspended, suspensionRefusal } from './suspension.ts';

export interface AuthDeps {
  db: Database;
  clock: Clock;
  signer: AccessTokenSigner;
  throttle: LoginThrottle;
  refreshTokenTtlDays: number;
}

export interface ClientContext {
  ip: string;
  userAgent: string | undefined;
}

/** What a successful sign-in, sign-up, refresh or password change hands back to the route. */
export interface IssuedSession {
  user: User;
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshTokenMaxAgeSeconds: number;
}

export function toPublicUser(row: queries.UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    bio: row.bio,
    locale: isSupportedLocale(row.locale) ? row.locale : 'en',
    avatarUrl: row.avatarUrl,
    roles: row.roles as UserRole[],
    createdAt: row.createdAt.toISOString(),
  };
}

export function createAuthService(deps: AuthDeps) {
  const { db, clock, signer, throttle } = deps;
  const refreshLifetimeMs = deps.refreshTokenTtlDays * 24 * 3600 * 1000;

  /** Starts a new refresh-token family (a session) and issues its first tokens. */
  /**
   * The account an e-mail and password open, throttled per address and client: an unknown e-mail and
   * a wrong password take the same path, the same time (a dummy hash is verified) and the same answer.
   */
  async function checkedCredentials(
    input: { email: string; password: string },
    ip: string,
    isTrustedDevice: (user: queries.UserRow | undefined) => boolean,
  ): Promise<queries.UserRow> {
    const user = await queries.findUserByEmail(db, input.email);
    const attempt = { email: input.email, ip, trustedDevice: isTrustedDevice(user) };
    await throttle.check(attempt);
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
    if (!user || !valid) {
      await throttle.recordFailure(attempt);
      throw new AppError('invalid_credentials');
    }
    await throttle.recordSuccess(attempt);
    return user;
  }

  async function startSession(user: queries.UserRow, client: ClientContext, database: Database = db): Promise<IssuedSession> {
    const now = clock.now();
    const sessionId = crypto.randomUUID();
    const refreshToken = newRefreshToken();
    const expiresAt = new Date(now.getTime() + refreshLifetimeMs);
    await database.transaction(async (tx) => {
      await queries.insertSession(tx, {
        id: sessionId,
        userId: user.id,
        createdAt: now,
        lastUsedAt: now,
        expiresAt,
        userAgent: client.userAgent?.slice(0, 512) ?? null,
      });
      await queries.insertRefreshToken(tx, { tokenHash: hashRefreshToken(refreshToken), sessionId, createdAt: now, expiresAt });
    });
    return {
      user: toPublicUser(user),
      accessToken: await signer.issue({ userId: user.id, sessionId }, now),
      expiresIn: signer.ttlSeconds,
      refreshToken,
      refreshTokenMaxAgeSeconds: Math.floor(refreshLifetimeMs / 1000),
    };
  }

  function refuseCommonPassword(password: string) {
    if (isCommonPassword(password)) throw new AppError('password_too_common');
  }

  return {
    async register(
      input: { email: string; password: string; displayName: string; locale?: SupportedLocale | undefined },
      client: ClientContext,
    ): Promise<IssuedSession> {
      refuseCommonPassword(input.password);
      const now = clock.now();
      const passwordHash = await hashPassword(input.password);
      let user: queries.UserRow;
      try {
        user = await queries.insertUser(db, {
          id: crypto.randomUUID(),
          email: input.email,
          passwordHash,
          displayName: input.displayName,
          locale: input.locale ?? 'en',
          roles: [],
          createdAt: now,
          updatedAt: now,
          passwordChangedAt: now,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('email_taken', { cause: error });
        throw error;
      }
      return startSession(user, client);
    },

    /**
     * Unknown e-mail and wrong password take the same path, the same time (a dummy hash is verified)
     * and the same answer, so sign-in reveals nothing about which accounts exist.
     */
    async login(
      input: { email: string; password: string },
      client: ClientContext & { trustedDeviceUserId: string | undefined },
    ): Promise<IssuedSession> {
      const user = await checkedCredentials(input, client.ip, (found) => found !== undefined && client.trustedDeviceUserId === found.id);
      // Only someone who knows the password learns the account is suspended.
      if (isSuspended(user, clock.now())) throw suspensionRefusal(user);
      return startSession(user, client);
    },

    /**
     * For an appeal against a suspension (the person cannot sign in): the suspended account these
     * credentials open. Same throttling and same answer for wrong credentials as sign-in.
     */
    async suspendedAccount(input: { email: string; password: string }, client: ClientContext): Promise<string> {
      const user = await checkedCredentials(input, client.ip, () => false);
      if (!isSuspended(user, clock.now())) throw new AppError('account_not_suspended');
      return user.id;
    },

    /**
     * Rotates a refresh token. Presenting a token that was already rotated means it was copied — the
     * whole family is revoked, so the thief's copy and the victim's both stop working — with one
     * exception: while the token its rotation issued has never been presented, its holder never got
     * it (the answer was lost: a dropped connection, a phone going offline mid-request, two tabs
     * refreshing at once). Then that unused token is taken back and a new one issued, so a lost answer
     * never signs anyone out. A thief cannot hide behind this: the victim's next refresh presents the
     * token taken back, which revokes the session.
     */
    async refresh(presented: string | undefined): Promise<IssuedSession> {
      if (!looksLikeRefreshToken(presented)) throw new AppError('refresh_token_invalid');
      const now = clock.now();
      const tokenHash = hashRefreshToken(presented);
      const found = await queries.findRefreshToken(db, tokenHash);
      if (!found) throw new AppError('refresh_token_invalid');
      const { token, session } = found;
      if (session.revokedAt) throw new AppError('refresh_token_invalid');
      if (token.expiresAt <= now || session.expiresAt <= now) throw new AppError('refresh_token_invalid');
      const user = await queries.findUserById(db, session.userId);
      if (!user) throw new AppError('refresh_token_invalid');
      if (isSuspended(user, now)) throw suspensionRefusal(user);
      const refreshToken = newRefreshToken();
      const newHash = hashRefreshToken(refreshToken);
      // One transaction: a concurrent refresh with the same token waits for this one's row lock, then
      // finds the token used and its replacement already written.
      const rotated = await db.transaction(async (tx) => {
        if (!(await queries.markRefreshTokenUsed(tx, tokenHash, newHash, now)) && !(await queries.replaceUnusedSuccessor(tx, tokenHash, newHash, now))) {
          await queries.revokeSession(tx, session.id, now, 'refresh_token_reused');
          return false;
        }
        await queries.insertRefreshToken(tx, {
          tokenHash: newHash,
          sessionId: session.id,
          createdAt: now,
          // Rotation never extends the session's absolute lifetime.
          expiresAt: session.expiresAt,
        });
        await queries.touchSession(tx, session.id, now);
        return true;
      });
      if (!rotated) throw new AppError('refresh_token_reused');
      return {
        user: toPublicUser(user),
        accessToken: await signer.issue({ userId: user.id, sessionId: session.id }, now),
        expiresIn: signer.ttlSeconds,
        refreshToken,
        refreshTokenMaxAgeSeconds: Math.max(0, Math.floor((session.expiresAt.getTime() - now.getTime()) / 1000)),
      };
    },

    /** Ends the session named by the access token and/or the refresh cookie. Idempotent. */
    async logout(input: { sessionId?: string | undefined; userId?: string | undefined; refreshToken?: string | undefined }): Promise<void> {
      const now = clock.now();
      if (input.sessionId) await queries.revokeSession(db, input.sessionId, now, 'logout');
      if (looksLikeRefreshToken(input.refreshToken)) {
        const found = await queries.findRefreshToken(db, hashRefreshToken(input.refreshToken));
        // A cookie only ends its own session, and only the signed-in user's when both are given.
        if (found && (!input.userId || found.session.userId === input.userId)) {
          await queries.revokeSession(db, found.session.id, now, 'logout');
        }
      }
    },

    /** Checks an access token's session is still live (logout and password change end it at once). */
    async authenticate(token: string): Promise<{ userId: string; sessionId: string }> {
      const now = clock.now();
      const claims = await signer.verify(token, now);
      const session = await queries.findLiveSession(db, claims.sessionId, claims.userId, now);
      if (!session) throw new AppError('session_revoked');
      return claims;
    },

    async getProfile(userId: string): Promise<User> {
      const user = await queries.findUserById(db, userId);
      if (!user) throw new AppError('not_found');
      return toPublicUser(user);
    },

    async updateProfile(userId: string, changes: UpdateProfileRequest): Promise<User> {
      const user = await queries.updateUser(db, userId, {
        ...(changes.displayName !== undefined && { displayName: changes.displayName }),
        ...(changes.bio !== undefined && { bio: changes.bio }),
        ...(changes.locale !== undefined && { locale: changes.locale }),
        ...(changes.avatarUrl !== undefined && { avatarUrl: changes.avatarUrl }),
        ...(changes.roles !== undefined && { roles: [...new Set(changes.roles)] }),
        updatedAt: clock.now(),
      });
      if (!user) throw new AppError('not_found');
      return toPublicUser(user);
    },

    /** Changes the password and signs out every session, then starts a fresh one for the caller. */
    async changePassword(userId: string, input: ChangePasswordRequest, client: ClientContext): Promise<IssuedSession> {
      const user = await queries.findUserById(db, userId);
      if (!user) throw new AppError('not_found');
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new AppError('wrong_password');
      refuseCommonPassword(input.newPassword);
      const now = clock.now();
      const passwordHash = await hashPassword(input.newPassword);
      const updated = await db.transaction(async (tx) => {
        const row = await queries.updateUser(tx, userId, { passwordHash, passwordChangedAt: now, updatedAt: now });
        await queries.revokeAllSessions(tx, userId, now, 'password_changed');
        return row;
      });
      if (!updated) throw new AppError('not_found');
      return startSession(updated, client);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
