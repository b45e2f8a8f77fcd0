import { createRoute, z } from '@hono/zod-openapi';
import {
  BeatSplits,
  CheckoutRequest,
  CheckoutResponse,
  Order,
  OrderList,
  PaymentModeResponse,
  PurchaseRequest,
  TestCheckoutRequest,
  UpdateSplitsRequest,
  WebhookAck,
} from '../../../shared/schemas/commerce.ts';
import { createRouter, errorResponses } from '../../http/openapi-hono.ts';
import { requireAuth } from '../auth/require-auth.ts';
import type { AuthService } from '../auth/service.ts';
import type { CheckoutService } from './checkout.ts';
import type { EventHandler } from './event-handler.ts';
import type { PaymentGateway } from './gateway.ts';
import type { SplitsService } from './splits.ts';

const bearer = [{ bearerAuth: [] }];
const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, ...json(schema) } });

const routes = {
  purchase: createRoute({
    method: 'post', path: '/beats/{id}/purchase', tags: ['payments'], security: bearer,
    summary: 'Buy one licence of a beat: a pending order and where to pay (Stripe Checkout, or the test page in test mode)',
    request: { params: z.object({ id: Id }), ...body(PurchaseRequest) },
    responses: { 201: { description: 'Order created', ...json(CheckoutResponse) }, ...errorResponses(401, 404, 409, 422), 502: { description: 'Stripe did not answer' } },
  }),
  checkout: createRoute({
    method: 'post', path: '/checkout', tags: ['payments'], security: bearer,
    summary: 'Check out a cart of {beatId, tier} with an optional coupon code',
    request: body(CheckoutRequest),
    responses: { 201: { description: 'Order created', ...json(CheckoutResponse) }, ...errorResponses(401, 404, 409, 422), 502: { description: 'Stripe did not answer' } },
  }),
  orders: createRoute({
    method: 'get', path: '/orders', tags: ['payments'], security: bearer, summary: 'Your orders, newest first',
    responses: { 200: { description: 'Orders', ...json(OrderList) }, ...errorResponses(401) },
  }),
  order: createRoute({
    method: 'get', path: '/orders/{id}', tags: ['payments'], security: bearer, summary: 'One of your orders',
    request: { params: z.object({ id: Id }) },
    responses: { 200: { description: 'Order', ...json(Order) }, ...errorResponses(401, 404) },
  }),
  cancelOrder: createRoute({
    method: 'post', path: '/orders/{id}/cancel', tags: ['payments'], security: bearer,
    summary: 'Give up on one of your pending orders: its checkout is closed at the provider so it can no longer be paid, and the order is declined',
    request: { params: z.object({ id: Id }) },
    responses: { 200: { description: 'The order afterwards (declined)', ...json(Order) }, ...errorResponses(401, 404, 409), 502: { description: 'Stripe did not answer' } },
  }),
  mode: createRoute({
    method: 'get', path: '/payments/mode', tags: ['payments'], summary: "Whether payments go to Stripe or the app runs in TEST MODE (no money moves)",
    responses: { 200: { description: 'Mode', ...json(PaymentModeResponse) } },
  }),
  webhook: createRoute({
    method: 'post', path: '/payments/webhook', tags: ['payments'],
    summary: 'Stripe webhooks: the signature is checked on the raw body; each event takes effect once',
    request: { headers: z.object({ 'stripe-signature': z.string().max(4000).optional() }) },
    responses: { 200: { description: 'Processed (or already processed)', ...json(WebhookAck) }, ...errorResponses(400), 502: { description: 'A refund could not be made; redeliver' }, 503: { description: 'No webhook secret configured' } },
  }),
  testCheckout: createRoute({
    method: 'post', path: '/payments/test-checkout/{orderId}', tags: ['payments'], security: bearer,
    summary: 'TEST MODE only: pay or decline one of your pending orders, through the same handler as a webhook',
    request: { params: z.object({ orderId: Id }), ...body(TestCheckoutRequest) },
    responses: { 200: { description: 'The order afterwards', ...json(Order) }, ...errorResponses(401, 404, 409, 422) },
  }),
  splits: createRoute({
    method: 'get', path: '/beats/{id}/splits', tags: ['payments'], security: bearer,
    summary: "A beat's collaborator splits (its producer and collaborators)",
    request: { params: z.object({ id: Id }) },
    responses: { 200: { description: 'Splits', ...json(BeatSplits) }, ...errorResponses(401, 403, 404) },
  }),
  updateSplits: createRoute({
    method: 'put', path: '/beats/{id}/splits', tags: ['payments'], security: bearer,
    summary: 'Set the splits of your beat: user ids and percentages summing to exactly 100',
    request: { params: z.object({ id: Id }), ...body(UpdateSplitsRequest) },
    responses: { 200: { description: 'Splits', ...json(BeatSplits) }, ...errorResponses(401, 403, 404, 422) },
  }),
  ledger: createRoute({
    method: 'get', path: '/ledger.csv', tags: ['payments'], security: bearer,
    summary: 'Your earnings ledger as CSV: sales of your beats and your collaborator shares, after the platform fee',
    responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(401) },
  }),
};

/** The origin the buyer comes back to from Stripe: PUBLIC_ORIGIN when set, else the request's own. */
const originOf = (configured: string | undefined, url: string) => configured ?? new URL(url).origin;

/** Mounted at /api, before the beats routes. */
export function paymentRoutes(deps: { auth: AuthService; checkout: CheckoutService; events: EventHandler; gateway: PaymentGateway; splits: SplitsService; publicOrigin: string | undefined }) {
  const { checkout, splits } = deps;
  const router = createRouter();
  const signedIn = requireAuth(deps.auth);
  router.on(['POST'], ['/beats/:id/purchase', '/checkout', '/payments/test-checkout/*', '/orders/:id/cancel'], signedIn);
  router.on(['GET', 'PUT'], '/beats/:id/splits', signedIn);
  router.on(['GET'], ['/orders', '/orders/*', '/ledger.csv'], signedIn);
  const me = (c: { get(key: 'auth'): { userId: string } }) => c.get('auth').userId;

  router.openapi(routes.purchase, async (c) => {
    const { tier, couponCode } = c.req.valid('json');
    const request = { items: [{ beatId: c.req.valid('param').id, tier }], ...(couponCode !== undefined && { couponCode }) };
    return c.json(await checkout.checkout(me(c), request, originOf(deps.publicOrigin, c.req.url)), 201);
  });
  router.openapi(routes.checkout, async (c) => c.json(await checkout.checkout(me(c), c.req.valid('json'), originOf(deps.publicOrigin, c.req.url)), 201));
  router.openapi(routes.orders, async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json(await checkout.orders(me(c)), 200);
  });
  router.openapi(routes.order, async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json(await checkout.order(me(c), c.req.valid('param').id), 200);
  });
  router.openapi(routes.cancelOrder, async (c) => c.json(await checkout.cancel(me(c), c.req.valid('param').id), 200));
  router.openapi(routes.mode, (c) => c.json({ mode: deps.gateway.mode }, 200));
  router.openapi(routes.webhook, async (c) => {
    // The signature covers the exact bytes sent: read the raw text, never re-serialised JSON.
    const raw = await c.req.text();
    const event = deps.gateway.verifyWebhook(raw, c.req.valid('header')['stripe-signature']);
    const { duplicate } = await deps.events.handle(event);
    return c.json({ received: true as const, duplicate }, 200);
  });
  router.openapi(routes.testCheckout, async (c) => c.json(await checkout.testCheckout(me(c), c.req.valid('param').orderId, c.req.valid('json').outcome), 200));
  router.openapi(routes.splits, async (c) => c.json(await splits.get(me(c), c.req.valid('param').id), 200));
  router.openapi(routes.updateSplits, async (c) => c.json(await splits.put(me(c), c.req.valid('param').id, c.req.valid('json')), 200));
  router.openapi(routes.ledger, async (c) => {
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="ledger.csv"');
    c.header('Cache-Control', 'private, no-store');
    return c.body(await splits.ledgerCsv(me(c)), 200);
  });
  return router;
}
