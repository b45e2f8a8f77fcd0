import { createRoute, z } from '@hono/zod-openapi';
import { MyStorefront, ProducerProfile, UpdateStorefrontRequest } from '../../../shared/schemas/storefronts.ts';
import { createRouter, errorResponses } from '../../http/openapi-hono.ts';
import { requireAuth } from '../auth/require-auth.ts';
import type { AuthService } from '../auth/service.ts';
import type { StorefrontsService } from './service.ts';

const bearer = [{ bearerAuth: [] }];
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const tags = ['storefronts'];
const Params = z.object({ id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) });

const routes = {
  profile: createRoute({
    method: 'get', path: '/producers/{id}', tags,
    summary: "A producer's public page: name, bio, avatar, roles and (on Pro) their storefront",
    request: { params: Params },
    responses: { 200: { description: 'The producer', ...json(ProducerProfile) }, ...errorResponses(404, 422) },
  }),
  mine: createRoute({
    method: 'get', path: '/storefront', tags, security: bearer,
    summary: 'Your storefront as saved, and whether your plan shows it',
    responses: { 200: { description: 'Your storefront', ...json(MyStorefront) }, ...errorResponses(401) },
  }),
  update: createRoute({
    method: 'put', path: '/storefront', tags, security: bearer,
    summary: 'Save your storefront (Pro): headline, accent, up to three https links, a featured published beat',
    request: { body: { required: true, ...json(UpdateStorefrontRequest) } },
    responses: { 200: { description: 'Saved', ...json(MyStorefront) }, ...errorResponses(401, 403, 413, 415, 422) },
  }),
};

/** `/api/producers/{id}` (public) and `/api/storefront` (the signed-in producer's own). */
export function storefrontRoutes(deps: { auth: AuthService; storefronts: StorefrontsService }) {
  const { storefronts } = deps;
  const router = createRouter();
  router.use('/storefront', requireAuth(deps.auth));
  router.openapi(routes.profile, async (c) => {
    // Public and cheap to serve stale for a moment; a plan change shows within a minute.
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(await storefronts.profile(c.req.valid('param').id), 200);
  });
  router.openapi(routes.mine, async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json(await storefronts.mine(c.get('auth').userId), 200);
  });
  router.openapi(routes.update, async (c) => c.json(await storefronts.update(c.get('auth').userId, c.req.valid('json')), 200));
  return router;
}
