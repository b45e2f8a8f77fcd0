import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';

export interface LimiterOptions {
  /** Distinguishes the counters of one limiter from another's in a shared Redis. */
  keyPrefix: string;
  points: number;
  durationSeconds: number;
}

/**
 * Makes rate limiters: in process memory on one instance, in Redis when several instances must
 * share one budget per client (otherwise each instance would grant the full budget again).
 */
export interface RateLimiterFactory {
  create(options: LimiterOptions): RateLimiterAbstract;
}

export function createRateLimiterFactory(redis: Redis | undefined): RateLimiterFactory {
  return {
    create({ keyPrefix, points, durationSeconds }) {
      if (redis) {
        return new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: `cs:rl:${keyPrefix}`,
          points,
          duration: durationSeconds,
          // Redis down must not take sign-in down with it: fall back to per-instance counting.
          insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: durationSeconds }),
        });
      }
      return new RateLimiterMemory({ keyPrefix, points, duration: durationSeconds });
    },
  };
}

/**
 * Consumes points and tells whether the budget held. rate-limiter-flexible rejects with a
 * RateLimiterRes when the budget is spent and with an Error when the store failed; only the
 * first is an answer, the second is rethrown.
 */
export async function tryConsume(
  limiter: RateLimiterAbstract,
  key: string,
  points = 1,
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  try {
    await limiter.consume(key, points);
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
    throw rejection;
  }
}

/** Whether a key has already spent its budget, without spending anything. */
export async function isExhausted(
  limiter: RateLimiterAbstract,
  key: string,
): Promise<{ exhausted: false } | { exhausted: true; retryAfterSeconds: number }> {
  const state = await limiter.get(key);
  if (state && state.consumedPoints >= limiter.points) {
    return { exhausted: true, retryAfterSeconds: Math.max(1, Math.ceil(state.msBeforeNext / 1000)) };
  }
  return { exhausted: false };
}
