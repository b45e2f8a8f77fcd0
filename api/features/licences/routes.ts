import { createRoute, z } from '@hono/zod-openapi';
import { BeatLicences, DownloadLink, DownloadLinks, FreeDownloadRequest, LicenceList, UpdateBeatLicencesRequest } from '../../../shared/schemas/commerce.ts';
import { createRouter, errorResponses } from '../../http/openapi-hono.ts';
import { requireAuth } from '../auth/require-auth.ts';
import type { AuthService } from '../auth/service.ts';
import { optionalAuth } from './optional-auth.ts';
import type { LicencesService } from './service.ts';

const bearer = [{ bearerAuth: [] }];
const optionalBearer: Record<string, string[]>[] = [{ bearerAuth: [] }, {}];
const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const BeatParams = z.object({ id: Id });
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, ...json(schema) } });
const binary = z.string().meta({ format: 'binary' });

const routes = {
  tiers: createRoute({
    method: 'get', path: '/beats/{id}/licences', tags: ['licences'], security: optionalBearer,
    summary: "A beat's licence tiers: price, files, usage caps, whether on sale (read before paying)",
    request: { params: BeatParams },
    responses: { 200: { description: 'Tiers', ...json(BeatLicences) }, ...errorResponses(401, 404) },
  }),
  updateTiers: createRoute({
    method: 'put', path: '/beats/{id}/licences', tags: ['licences'], security: bearer,
    summary: 'Replace the listed tiers of your beat (unlisted tiers keep their terms)',
    request: { params: BeatParams, ...body(UpdateBeatLicencesRequest) },
    responses: { 200: { description: 'Updated', ...json(BeatLicences) }, ...errorResponses(401, 403, 404, 409, 422) },
  }),
  stems: createRoute({
    method: 'post', path: '/beats/{id}/stems', tags: ['licences'], security: bearer,
    summary: 'Upload the stems as a zip, the raw request body; names, entry count and unpacked size are checked before anything is stored',
    request: { params: BeatParams, body: { required: true, content: { 'application/zip': { schema: binary }, 'application/octet-stream': { schema: binary } } } },
    responses: { 200: { description: 'Stored', ...json(BeatLicences) }, ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
  }),
  freeDownload: createRoute({
    method: 'post', path: '/beats/{id}/free-download', tags: ['licences'], security: optionalBearer,
    summary: "Leave an e-mail for the beat's free MP3 (when its producer allows it); returns a short-lived link",
    request: { params: BeatParams, ...body(FreeDownloadRequest) },
    responses: { 200: { description: 'Signed link', ...json(DownloadLink) }, ...errorResponses(401, 404, 409, 422) },
  }),
  list: createRoute({
    method: 'get', path: '/licences', tags: ['licences'], security: bearer,
    summary: 'Licences you bought or sold',
    responses: { 200: { description: 'Licences', ...json(LicenceList) }, ...errorResponses(401) },
  }),
  contract: createRoute({
    method: 'get', path: '/licences/{id}/contract.pdf', tags: ['licences'], security: bearer,
    summary: 'The licence contract as a PDF (buyer and producer)',
    request: { params: BeatParams },
    responses: { 200: { description: 'PDF', content: { 'application/pdf': { schema: binary } } }, ...errorResponses(401, 404, 410) },
  }),
  downloads: createRoute({
    method: 'get', path: '/licences/{id}/downloads', tags: ['licences'], security: bearer,
    summary: "Short-lived signed links to the licence's full-quality files",
    request: { params: BeatParams },
    responses: { 200: { description: 'Links', ...json(DownloadLinks) }, ...errorResponses(401, 404, 410) },
  }),
  download: createRoute({
    method: 'get', path: '/downloads/{token}', tags: ['licences'],
    summary: 'A file behind a signed link (the link is the permission; it expires after 15 minutes)',
    request: { params: z.object({ token: z.string().min(10).max(2000) }) },
    responses: { 200: { description: 'The file', content: { 'application/octet-stream': { schema: binary } } }, ...errorResponses(403, 404, 410) },
  }),
};

/** Mounted at /api, before the beats routes (so the free download needs no sign-in). */
export function licenceRoutes(deps: { auth: AuthService; licences: LicencesService }) {
  const { licences } = deps;
  const router = createRouter();
  const signedIn = requireAuth(deps.auth);
  const maybeSignedIn = optionalAuth(deps.auth);
  router.on(['PUT'], '/beats/:id/licences', signedIn);
  router.on(['GET'], '/beats/:id/licences', maybeSignedIn);
  router.on(['POST'], '/beats/:id/stems', signedIn);
  router.on(['GET'], ['/licences', '/licences/*'], signedIn);
  const me = (c: { get(key: 'auth'): { userId: string } }) => c.get('auth').userId;

  router.openapi(routes.tiers, async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json(await licences.tiers(c.get('auth')?.userId, c.req.valid('param').id), 200);
  });
  router.openapi(routes.updateTiers, async (c) => c.json(await licences.updateTiers(me(c), c.req.valid('param').id, c.req.valid('json')), 200));
  router.openapi(routes.stems, async (c) => {
    const length = c.req.header('content-length');
    const declared = length !== undefined && /^\d+$/.test(length) ? Number(length) : undefined;
    return c.json(await licences.uploadStems(me(c), c.req.valid('param').id, c.req.raw.body, declared), 200);
  });
  router.openapi(routes.freeDownload, async (c) => c.json(await licences.freeDownload(c.req.valid('param').id, c.req.valid('json').email), 200));
  router.openapi(routes.list, async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json(await licences.list(me(c)), 200);
  });
  router.openapi(routes.contract, async (c) => {
    const { pdf, filename } = await licences.contract(me(c), c.req.valid('param').id);
    c.header('Content-Type', 'application/pdf');
    c.header('Content-Disposition', `attachment; filename="${filename}"`);
    c.header('Cache-Control', 'private, no-store');
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200);
  });
  router.openapi(routes.downloads, async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json(await licences.downloads(me(c), c.req.valid('param').id), 200);
  });
  router.openapi(routes.download, async (c) => {
    const { stream, filename } = await licences.openDownload(c.req.valid('param').token);
    c.header('Content-Type', stream.contentType);
    c.header('Content-Length', String(stream.size));
    c.header('Content-Disposition', `attachment; filename="${filename}"`);
    c.header('Cache-Control', 'private, no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.body(stream.body, 200);
  });
  return router;
}
