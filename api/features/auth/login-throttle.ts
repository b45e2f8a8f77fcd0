import type { RateLimiterFactory } from '../../platform/rate-limiters.ts';
import { isExhausted, tryConsume } from '../../platform/rate-limiters.ts';
import { AppError } from '../../errors/app-error.ts';

/**
 * Sign-in throttling that an attacker cannot turn into a lockout of somebody else.
 *
 * - Per IP: bounds how fast one source can guess across many accounts.
 * - Per account *and* IP: a handful of failures slows that source down for that account only.
 * - Per account across all IPs: a distributed guessing attack on one account is slowed down,
 *   but only for sign-ins that do not present a valid device cookie of that account. The owner,
 *   who signed in from this browser before, keeps getting in (OWASP's "device cookie" scheme).
 *
 * Only failures count, so a user who types the password right is never throttled by their own use.
 */
export interface LoginThrottleLimits {
  failuresPerIp: number;
  failuresPerAccountAndIp: number;
  failuresPerAccount: number;
  windowSeconds: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleLimits = {
  failuresPerIp: 50,
  failuresPerAccountAndIp: 5,
  failuresPerAccount: 30,
  windowSeconds: 15 * 60,
};

export interface LoginAttempt {
  email: string;
  ip: string;
  /** True when the request carried a valid device cookie for this e-mail's account. */
  trustedDevice: boolean;
}

export function createLoginThrottle(factory: RateLimiterFactory, limits: LoginThrottleLimits = DEFAULT_LOGIN_THROTTLE) {
  const perIp = factory.create({ keyPrefix: 'login-ip', points: limits.failuresPerIp, durationSeconds: limits.windowSeconds });
  const perPair = factory.create({
    keyPrefix: 'login-pair',
    points: limits.failuresPerAccountAndIp,
    durationSeconds: limits.windowSeconds,
  });
  const perAccount = factory.create({
    keyPrefix: 'login-account',
    points: limits.failuresPerAccount,
    durationSeconds: limits.windowSeconds,
  });
  const pairKey = (attempt: LoginAttempt) => `${attempt.email}|${attempt.ip}`;

  const refuse = (retryAfterSeconds: number) =>
    new AppError('login_throttled', {
      params: { seconds: retryAfterSeconds },
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });

  return {
    /** Throws login_throttled when this attempt must wait; call before checking the password. */
    async check(attempt: LoginAttempt): Promise<void> {
      const checks = [isExhausted(perIp, attempt.ip), isExhausted(perPair, pairKey(attempt))];
      if (!attempt.trustedDevice) checks.push(isExhausted(perAccount, attempt.email));
      for (const result of await Promise.all(checks)) {
        if (result.exhausted) throw refuse(result.retryAfterSeconds);
      }
    },
    async recordFailure(attempt: LoginAttempt): Promise<void> {
      await Promise.all([
        tryConsume(perIp, attempt.ip),
        tryConsume(perPair, pairKey(attempt)),
        tryConsume(perAccount, attempt.email),
      ]);
    },
    /** A success clears this source's failures for the account; the account-wide count decays on its own. */
    async recordSuccess(attempt: LoginAttempt): Promise<void> {
      await perPair.delete(pairKey(attempt));
    },
    /**
     * The owner just set a new password from an e-mailed link: failures against the old one mean
     * nothing now, so the account-wide count and this source's count start afresh (per-IP stays).
     */
    async forgiveAccount(email: string, ip: string): Promise<void> {
      await Promise.all([perAccount.delete(email), perPair.delete(pairKey({ email, ip, trustedDevice: false }))]);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
