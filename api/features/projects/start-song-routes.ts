import { createRoute, z } from '@hono/zod-openapi';
import { StartSongResponse } from '../../../shared/schemas/projects.ts';
import { createRouter, errorResponses } from '../../http/openapi-hono.ts';
import { requireAuth } from '../auth/require-auth.ts';
import type { AuthService } from '../auth/service.ts';
import type { StartSongService } from './start-song.ts';

const LicenceParams = z.object({ id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) });
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const startSong = createRoute({
  method: 'post',
  path: '/licences/{id}/start-song',
  tags: ['projects', 'licences'],
  security: [{ bearerAuth: [] }],
  summary:
    "Start a song with a licensed beat (the licence's buyer): a project titled after the beat, the beat as the first track of its mix and the licence terms in the song. Idempotent: the licence's project again, with 200",
  request: { params: LicenceParams },
  responses: {
    201: { description: 'Project created', ...json(StartSongResponse) },
    200: { description: 'The project this licence started before', ...json(StartSongResponse) },
    ...errorResponses(401, 403, 404, 410),
  },
});

/** Mounted at /api beside the licence routes. */
export function startSongRoutes(deps: { auth: AuthService; startSong: StartSongService }) {
  const router = createRouter();
  router.use('/licences/:id/start-song', requireAuth(deps.auth));
  router.openapi(startSong, async (c) => {
    const result = await deps.startSong.startSong(c.get('auth').userId, c.req.valid('param').id);
    c.header('Cache-Control', 'no-store');
    return result.created ? c.json(result, 201) : c.json(result, 200);
  });
  return router;
}
