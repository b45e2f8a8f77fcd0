import { createRoute, z } from '@hono/zod-openapi';
import {
  AnalyticsQuery,
  AnalyticsSummary,
  AnalyticsTimeSeries,
  AnalyticsTopBeats,
  AnalyticsTopCountries,
  AnalyticsTopQuery,
  RecordPlayResponse,
} from '../../../shared/schemas/analytics.ts';
import { createRouter, errorResponses } from '../../http/openapi-hono.ts';
import { requireAuth } from '../auth/require-auth.ts';
import type { AuthService } from '../auth/service.ts';
import { optionalAuth } from '../beats/routes.ts';
import type { AnalyticsService } from './service.ts';

const bearer = [{ bearerAuth: [] }];
const optionalBearer: Record<string, string[]>[] = [{ bearerAuth: [] }, {}];
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const tags = ['analytics'];
const BeatParams = z.object({ id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) });

const routes = {
  summary: createRoute({
    method: 'get', path: '/summary', tags, security: bearer,
    summary: 'Your totals over a date range: plays, unique listeners, downloads, sales, revenue, conversion',
    request: { query: AnalyticsQuery },
    responses: { 200: { description: 'Totals', ...json(AnalyticsSummary) }, ...errorResponses(401, 404, 422) },
  }),
  timeSeries: createRoute({
    method: 'get', path: '/timeseries', tags, security: bearer, summary: 'Your numbers per UTC day, every day of the range (zero-filled)',
    request: { query: AnalyticsQuery },
    responses: { 200: { description: 'Days', ...json(AnalyticsTimeSeries) }, ...errorResponses(401, 404, 422) },
  }),
  topBeats: createRoute({
    method: 'get', path: '/top-beats', tags, security: bearer, summary: 'Your beats with the most plays in the range',
    request: { query: AnalyticsTopQuery },
    responses: { 200: { description: 'Beats', ...json(AnalyticsTopBeats) }, ...errorResponses(401, 404, 422) },
  }),
  topCountries: createRoute({
    method: 'get', path: '/top-countries', tags, security: bearer, summary: 'Where your listeners are, by plays',
    request: { query: AnalyticsTopQuery },
    responses: { 200: { description: 'Countries', ...json(AnalyticsTopCountries) }, ...errorResponses(401, 404, 422) },
  }),
  exportCsv: createRoute({
    method: 'get', path: '/export.csv', tags, security: bearer,
    summary: 'Your numbers per beat per day as CSV (date, beat_id, beat_title, plays, unique_listeners, downloads, sales, revenue)',
    request: { query: AnalyticsQuery },
    responses: { 200: { description: 'CSV file', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(401, 404, 422) },
  }),
};

/** `/api/analytics`: a producer's own numbers, never anyone else's (the producer is the caller). */
export function analyticsRoutes(deps: { auth: AuthService; analytics: AnalyticsService }) {
  const { analytics } = deps;
  const router = createRouter();
  router.use('*', requireAuth(deps.auth));
  router.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'private, no-store');
  });
  const me = (c: { get(key: 'auth'): { userId: string } }) => c.get('auth').userId;
  router.openapi(routes.summary, async (c) => c.json(await analytics.summary(me(c), c.req.valid('query')), 200));
  router.openapi(routes.timeSeries, async (c) => c.json(await analytics.timeSeries(me(c), c.req.valid('query')), 200));
  router.openapi(routes.topBeats, async (c) => c.json(await analytics.topBeats(me(c), c.req.valid('query')), 200));
  router.openapi(routes.topCountries, async (c) => c.json(await analytics.topCountries(me(c), c.req.valid('query')), 200));
  router.openapi(routes.exportCsv, async (c) => {
    const file = await analytics.exportCsv(me(c), c.req.valid('query'));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${file.filename}"`);
    return c.body(file.body, 200);
  });
  return router;
}

const recordPlay = createRoute({
  method: 'post', path: '/{id}/plays', tags: ['beats', 'analytics'], security: optionalBearer,
  summary: 'Count a play of a published beat: once per listener per UTC day (signed in: the account; guests: a salted hash of address and browser)',
  request: { params: BeatParams },
  responses: { 200: { description: 'Whether it counted, and the play counter', ...json(RecordPlayResponse) }, ...errorResponses(401, 404) },
});

/**
 * `POST /api/beats/{id}/plays`, open to guests. Mounted on /api/beats before the beats router, whose
 * POST routes all require a signed-in caller.
 */
export function playRoutes(deps: { auth: AuthService; analytics: AnalyticsService }) {
  const router = createRouter();
  router.use('/:id/plays', optionalAuth(deps.auth));
  router.openapi(recordPlay, async (c) => {
    const result = await deps.analytics.recordPlay(c.req.valid('param').id, {
      userId: c.get('auth')?.userId,
      ip: c.get('clientIp'),
      userAgent: c.req.header('user-agent') ?? '',
      cfIpCountry: c.req.header('cf-ipcountry'),
      xCountry: c.req.header('x-country'),
    });
    c.header('Cache-Control', 'no-store');
    return c.json(result, 200);
  });
  return router;
}
