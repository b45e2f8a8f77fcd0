import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { PasswordResetConfirm, PasswordResetRequest } from '../../../shared/schemas/auth.ts';
import { AppError } from '../../errors/app-error.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { linkOriginOf } from '../../http/link-origin.ts';
import { createRouter, errorResponses } from '../../http/openapi-hono.ts';
import { tryConsume, type RateLimiterFactory } from '../../platform/rate-limiters.ts';
import type { PasswordResetService } from './password-reset.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const tags = ['auth'];

const routes = {
  request: createRoute({
    method: 'post', path: '/password-reset', tags,
    summary: 'Forgot your password: e-mails a link to choose a new one, if an account uses the address',
    description: 'Always 202 with the same body: the answer does not say whether the account exists. The link works once, for 30 minutes.',
    request: { body: { required: true, ...json(PasswordResetRequest) } },
    responses: { 202: { description: 'Accepted', ...json(z.object({ accepted: z.literal(true) })) }, ...errorResponses(413, 415, 422, 429, 503) },
  }),
  confirm: createRoute({
    method: 'post', path: '/password-reset/confirm', tags,
    summary: 'Chooses a new password with the token from the e-mailed link; signs out every session',
    request: { body: { required: true, ...json(PasswordResetConfirm) } },
    responses: { 204: { description: 'Password changed: sign in with it' }, ...errorResponses(400, 413, 415, 422, 429) },
  }),
};

/** `/api/auth/password-reset*`: forgot-your-password, for people signed out. */
export function passwordResetRoutes(deps: { passwordResets: PasswordResetService; limiters: RateLimiterFactory; publicOrigin: string | undefined }) {
  const router = createRouter();
  // Per address: a handful of e-mails an hour, so nobody floods someone's inbox through us. Past it
  // the answer stays the same and nothing is sent (saying "too many" would confirm the account).
  const perAddress = deps.limiters.create({ keyPrefix: 'reset-email', points: 3, durationSeconds: 3600 });
  const perClient = deps.limiters.create({ keyPrefix: 'reset-ip', points: 20, durationSeconds: 3600 });
  const limitClient = async (c: Context<AppEnv>) => {
    const limit = await tryConsume(perClient, c.get('clientIp'));
    if (!limit.allowed) throw new AppError('rate_limited', { params: { seconds: limit.retryAfterSeconds }, headers: { 'Retry-After': String(limit.retryAfterSeconds) } });
  };

  router.openapi(routes.request, async (c) => {
    const origin = linkOriginOf(c.req.url, deps.publicOrigin);
    // No origin to trust for the link: say so rather than mail a link that may point anywhere.
    if (!origin) throw new AppError('password_reset_unavailable');
    await limitClient(c);
    const { email } = c.req.valid('json');
    if ((await tryConsume(perAddress, email)).allowed) await deps.passwordResets.request(email, origin);
    c.header('Cache-Control', 'no-store');
    return c.json({ accepted: true as const }, 202);
  });

  router.openapi(routes.confirm, async (c) => {
    // Guessing tokens is hopeless (256 bits), but each try costs a database lookup: bounded per client.
    await limitClient(c);
    await deps.passwordResets.confirm(c.req.valid('json'), c.get('clientIp'));
    return c.body(null, 204);
  });
  return router;
}
