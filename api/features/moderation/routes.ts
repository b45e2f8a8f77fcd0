import { createRoute, z } from '@hono/zod-openapi';
import {
  AppealStatus,
  AppealStatusRequest,
  ModerationReport,
  ModerationReportPage,
  ModerationReportQuery,
  RejectAppealRequest,
  ReviewReportRequest,
  SuspendAccountRequest,
  SuspensionAppealRequest,
  SuspensionList,
} from '../../../shared/schemas/moderation.ts';
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
    summary: 'Moderators: close an open report as resolved or dismissed, with a note; resolving can remove the message and suspend the account',
    request: { params: Params, body: { required: true, ...json(ReviewReportRequest) } },
    responses: { 200: { description: 'The reviewed report', ...json(ModerationReport) }, ...errorResponses(401, 403, 404, 409, 422) },
  }),
  suspensions: createRoute({
    method: 'get', path: '/suspensions', tags, security: bearer,
    summary: 'Moderators: suspended accounts, the latest first',
    responses: { 200: { description: 'Suspended accounts', ...json(SuspensionList) }, ...errorResponses(401, 403) },
  }),
  suspend: createRoute({
    method: 'post', path: '/suspensions', tags, security: bearer,
    summary: 'Moderators: suspend an account (no sign-in, sessions and sockets closed, its beats and presets withheld from the store)',
    request: { body: { required: true, ...json(SuspendAccountRequest) } },
    responses: { 204: { description: 'Suspended' }, ...errorResponses(401, 403, 404, 409, 422) },
  }),
  rejectAppeal: createRoute({
    method: 'post', path: '/suspensions/{id}/appeal-rejection', tags, security: bearer,
    summary: 'Moderators: turn down the suspended account’s open appeal; the person is e-mailed the response (granting it is lifting the suspension)',
    request: { params: Params, body: { required: true, ...json(RejectAppealRequest) } },
    responses: { 204: { description: 'Rejected and told' }, ...errorResponses(401, 403, 404, 409, 422) },
  }),
  reinstate: createRoute({
    method: 'delete', path: '/suspensions/{id}', tags, security: bearer,
    summary: 'Moderators: lift a suspension (its withheld beats and presets are published again; an open appeal is granted)',
    request: { params: Params },
    responses: { 204: { description: 'Reinstated' }, ...errorResponses(401, 403, 404, 409) },
  }),
};

/** `/api/moderation`: the report queue and suspensions, for the accounts named in MODERATOR_EMAILS. */
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
  router.openapi(routes.suspensions, async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json(await moderation.suspensions(me(c)), 200);
  });
  router.openapi(routes.suspend, async (c) => {
    await moderation.suspend(me(c), c.req.valid('json'));
    return c.body(null, 204);
  });
  router.openapi(routes.rejectAppeal, async (c) => {
    await moderation.rejectAppeal(me(c), c.req.valid('param').id, c.req.valid('json').response);
    return c.body(null, 204);
  });
  router.openapi(routes.reinstate, async (c) => {
    await moderation.reinstate(me(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  return router;
}

const appealRoute = createRoute({
  method: 'post', path: '/suspension-appeal', tags: ['auth', ...tags],
  summary: 'A suspended person appeals against the suspension, with their e-mail and password (they cannot sign in); one open appeal at a time',
  request: { body: { required: true, ...json(SuspensionAppealRequest) } },
  responses: { 202: { description: 'Filed; the person is e-mailed a confirmation and, later, the decision' }, ...errorResponses(401, 409, 422, 429) },
});

const appealStatusRoute = createRoute({
  method: 'post', path: '/suspension-appeal/status', tags: ['auth', ...tags],
  summary: 'A suspended person asks how their appeal against the suspension in force stands, with their e-mail and password (POST, so the password is never in a URL)',
  request: { body: { required: true, ...json(AppealStatusRequest) } },
  responses: { 200: { description: 'Their latest appeal of this suspension, or null', ...json(AppealStatus) }, ...errorResponses(401, 409, 422, 429) },
});

/** `/api/auth/suspension-appeal`: public (the appellant has no session); credentials are checked like a sign-in. */
export function appealRoutes(deps: { auth: AuthService; moderation: ModerationService }) {
  const router = createRouter();
  router.openapi(appealRoute, async (c) => {
    const { email, password, message } = c.req.valid('json');
    const accountId = await deps.auth.suspendedAccount({ email, password }, { ip: c.get('clientIp'), userAgent: c.req.header('user-agent') });
    await deps.moderation.appeal(accountId, message);
    return c.body(null, 202);
  });
  router.openapi(appealStatusRoute, async (c) => {
    const accountId = await deps.auth.suspendedAccount(c.req.valid('json'), { ip: c.get('clientIp'), userAgent: c.req.header('user-agent') });
    c.header('Cache-Control', 'private, no-store');
    return c.json(await deps.moderation.appealStatus(accountId), 200);
  });
  return router;
}
