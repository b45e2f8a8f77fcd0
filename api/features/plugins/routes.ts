import { createRoute, z } from '@hono/zod-openapi';
import { ApplyPresetResponse, Preset, PresetInput, PresetPage, PresetSearchQuery } from '../../../shared/schemas/plugins.ts';
import { createRouter, errorResponses } from '../../http/openapi-hono.ts';
import { requireAuth } from '../auth/require-auth.ts';
import type { AuthService } from '../auth/service.ts';
import { optionalAuth } from '../beats/routes.ts';
import type { PluginsService } from './service.ts';

const bearer = [{ bearerAuth: [] }];
const optionalBearer: Record<string, string[]>[] = [{ bearerAuth: [] }, {}];
const Params = z.object({ id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) });
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, ...json(schema) } });
const tags = ['plugins'];

const routes = {
  search: createRoute({
    method: 'get', path: '/', tags, security: optionalBearer,
    summary: 'Browse published mixer presets (channel strips, mastering chains); ?author=<id> lists one author, with drafts for that author',
    request: { query: PresetSearchQuery },
    responses: { 200: { description: 'One page', ...json(PresetPage) }, ...errorResponses(400, 401, 422) },
  }),
  create: createRoute({
    method: 'post', path: '/', tags, security: bearer,
    summary: 'Create a draft preset; every parameter must lie within the console’s range (422 names the field otherwise)',
    request: body(PresetInput),
    responses: { 201: { description: 'Created', ...json(Preset) }, ...errorResponses(401, 422) },
  }),
  get: createRoute({
    method: 'get', path: '/{id}', tags, security: optionalBearer, summary: 'One preset (drafts only for their author)',
    request: { params: Params },
    responses: { 200: { description: 'Preset', ...json(Preset) }, ...errorResponses(401, 404) },
  }),
  update: createRoute({
    method: 'put', path: '/{id}', tags, security: bearer, summary: 'Replace a preset (its author)',
    request: { params: Params, ...body(PresetInput) },
    responses: { 200: { description: 'Updated', ...json(Preset) }, ...errorResponses(401, 403, 404, 422) },
  }),
  publish: createRoute({
    method: 'post', path: '/{id}/publish', tags, security: bearer, summary: 'List a preset in the catalogue',
    request: { params: Params },
    responses: { 200: { description: 'Published', ...json(Preset) }, ...errorResponses(401, 403, 404) },
  }),
  unpublish: createRoute({
    method: 'post', path: '/{id}/unpublish', tags, security: bearer, summary: 'Take a preset back to draft',
    request: { params: Params },
    responses: { 200: { description: 'Unpublished', ...json(Preset) }, ...errorResponses(401, 403, 404) },
  }),
  remove: createRoute({
    method: 'delete', path: '/{id}', tags, security: bearer, summary: 'Delete a preset (its author)',
    request: { params: Params },
    responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404) },
  }),
  apply: createRoute({
    method: 'post', path: '/{id}/apply', tags, security: bearer, summary: 'Apply a preset: returns it and counts you once in its install count',
    request: { params: Params },
    responses: { 200: { description: 'The preset to apply', ...json(ApplyPresetResponse) }, ...errorResponses(401, 404) },
  }),
};

export function pluginRoutes(deps: { auth: AuthService; plugins: PluginsService }) {
  const { plugins } = deps;
  const router = createRouter();
  router.on(['POST', 'PUT', 'DELETE'], ['/', '/:id', '/:id/*'], requireAuth(deps.auth));
  router.on(['GET', 'HEAD'], ['/', '/:id'], optionalAuth(deps.auth));
  const me = (c: { get(key: 'auth'): { userId: string } }) => c.get('auth').userId;
  const viewer = (c: { get(key: 'auth'): { userId: string } | undefined }) => c.get('auth')?.userId;

  router.openapi(routes.search, async (c) => {
    c.header('Cache-Control', c.get('auth') ? 'private, no-store' : 'public, max-age=30');
    return c.json(await plugins.search(viewer(c), c.req.valid('query')), 200);
  });
  router.openapi(routes.create, async (c) => c.json(await plugins.create(me(c), c.req.valid('json')), 201));
  router.openapi(routes.get, async (c) => c.json(await plugins.get(viewer(c), c.req.valid('param').id), 200));
  router.openapi(routes.update, async (c) => c.json(await plugins.update(me(c), c.req.valid('param').id, c.req.valid('json')), 200));
  router.openapi(routes.publish, async (c) => c.json(await plugins.setPublished(me(c), c.req.valid('param').id, true), 200));
  router.openapi(routes.unpublish, async (c) => c.json(await plugins.setPublished(me(c), c.req.valid('param').id, false), 200));
  router.openapi(routes.remove, async (c) => {
    await plugins.remove(me(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  router.openapi(routes.apply, async (c) => c.json(await plugins.apply(me(c), c.req.valid('param').id), 200));
  return router;
}
