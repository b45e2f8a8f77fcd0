import { createRoute, z } from '@hono/zod-openapi';
import { ModerationReport, ModerationReportPage, ModerationReportQuery, ReviewReportRequest } from '../../../shared/schemas/moderation.ts';
import { createRouter, errorResponses } from '../../http/openapi-hono.ts';
import { requireAuth } from '../auth/require-auth.ts';
import type { AuthService } from '../auth/service.ts';
import type { ModerationService } from './service.ts';

const bearer = [{ bearerAuth: [] }];
const Params = z.object({ id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) });
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const tags = ['moderation'];

const routes = {
  reports: createRoute({
    method: 'get', path: '/reports', tags, security: bearer,
    summary: 'Moderators: reports by status (open by default), oldest first, with the reported message as it was',
    request: { query: ModerationReportQuery },
    responses: { 200: { description: 'A page of reports', ...json(ModerationReportPage) }, ...errorResponses(400, 401, 403, 422) },
  }),
  review: createRoute({
    method: 'put', path: '/reports/{id}', tags, security: bearer,
    summary: 'Moderators: close an open report as resolved or dismissed, with a note',
    request: { params: Params, body: { required: true, ...json(ReviewReportRequest) } },
    responses: { 200: { description: 'The reviewed report', ...json(ModerationReport) }, ...errorResponses(401, 403, 404, 409, 422) },
  }),
};

/** `/api/moderation`: the report queue, for the accounts named in MODERATOR_EMAILS. */
export function moderationRoutes(deps: { auth: AuthService; moderation: ModerationService }) {
  const { moderation } = deps;
  const router = createRouter();
  router.use('*', requireAuth(deps.auth));
  const me = (c: { get(key: 'auth'): { userId: string } }) => c.get('auth').userId;

  router.openapi(routes.reports, async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json(await moderation.reports(me(c), c.req.valid('query')), 200);
  });
  router.openapi(routes.review, async (c) => c.json(await moderation.review(me(c), c.req.valid('param').id, c.req.valid('json')), 200));
  return router;
}
