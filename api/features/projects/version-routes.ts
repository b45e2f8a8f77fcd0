import { createRoute, z } from '@hono/zod-openapi';
import {
  CreateVersionRequest,
  LyricsComparison,
  ProjectVersion,
  ProjectVersionDetail,
  ProjectVersionList,
} from '../../../shared/schemas/projects.ts';
import { createRouter, errorResponses } from '../../http/openapi-hono.ts';
import { requireAuth } from '../auth/require-auth.ts';
import type { AuthService } from '../auth/service.ts';
import type { VersionsService } from './versions.ts';

const bearer = [{ bearerAuth: [] }];
const ProjectParams = z.object({ id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) });
const VersionParams = ProjectParams.extend({ versionId: z.string().min(1).max(64) });
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const routes = {
  create: createRoute({
    method: 'post', path: '/{id}/versions', tags: ['versions'], summary: 'Name a version of the song now (owner or editor)', security: bearer,
    request: { params: ProjectParams, body: { required: true, ...json(CreateVersionRequest) } },
    responses: { 201: { description: 'Saved', ...json(ProjectVersion) }, ...errorResponses(401, 403, 404, 422) },
  }),
  list: createRoute({
    method: 'get', path: '/{id}/versions', tags: ['versions'], summary: 'Versions, newest first', security: bearer,
    request: { params: ProjectParams },
    responses: { 200: { description: 'Versions', ...json(ProjectVersionList) }, ...errorResponses(401, 404) },
  }),
  compare: createRoute({
    method: 'get', path: '/{id}/versions/compare', tags: ['versions'], summary: 'Line diff of the lyrics of two versions (or `current`)', security: bearer,
    request: { params: ProjectParams, query: z.object({ from: z.string().min(1).max(64), to: z.string().min(1).max(64).default('current') }) },
    responses: { 200: { description: 'Comparison', ...json(LyricsComparison) }, ...errorResponses(401, 404) },
  }),
  get: createRoute({
    method: 'get', path: '/{id}/versions/{versionId}', tags: ['versions'], summary: 'One version, to open read-only', security: bearer,
    request: { params: VersionParams },
    responses: { 200: { description: 'Version', ...json(ProjectVersionDetail) }, ...errorResponses(401, 404) },
  }),
  restore: createRoute({
    method: 'post', path: '/{id}/versions/{versionId}/restore', tags: ['versions'],
    summary: 'Restore a version as a new change on top (owner or editor); what was there is saved first as a `before_restore` version', security: bearer,
    request: { params: VersionParams },
    responses: {
      200: { description: 'Restored', ...json(z.object({ restored: ProjectVersion, backup: ProjectVersion }).meta({ id: 'RestoreResult' })) },
      ...errorResponses(401, 403, 404),
    },
  }),
};

export function versionRoutes(deps: { auth: AuthService; versions: VersionsService }) {
  const { versions } = deps;
  const router = createRouter();
  // Scoped to the version paths: this router shares /api/projects with the projects router.
  const authenticated = requireAuth(deps.auth);
  router.use('/:id/versions', authenticated);
  router.use('/:id/versions/*', authenticated);
  const me = (c: { get(key: 'auth'): { userId: string } }) => c.get('auth').userId;
  router.openapi(routes.create, async (c) => c.json(await versions.create(me(c), c.req.valid('param').id, c.req.valid('json').name), 201));
  router.openapi(routes.list, async (c) => c.json({ versions: await versions.list(me(c), c.req.valid('param').id) }, 200));
  router.openapi(routes.compare, async (c) => {
    const { from, to } = c.req.valid('query');
    return c.json(await versions.compare(me(c), c.req.valid('param').id, from, to), 200);
  });
  router.openapi(routes.get, async (c) => {
    const { id, versionId } = c.req.valid('param');
    return c.json(await versions.get(me(c), id, versionId), 200);
  });
  router.openapi(routes.restore, async (c) => {
    const { id, versionId } = c.req.valid('param');
    return c.json(await versions.restore(me(c), id, versionId), 200);
  });
  return router;
}
