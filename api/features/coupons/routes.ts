import { createRoute, z } from '@hono/zod-openapi';
import { Coupon, CouponList, CreateCouponRequest } from '../../../shared/schemas/commerce.ts';
import { createRouter, errorResponses } from '../../http/openapi-hono.ts';
import { requireAuth } from '../auth/require-auth.ts';
import type { AuthService } from '../auth/service.ts';
import type { CouponsService } from './service.ts';

const bearer = [{ bearerAuth: [] }];
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const routes = {
  list: createRoute({
    method: 'get', path: '/', tags: ['coupons'], security: bearer, summary: 'Your coupons',
    responses: { 200: { description: 'Coupons', ...json(CouponList) }, ...errorResponses(401) },
  }),
  create: createRoute({
    method: 'post', path: '/', tags: ['coupons'], security: bearer,
    summary: 'Create a coupon for your beats: percent or amount off, optional expiry and use limit; codes are case-insensitive',
    request: { body: { required: true, ...json(CreateCouponRequest) } },
    responses: { 201: { description: 'Created', ...json(Coupon) }, ...errorResponses(401, 409, 422) },
  }),
  remove: createRoute({
    method: 'delete', path: '/{id}', tags: ['coupons'], security: bearer, summary: 'Delete one of your coupons',
    request: { params: z.object({ id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) }) },
    responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 404) },
  }),
};

export function couponRoutes(deps: { auth: AuthService; coupons: CouponsService }) {
  const router = createRouter();
  router.use('*', requireAuth(deps.auth));
  const me = (c: { get(key: 'auth'): { userId: string } }) => c.get('auth').userId;
  router.openapi(routes.list, async (c) => c.json(await deps.coupons.list(me(c)), 200));
  router.openapi(routes.create, async (c) => c.json(await deps.coupons.create(me(c), c.req.valid('json')), 201));
  router.openapi(routes.remove, async (c) => {
    await deps.coupons.remove(me(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  return router;
}
