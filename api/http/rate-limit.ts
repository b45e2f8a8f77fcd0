import { createMiddleware } from 'hono/factory';
import { AppError } from '../errors/app-error.ts';
import type { AppEnv } from './app-env.ts';
import type { RateLimiterFactory } from '../platform/rate-limiters.ts';
import { tryConsume } from '../platform/rate-limiters.ts';

/**
 * The public API budget per IP (the product spec's 100 requests per 15 minutes by default), and a
 * separate, larger budget per signed-in user so a writer is never throttled mid-song because
 * their whole band shares one address. The user is read from the token's claims without a
 * database round trip; the token is fully checked later by requireAuth.
 */
export function rateLimit(options: {
  limiters: RateLimiterFactory;
  windowSeconds: number;
  max: number;
  signedInMax: number;
  userIdFromToken: (authorization: string | undefined) => Promise<string | undefined>;
}) {
  const perIp = options.limiters.create({ keyPrefix: 'api-ip', points: options.max, durationSeconds: options.windowSeconds });
  const perUser = options.limiters.create({ keyPrefix: 'api-user', points: options.signedInMax, durationSeconds: options.windowSeconds });
  return createMiddleware<AppEnv>(async (c, next) => {
    const userId = await options.userIdFromToken(c.req.header('authorization'));
    const result = userId ? await tryConsume(perUser, userId) : await tryConsume(perIp, c.get('clientIp'));
    if (!result.allowed) {
      throw new AppError('rate_limited', {
        params: { seconds: result.retryAfterSeconds },
        headers: { 'Retry-After': String(result.retryAfterSeconds) },
      });
    }
    await next();
  });
}
