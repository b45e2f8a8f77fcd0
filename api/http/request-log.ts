import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../platform/logger.ts';

/**
 * One structured line per request. The query string is left out on purpose: it can carry
 * secrets (sync tickets, signed download links) that must never reach a log.
 */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logger.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
