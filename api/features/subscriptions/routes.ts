import { createRoute, type z } from '@hono/zod-openapi';
import { BillingPortal, PlanList, SubscribeRequest, SubscribeResponse, SubscriptionStatus, UpgradeRequest } from '../../../shared/schemas/commerce.ts';
import { createRouter, errorResponses } from '../../http/openapi-hono.ts';
import { requireAuth } from '../auth/require-auth.ts';
import type { AuthService } from '../auth/service.ts';
import type { SubscriptionsService } from './service.ts';

const bearer = [{ bearerAuth: [] }];
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const routes = {
  plans: createRoute({
    method: 'get', path: '/plans', tags: ['subscriptions'], summary: 'Free and Pro: prices, upload limits, platform fees',
    responses: { 200: { description: 'Plans', ...json(PlanList) } },
  }),
  subscribe: createRoute({
    method: 'post', path: '/subscribe', tags: ['subscriptions'], security: bearer,
    summary: 'Subscribe to Pro: a Stripe Checkout URL (Pro once Stripe confirms), or Pro at once in test mode. During a cancelled period it keeps the paid subscription going instead (no checkout); after a failed renewal it is 409 subscription_payment_failed (update the card through the billing portal)',
    request: { body: { required: true, ...json(SubscribeRequest) } },
    responses: { 200: { description: 'Subscribing', ...json(SubscribeResponse) }, ...errorResponses(401, 409, 422), 502: { description: 'Stripe did not answer' } },
  }),
  upgrade: createRoute({
    method: 'put', path: '/upgrade', tags: ['subscriptions'], security: bearer,
    summary: 'Change the Pro billing interval (prorated) and undo a pending cancellation',
    request: { body: { required: true, ...json(UpgradeRequest) } },
    responses: { 200: { description: 'Status', ...json(SubscriptionStatus) }, ...errorResponses(401, 404, 422), 502: { description: 'Stripe did not answer' } },
  }),
  cancel: createRoute({
    method: 'delete', path: '/cancel', tags: ['subscriptions'], security: bearer,
    summary: 'Cancel at the end of the paid period',
    responses: { 200: { description: 'Status', ...json(SubscriptionStatus) }, ...errorResponses(401, 404), 502: { description: 'Stripe did not answer' } },
  }),
  billingPortal: createRoute({
    method: 'post', path: '/billing-portal', tags: ['subscriptions'], security: bearer,
    summary: "Stripe's customer portal for your plan: update the card (after a failed renewal), see invoices",
    responses: { 200: { description: 'Where to go', ...json(BillingPortal) }, ...errorResponses(401, 404), 502: { description: 'Stripe did not answer' }, 503: { description: 'TEST MODE: there is no billing to manage' } },
  }),
  status: createRoute({
    method: 'get', path: '/status', tags: ['subscriptions'], security: bearer, summary: 'Your plan, its status, uploads used and fee',
    responses: { 200: { description: 'Status', ...json(SubscriptionStatus) }, ...errorResponses(401) },
  }),
};

export function subscriptionRoutes(deps: { auth: AuthService; subscriptions: SubscriptionsService; publicOrigin: string | undefined }) {
  const { subscriptions } = deps;
  const router = createRouter();
  router.on(['GET', 'POST', 'PUT', 'DELETE'], ['/subscribe', '/upgrade', '/cancel', '/status', '/billing-portal'], requireAuth(deps.auth));
  const me = (c: { get(key: 'auth'): { userId: string } }) => c.get('auth').userId;
  router.openapi(routes.plans, (c) => c.json(subscriptions.plans(), 200));
  router.openapi(routes.subscribe, async (c) =>
    c.json(await subscriptions.subscribe(me(c), c.req.valid('json'), deps.publicOrigin ?? new URL(c.req.url).origin), 200),
  );
  router.openapi(routes.billingPortal, async (c) => c.json(await subscriptions.billingPortal(me(c), deps.publicOrigin ?? new URL(c.req.url).origin), 200));
  router.openapi(routes.upgrade, async (c) => c.json(await subscriptions.upgrade(me(c), c.req.valid('json')), 200));
  router.openapi(routes.cancel, async (c) => c.json(await subscriptions.cancel(me(c)), 200));
  router.openapi(routes.status, async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json(await subscriptions.status(me(c)), 200);
  });
  return router;
}
