import { createRoute, z } from '@hono/zod-openapi';
import { SaleListQuery, SalePage, SaleRefundResult } from '../../../shared/schemas/commerce.ts';
import { createRouter, errorResponses } from '../../http/openapi-hono.ts';
import { requireAuth } from '../auth/require-auth.ts';
import type { AuthService } from '../auth/service.ts';
import type { SalesService } from './sales.ts';

const bearer = [{ bearerAuth: [] }];
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const tags = ['payments'];

const routes = {
  list: createRoute({
    method: 'get', path: '/', tags, security: bearer,
    summary: 'Your sold licences, newest first (refunded ones marked), and whether you can refund each here',
    request: { query: SaleListQuery },
    responses: { 200: { description: 'A page of sales', ...json(SalePage) }, ...errorResponses(400, 401, 422) },
  }),
  refund: createRoute({
    method: 'post', path: '/{orderId}/refund', tags, security: bearer,
    summary: 'Refund a sale in full: at once in TEST MODE; with Stripe, through Stripe, taking effect when its webhook confirms',
    request: { params: z.object({ orderId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) }) },
    responses: { 200: { description: 'Refunded, or requested from Stripe', ...json(SaleRefundResult) }, ...errorResponses(401, 404, 409), 502: { description: 'Stripe could not be reached; nothing changed' } },
  }),
};

/** `/api/sales`: the producer's side of orders. */
export function salesRoutes(deps: { auth: AuthService; sales: SalesService }) {
  const router = createRouter();
  router.use('*', requireAuth(deps.auth));
  const me = (c: { get(key: 'auth'): { userId: string } }) => c.get('auth').userId;
  router.openapi(routes.list, async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json(await deps.sales.list(me(c), c.req.valid('query')), 200);
  });
  router.openapi(routes.refund, async (c) => c.json(await deps.sales.refund(me(c), c.req.valid('param').orderId), 200));
  return router;
}
