import { createRoute, z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { Beat, BeatPage, BeatSearchQuery, BEAT_AUDIO_TYPES, CreateBeatRequest, UpdateBeatRequest } from '../../../shared/schemas/beats.ts';
import { AppError } from '../../errors/app-error.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { createRouter, errorResponses } from '../../http/openapi-hono.ts';
import { bearerToken, requireAuth } from '../auth/require-auth.ts';
import type { AuthService } from '../auth/service.ts';
import { parseRange } from './byte-range.ts';
import type { BeatsService } from './service.ts';

const bearer = [{ bearerAuth: [] }];
const optionalBearer: Record<string, string[]>[] = [{ bearerAuth: [] }, {}];
const BeatParams = z.object({ id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) });
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, ...json(schema) } });
const binary = z.string().meta({ format: 'binary' });

const routes = {
  search: createRoute({
    method: 'get', path: '/', tags: ['beats'], security: optionalBearer,
    summary: 'Search published beats (full text, filters, facets, sorts, cursor pages); ?producer=<id> is a storefront, with drafts for its producer',
    request: { query: BeatSearchQuery },
    responses: { 200: { description: 'One page', ...json(BeatPage) }, ...errorResponses(400, 401, 422) },
  }),
  create: createRoute({
    method: 'post', path: '/', tags: ['beats'], summary: 'Create a draft beat from its metadata; upload the audio next', security: bearer,
    request: body(CreateBeatRequest),
    responses: { 201: { description: 'Created', ...json(Beat) }, ...errorResponses(401, 413, 415, 422) },
  }),
  get: createRoute({
    method: 'get', path: '/{id}', tags: ['beats'], summary: 'One beat, with its waveform peaks (drafts only for their producer)', security: optionalBearer,
    request: { params: BeatParams },
    responses: { 200: { description: 'Beat', ...json(Beat) }, ...errorResponses(401, 404) },
  }),
  update: createRoute({
    method: 'put', path: '/{id}', tags: ['beats'], summary: "Replace a beat's metadata (its producer)", security: bearer,
    request: { params: BeatParams, ...body(UpdateBeatRequest) },
    responses: { 200: { description: 'Updated', ...json(Beat) }, ...errorResponses(401, 403, 404, 422) },
  }),
  publish: createRoute({
    method: 'post', path: '/{id}/publish', tags: ['beats'], summary: 'List a beat in the marketplace (needs its audio)', security: bearer,
    request: { params: BeatParams },
    responses: { 200: { description: 'Published', ...json(Beat) }, ...errorResponses(401, 403, 404, 409) },
  }),
  unpublish: createRoute({
    method: 'post', path: '/{id}/unpublish', tags: ['beats'], summary: 'Take a beat back to draft', security: bearer,
    request: { params: BeatParams },
    responses: { 200: { description: 'Unpublished', ...json(Beat) }, ...errorResponses(401, 403, 404) },
  }),
  remove: createRoute({
    method: 'delete', path: '/{id}', tags: ['beats'], summary: 'Delete a beat and its audio (its producer); 409 beat_has_licences while buyers hold licences of it', security: bearer,
    request: { params: BeatParams },
    responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404, 409) },
  }),
  upload: createRoute({
    method: 'post', path: '/{id}/audio', tags: ['beats'], security: bearer,
    summary: 'Upload the audio as the raw request body (not multipart); the type is read from the bytes, the file name is ignored',
    request: {
      params: BeatParams,
      body: { required: true, content: Object.fromEntries([...BEAT_AUDIO_TYPES, 'application/octet-stream'].map((type) => [type, { schema: binary }])) },
    },
    responses: { 200: { description: 'Stored; duration, sample rate and peaks read', ...json(Beat) }, ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
  }),
  uploadVoiceTag: createRoute({
    method: 'post', path: '/{id}/voice-tag', tags: ['beats'], security: bearer,
    summary: "Upload the producer's voice tag for this beat as the raw body (WAV or MP3, at most 2 MiB and 6 s); the preview is remade with it",
    request: {
      params: BeatParams,
      body: { required: true, content: Object.fromEntries(['audio/wav', 'audio/mpeg', 'application/octet-stream'].map((type) => [type, { schema: binary }])) },
    },
    responses: { 200: { description: 'Stored; the preview now carries it', ...json(Beat) }, ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
  }),
  removeVoiceTag: createRoute({
    method: 'delete', path: '/{id}/voice-tag', tags: ['beats'], security: bearer,
    summary: 'Go back to the generated tag: the voice tag is deleted and the preview remade',
    request: { params: BeatParams },
    responses: { 200: { description: 'Removed', ...json(Beat) }, ...errorResponses(401, 403, 404) },
  }),
  preview: createRoute({
    method: 'get', path: '/{id}/preview', tags: ['beats'], security: optionalBearer,
    summary: 'Stream the public preview (a tagged, lower-quality MP3 made at upload; never the master), with Range support (published beats, or the producer’s own draft)',
    request: { params: BeatParams },
    responses: {
      200: { description: 'The whole preview', content: { 'audio/mpeg': { schema: binary } } },
      206: { description: 'The requested range', content: { 'audio/mpeg': { schema: binary } } },
      304: { description: 'The cached copy (If-None-Match) is current' },
      ...errorResponses(401, 404),
      416: { description: 'Range outside the file' },
    },
  }),
};

/** Reads the caller when a bearer token is sent; anonymous otherwise. A bad token is still refused. */
export function optionalAuth(auth: AuthService) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    if (header) {
      const token = bearerToken(header);
      if (!token) throw new AppError('invalid_token');
      c.set('auth', await auth.authenticate(token));
    }
    await next();
  });
}

export function beatRoutes(deps: { auth: AuthService; beats: BeatsService }) {
  const { beats } = deps;
  const router = createRouter();
  const signedIn = requireAuth(deps.auth);
  const maybeSignedIn = optionalAuth(deps.auth);
  router.on(['POST', 'PUT', 'DELETE'], ['/', '/:id', '/:id/*'], signedIn);
  router.on(['GET', 'HEAD'], ['/', '/:id', '/:id/*'], maybeSignedIn);
  const me = (c: { get(key: 'auth'): { userId: string } }) => c.get('auth').userId;
  const viewer = (c: { get(key: 'auth'): { userId: string } | undefined }) => c.get('auth')?.userId;

  router.openapi(routes.search, async (c) => {
    const page = await beats.search(viewer(c), c.req.valid('query'));
    // Personal (drafts) pages must not be shared by caches; public ones may be briefly.
    c.header('Cache-Control', c.get('auth') ? 'private, no-store' : 'public, max-age=30');
    return c.json(page, 200);
  });
  router.openapi(routes.create, async (c) => c.json(await beats.create(me(c), c.req.valid('json')), 201));
  router.openapi(routes.get, async (c) => c.json(await beats.get(viewer(c), c.req.valid('param').id), 200));
  router.openapi(routes.update, async (c) => c.json(await beats.update(me(c), c.req.valid('param').id, c.req.valid('json')), 200));
  router.openapi(routes.publish, async (c) => c.json(await beats.setPublished(me(c), c.req.valid('param').id, true), 200));
  router.openapi(routes.unpublish, async (c) => c.json(await beats.setPublished(me(c), c.req.valid('param').id, false), 200));
  router.openapi(routes.remove, async (c) => {
    await beats.remove(me(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  const declaredLength = (c: { req: { header(name: string): string | undefined } }) => {
    const length = c.req.header('content-length');
    return length !== undefined && /^\d+$/.test(length) ? Number(length) : undefined;
  };
  router.openapi(routes.upload, async (c) => c.json(await beats.uploadAudio(me(c), c.req.valid('param').id, c.req.raw.body, declaredLength(c)), 200));
  router.openapi(routes.uploadVoiceTag, async (c) => c.json(await beats.uploadVoiceTag(me(c), c.req.valid('param').id, c.req.raw.body, declaredLength(c)), 200));
  router.openapi(routes.removeVoiceTag, async (c) => c.json(await beats.removeVoiceTag(me(c), c.req.valid('param').id), 200));
  router.openapi(routes.preview, async (c) => {
    // Drafts and re-uploads must show quickly, so caches keep the audio briefly and revalidate by ETag.
    c.header('Cache-Control', c.get('auth') ? 'private, max-age=60' : 'public, max-age=60');
    const audio = await beats.openPreview(viewer(c), c.req.valid('param').id, {
      isFresh: (etag) => (c.req.header('if-none-match') ?? '').split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag),
      // If-Range: a client resuming with a stale validator gets the whole (new) file, not a mixed one.
      rangeFor: (size, etag) => {
        const ifRange = c.req.header('if-range');
        return ifRange && ifRange !== etag ? undefined : parseRange(c.req.header('range'), size);
      },
    });
    if ('notModified' in audio) {
      c.header('ETag', audio.etag);
      return c.body(null, 304);
    }
    c.header('Content-Type', audio.contentType);
    c.header('Accept-Ranges', 'bytes');
    c.header('ETag', audio.etag);
    c.header('Last-Modified', audio.lastModified.toUTCString());
    if (audio.range) {
      c.header('Content-Range', `bytes ${audio.range.start}-${audio.range.end}/${audio.size}`);
      c.header('Content-Length', String(audio.range.end - audio.range.start + 1));
      return c.body(audio.body, 206);
    }
    c.header('Content-Length', String(audio.size));
    return c.body(audio.body, 200);
  });
  return router;
}
