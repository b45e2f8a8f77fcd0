import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../errors/app-error.ts';
import { createRouter, errorResponses } from '../../http/openapi-hono.ts';

const Health = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
const Ready = z
  .object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']), redis: z.enum(['connected', 'not_configured']) })
  .meta({ id: 'Ready' });

export interface HealthDeps {
  database: { kind: 'pglite' | 'postgres'; ping(): Promise<void> };
  /** Undefined when Redis is not configured. */
  pingRedis: (() => Promise<void>) | undefined;
}

/** Liveness says the process answers; readiness says its database (and Redis, when configured) do too. */
export function healthRoutes(deps: HealthDeps) {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get',
      path: '/health',
      tags: ['operations'],
      summary: 'Liveness: the process is up',
      responses: { 200: { description: 'Alive', content: { 'application/json': { schema: Health } } } },
    }),
    (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ status: 'ok' as const }, 200);
    },
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/ready',
      tags: ['operations'],
      summary: 'Readiness: the database (and Redis, when configured) answer',
      responses: {
        200: { description: 'Ready', content: { 'application/json': { schema: Ready } } },
        ...errorResponses(503),
      },
    }),
    async (c) => {
      c.header('Cache-Control', 'no-store');
      try {
        await deps.database.ping();
        await deps.pingRedis?.();
      } catch (error) {
        throw new AppError('not_ready', { cause: error });
      }
      return c.json(
        { status: 'ready' as const, database: deps.database.kind, redis: deps.pingRedis ? ('connected' as const) : ('not_configured' as const) },
        200,
      );
    },
  );
  return router;
}
