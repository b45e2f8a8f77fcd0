import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received, with its form body decoded into nested objects. */
export interface FakeStripeRequest {
  method: string;
  path: string;
  params: Record<string, unknown>;
  idempotencyKey: string | undefined;
}

type Json = Record<string, unknown>;

/** Decodes Stripe's form encoding (`line_items[0][price_data][currency]=usd`) into nested objects and arrays. */
export function decodeForm(body: string): Json {
  const root: Json = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const parts = key.replace(/\]/g, '').split('[');
    let node: Record<string, unknown> = root;
    parts.forEach((part, index) => {
      if (index === parts.length - 1) node[part] = value;
      else node = (node[part] ??= /^\d+$/.test(parts[index + 1]!) ? [] : {}) as Record<string, unknown>;
    });
  }
  return root;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A local stand-in for api.stripe.com, just the endpoints the app calls: checkout sessions, customers,
 * subscriptions (create, retrieve, update, cancel) and refunds. The real `stripe` SDK talks to it
 * (STRIPE_API_BASE); tests read `requests`, and can make the next calls fail with `failNext`.
 */
export async function startFakeStripe() {
  const requests: FakeStripeRequest[] = [];
  const subscriptions = new Map<string, Json>();
  const sessions = new Map<string, Json>();
  const refundsByKey = new Map<string, Json>();
  let counter = 0;
  let failures = 0;
  const deletedCustomers = new Set<string>();
  // Unique across fakes and runs, as Stripe's ids are: a database that outlives one fake (the CI's
  // PostgreSQL under the browser suite) must never see a session id twice.
  const run = randomBytes(6).toString('hex');
  const id = (prefix: string) => `${prefix}_fake_${run}_${++counter}`;

  const server: Server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const url = new URL(request.url ?? '/', 'http://localhost');
      const params = decodeForm(body);
      const idempotencyKey = request.headers['idempotency-key'] as string | undefined;
      requests.push({ method: request.method ?? '', path: url.pathname, params, idempotencyKey });
      const send = (status: number, json: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req') });
        response.end(JSON.stringify(json));
      };
      if (failures > 0) {
        failures--;
        return send(500, { error: { type: 'api_error', message: 'fake outage' } });
      }
      const route = `${request.method} ${url.pathname}`;
      const subscriptionMatch = /^\/v1\/subscriptions\/([^/]+)$/.exec(url.pathname);
      if (route === 'POST /v1/checkout/sessions') {
        const sessionId = id('cs');
        const session = {
          id: sessionId,
          object: 'checkout.session',
          mode: params.mode,
          status: 'open',
          payment_status: 'unpaid',
          url: `https://checkout.stripe.test/c/pay/${sessionId}`,
          // Stripe's default: a session stays open for 24 hours.
          expires_at: Math.floor(Date.now() / 1000) + 24 * 3600,
          payment_intent: params.mode === 'payment' ? id('pi') : null,
          metadata: params.metadata ?? {},
          client_reference_id: params.client_reference_id ?? null,
        };
        sessions.set(sessionId, session);
        return send(200, session);
      }
      const expireMatch = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(url.pathname);
      if (expireMatch && request.method === 'POST') {
        const session = sessions.get(expireMatch[1]!);
        if (!session) return send(404, { error: { type: 'invalid_request_error', code: 'resource_missing' } });
        // As Stripe: only an open session can be expired.
        if (session.status !== 'open') return send(400, { error: { type: 'invalid_request_error', message: `Only Checkout Sessions with a status of open can be expired. This session has a status of ${String(session.status)}.` } });
        session.status = 'expired';
        session.url = null;
        return send(200, session);
      }
      if (route === 'POST /v1/billing_portal/sessions') {
        return send(200, { id: id('bps'), object: 'billing_portal.session', customer: params.customer, return_url: params.return_url ?? null, url: `https://billing.stripe.test/p/session/${id('live')}` });
      }
      if (route === 'POST /v1/customers') return send(200, { id: id('cus'), object: 'customer', email: params.email, metadata: params.metadata ?? {} });
      const customerMatch = /^\/v1\/customers\/([^/]+)$/.exec(url.pathname);
      if (customerMatch && deletedCustomers.has(customerMatch[1]!)) return send(404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such customer: '${customerMatch[1]}'` } });
      if (customerMatch && request.method === 'POST') return send(200, { id: customerMatch[1], object: 'customer', email: params.email, metadata: params.metadata ?? {} });
      if (route === 'POST /v1/subscriptions') {
        const subscription = { id: id('sub'), object: 'subscription', status: 'incomplete', customer: params.customer, metadata: params.metadata ?? {}, cancel_at_period_end: false, items: { object: 'list', data: [{ id: id('si'), price: { id: id('price'), product: id('prod'), recurring: { interval: 'month' } } }] } };
        subscriptions.set(subscription.id, subscription);
        return send(200, subscription);
      }
      if (subscriptionMatch && request.method === 'GET') {
        const found = subscriptions.get(subscriptionMatch[1]!);
        return found ? send(200, found) : send(404, { error: { type: 'invalid_request_error', code: 'resource_missing' } });
      }
      if (subscriptionMatch && request.method === 'POST') {
        const found = subscriptions.get(subscriptionMatch[1]!);
        if (!found) return send(404, { error: { type: 'invalid_request_error', code: 'resource_missing' } });
        if ('cancel_at_period_end' in params) found.cancel_at_period_end = params.cancel_at_period_end === 'true';
        if (params.metadata) found.metadata = params.metadata;
        return send(200, found);
      }
      if (subscriptionMatch && request.method === 'DELETE') {
        const found = subscriptions.get(subscriptionMatch[1]!);
        if (!found) return send(404, { error: { type: 'invalid_request_error', code: 'resource_missing' } });
        found.status = 'canceled';
        return send(200, found);
      }
      if (route === 'POST /v1/refunds') {
        // Stripe replays the first answer for a repeated idempotency key; so does the fake.
        const existing = idempotencyKey ? refundsByKey.get(idempotencyKey) : undefined;
        if (existing) return send(200, existing);
        const refund = { id: id('re'), object: 'refund', status: 'succeeded', payment_intent: params.payment_intent, amount: params.amount === undefined ? null : Number(params.amount), metadata: params.metadata ?? {} };
        if (idempotencyKey) refundsByKey.set(idempotencyKey, refund);
        return send(200, refund);
      }
      return send(404, { error: { type: 'invalid_request_error', message: `fake stripe has no ${route}` } });
    })().catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    subscriptions,
    /** Distinct refunds made (a replayed idempotency key counts once). */
    refunds: () => [...refundsByKey.values()],
    sessions,
    /** The buyer paid on Stripe's page: the session is complete (its webhook is the test's to send). */
    completeSession(sessionId: string) {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`no session ${sessionId}`);
      session.status = 'complete';
      session.payment_status = 'paid';
      return session;
    },
    /** Also lets a test put a subscription in place, as a Checkout in subscription mode would. */
    addSubscription(subscription: Json) {
      subscriptions.set(String(subscription.id), subscription);
    },
    /** As deleting a customer in Stripe's dashboard: it is then "No such customer" to the API. */
    deleteCustomer(customerId: string) {
      deletedCustomers.add(customerId);
    },
    failNext(count = 1) {
      failures = count;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;
