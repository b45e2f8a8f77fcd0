import { createRoute, type z } from '@hono/zod-openapi';
import { EmailChangeAccepted, EmailChangeConfirm, EmailChanged, EmailChangeRequest } from '../../../shared/schemas/auth.ts';
import { AppError } from '../../errors/app-error.ts';
import { linkOriginOf } from '../../http/link-origin.ts';
import { createRouter, errorResponses } from '../../http/openapi-hono.ts';
import { tryConsume, type RateLimiterFactory } from '../../platform/rate-limiters.ts';
import type { EmailChangeService } from './email-change.ts';
import { requireAuth } from './require-auth.ts';
import type { AuthService } from './service.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const tags = ['auth'];

const routes = {
  request: createRoute({
    method: 'post', path: '/email-change', tags, security: [{ bearerAuth: [] }],
    summary: 'Moves your account to another e-mail address, once the link sent there is opened',
    description: 'Confirmed with your password. Nothing changes until the link e-mailed to the new address is opened (it works once, for 24 hours; a newer request voids it). The current address is told.',
    request: { body: { required: true, ...json(EmailChangeRequest) } },
    responses: { 202: { description: 'The link is on its way', ...json(EmailChangeAccepted) }, ...errorResponses(401, 403, 409, 413, 415, 422, 429, 503) },
  }),
  confirm: createRoute({
    method: 'post', path: '/email-change/confirm', tags,
    summary: 'Makes the change with the token from the e-mailed link (signed in or not); a way-back link restores the old address and signs every session out',
    request: { body: { required: true, ...json(EmailChangeConfirm) } },
    responses: { 200: { description: 'The account now uses this address', ...json(EmailChanged) }, ...errorResponses(400, 409, 413, 415, 422, 429, 503) },
  }),
};

const throttled = (seconds: number) => new AppError('rate_limited', { params: { seconds }, headers: { 'Retry-After': String(seconds) } });

/** `/api/auth/email-change*`. */
export function emailChangeRoutes(deps: { auth: AuthService; emailChanges: EmailChangeService; limiters: RateLimiterFactory; publicOrigin: string | undefined }) {
  const router = createRouter();
  // Each request mails an address the asker chose: a few an hour per account and per address, so
  // nobody floods an inbox through us.
  const perAccount = deps.limiters.create({ keyPrefix: 'email-change-user', points: 5, durationSeconds: 3600 });
  const perAddress = deps.limiters.create({ keyPrefix: 'email-change-to', points: 3, durationSeconds: 3600 });
  const perClient = deps.limiters.create({ keyPrefix: 'email-change-ip', points: 20, durationSeconds: 3600 });
  router.use('/email-change', requireAuth(deps.auth));

  router.openapi(routes.request, async (c) => {
    const origin = linkOriginOf(c.req.url, deps.publicOrigin);
    if (!origin) throw new AppError('email_change_unavailable');
    const userId = c.get('auth').userId;
    const request = c.req.valid('json');
    for (const [limiter, key] of [[perAccount, userId], [perAddress, request.newEmail]] as const) {
      const limit = await tryConsume(limiter, key);
      if (!limit.allowed) throw throttled(limit.retryAfterSeconds);
    }
    c.header('Cache-Control', 'no-store');
    return c.json(await deps.emailChanges.request(userId, request, origin), 202);
  });

  router.openapi(routes.confirm, async (c) => {
    // Guessing tokens is hopeless (256 bits), but each try costs a database lookup: bounded per client.
    const limit = await tryConsume(perClient, c.get('clientIp'));
    if (!limit.allowed) throw throttled(limit.retryAfterSeconds);
    c.header('Cache-Control', 'no-store');
    // The e-mails a change sends carry links (the way back), as the request's did.
    const origin = linkOriginOf(c.req.url, deps.publicOrigin);
    if (!origin) throw new AppError('email_change_unavailable');
    return c.json(await deps.emailChanges.confirm(c.req.valid('json').token, origin), 200);
  });
  return router;
}
