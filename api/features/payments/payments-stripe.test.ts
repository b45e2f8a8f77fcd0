import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { licences, orders } from '../../db/schema.ts';
import { createStripeTestApp, deliver, publishedBeat, sessionCompleted, stripeSubscription, subscriptionEvent, WEBHOOK_SECRET } from '../../testing/commerce-fixtures.ts';
import type { FakeStripe } from '../../testing/fake-stripe.ts';
import { lastLinkTo } from '../../testing/outbox.ts';
import { call, signUp, TEST_PASSWORD, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';
import { findSubscription } from '../subscriptions/queries.ts';
import { createEventHandler } from './event-handler.ts';
import { gatewayFromConfig } from './commerce.ts';

describe.each(databaseKinds())('payments with Stripe (%s)', (kind) => {
  let t: TestApp;
  let stripe: FakeStripe;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ t, stripe, close } = await createStripeTestApp(kind));
  });
  afterAll(() => close());

  const licencesOf = async (beatId: string) => (await t.database.db.select().from(licences).where(eq(licences.beatId, beatId)));

  /** Checks out one licence and returns what the webhook needs to complete it. */
  async function checkout(token: string, beatId: string, tier = 'basic') {
    const response = await call(t.app, 'POST', `/api/beats/${beatId}/purchase`, { token, body: { tier } });
    expect(response.status, response.text).toBe(201);
    const session = stripe.requests.filter((request) => request.path === '/v1/checkout/sessions').at(-1)!;
    const sessionId = /cs_fake_\w+/.exec(response.json.checkoutUrl)![0];
    const [order] = await t.database.db.select().from(orders).where(eq(orders.id, response.json.order.id));
    return { orderId: response.json.order.id as string, sessionId, paymentIntent: 'pi_for_' + sessionId, amountTotal: order!.totalCents, response, session, order: order! };
  }

  it('creates a pending order and a Stripe Checkout Session through the SDK, and reports stripe mode', async () => {
    expect((await call(t.app, 'GET', '/api/payments/mode')).json).toEqual({ mode: 'stripe' });
    const { beatId } = await publishedBeat(t.app, { price: 25 });
    const buyer = await signUp(t.app);
    const { response, session } = await checkout(buyer.accessToken, beatId, 'premium');
    expect(response.json.mode).toBe('stripe');
    expect(response.json.checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    expect(response.json.order).toMatchObject({ status: 'pending', total: 50, items: [{ beatId, tier: 'premium', price: 50 }] });
    expect(session.params).toMatchObject({ mode: 'payment', metadata: { orderId: response.json.order.id }, line_items: [{ price_data: { unit_amount: '5000', currency: 'usd' } }] });
    expect(session.idempotencyKey).toBe(`checkout-${response.json.order.id}`);
    // Stripe sends the buyer back to the order's own page (web route /orders/:id), paid or not.
    const back = (url: unknown) => `${new URL(String(url)).pathname}${new URL(String(url)).search}`;
    expect(back(session.params.success_url)).toBe(`/orders/${response.json.order.id}?checkout=success`);
    expect(back(session.params.cancel_url)).toBe(`/orders/${response.json.order.id}?checkout=cancelled`);
    expect(await licencesOf(beatId)).toHaveLength(0);
  });

  it('refuses a webhook with a bad signature with 400 and grants nothing', async () => {
    const { beatId } = await publishedBeat(t.app);
    const buyer = await signUp(t.app);
    const order = await checkout(buyer.accessToken, beatId);
    const event = sessionCompleted(order);
    const forged = await deliver(t.app, event, 'whsec_someone_else');
    expect(forged.status).toBe(400);
    expect(forged.json.error.code).toBe('webhook_signature_invalid');
    const unsigned = await call(t.app, 'POST', '/api/payments/webhook', { raw: JSON.stringify(event), headers: { 'content-type': 'application/json' } });
    expect(unsigned.status).toBe(400);
    // A valid signature over different bytes does not verify either.
    const payload = JSON.stringify(event);
    const tampered = await call(t.app, 'POST', '/api/payments/webhook', {
      raw: payload.replace('"paid"', '"paid" '),
      headers: { 'content-type': 'application/json', 'stripe-signature': (await import('stripe')).default.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }) },
    });
    expect(tampered.status).toBe(400);
    expect(await licencesOf(beatId)).toHaveLength(0);
    expect((await call(t.app, 'GET', `/api/orders/${order.orderId}`, { token: buyer.accessToken })).json.status).toBe('pending');
  });

  it('grants once when the same event is delivered twice', async () => {
    const { beatId, producer } = await publishedBeat(t.app);
    const buyer = await signUp(t.app);
    const order = await checkout(buyer.accessToken, beatId);
    const event = sessionCompleted(order);
    const first = await deliver(t.app, event);
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ received: true, duplicate: false });
    const again = await deliver(t.app, event);
    expect(again.json).toEqual({ received: true, duplicate: true });
    // A different event about the same payment (Stripe can send both) grants nothing more either.
    await deliver(t.app, { ...event, id: `${event.id}_other`, type: 'checkout.session.async_payment_succeeded' });
    expect(await licencesOf(beatId)).toHaveLength(1);
    const mine = await call(t.app, 'GET', '/api/licences', { token: buyer.accessToken });
    expect(mine.json.licences).toHaveLength(1);
    expect(mine.json.licences[0]).toMatchObject({ beatId, tier: 'basic', role: 'buyer', producerId: producer.userId });
    expect((await call(t.app, 'GET', `/api/orders/${order.orderId}`, { token: buyer.accessToken })).json.status).toBe('paid');
  });

  it('ignores an expiry that arrives after the payment (events out of order)', async () => {
    const { beatId } = await publishedBeat(t.app);
    const buyer = await signUp(t.app);
    const order = await checkout(buyer.accessToken, beatId);
    await deliver(t.app, sessionCompleted(order));
    const expired = sessionCompleted(order);
    await deliver(t.app, { ...expired, type: 'checkout.session.expired' });
    expect((await call(t.app, 'GET', `/api/orders/${order.orderId}`, { token: buyer.accessToken })).json.status).toBe('paid');
    expect(await licencesOf(beatId)).toHaveLength(1);
  });

  it('cancels a pending order: Stripe expires its session first, the order is declined, and Stripe’s own expiry event changes nothing', async () => {
    const { beatId } = await publishedBeat(t.app);
    const buyer = await signUp(t.app);
    const order = await checkout(buyer.accessToken, beatId);
    const cancel = (token: string) => call(t.app, 'POST', `/api/orders/${order.orderId}/cancel`, { token });
    expect((await cancel((await signUp(t.app)).accessToken)).status).toBe(404);
    expect(stripe.sessions.get(order.sessionId)?.status).toBe('open');
    // While the session is open the buyer can go back to Stripe's page for it; once closed, not.
    expect((await call(t.app, 'GET', `/api/orders/${order.orderId}`, { token: buyer.accessToken })).json.paymentUrl).toBe(order.response.json.checkoutUrl);

    const cancelled = await cancel(buyer.accessToken);
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.json).toMatchObject({ id: order.orderId, status: 'declined', paymentUrl: null });
    expect(stripe.sessions.get(order.sessionId)?.status).toBe('expired');
    expect(stripe.requests.filter((request) => request.path === `/v1/checkout/sessions/${order.sessionId}/expire`)).toHaveLength(1);
    // Stripe then sends its own event about the expiry: recorded, nothing more happens.
    const expired = await deliver(t.app, { ...sessionCompleted(order), type: 'checkout.session.expired' });
    expect(expired.json).toEqual({ received: true, duplicate: false });
    expect((await call(t.app, 'GET', `/api/orders/${order.orderId}`, { token: buyer.accessToken })).json.status).toBe('declined');
    expect((await cancel(buyer.accessToken)).json.error.code).toBe('order_not_pending');
    expect(await licencesOf(beatId)).toHaveLength(0);
  });

  it('offers the payment page of a pending order only until Stripe closes its session', async () => {
    const { beatId } = await publishedBeat(t.app);
    const buyer = await signUp(t.app);
    const order = await checkout(buyer.accessToken, beatId);
    // A day passes: sign in afresh each time, the first access token has long expired.
    const token = async () => (await call(t.app, 'POST', '/api/auth/login', { body: { email: buyer.email, password: TEST_PASSWORD } })).json.accessToken as string;
    const paymentUrl = async () => (await call(t.app, 'GET', `/api/orders/${order.orderId}`, { token: await token() })).json.paymentUrl;
    expect(order.response.json.order.paymentUrl).toBe(order.response.json.checkoutUrl);
    const expiresAt = Number(stripe.sessions.get(order.sessionId)!.expires_at) * 1000;
    t.clock.advance(expiresAt - t.clock.now().getTime() - 1000);
    expect(await paymentUrl()).toBe(order.response.json.checkoutUrl);
    t.clock.advance(2000);
    expect(await paymentUrl()).toBeNull();
    expect((await call(t.app, 'GET', '/api/orders', { token: await token() })).json.orders[0]).toMatchObject({ id: order.orderId, status: 'pending', paymentUrl: null });
  });

  it('refuses to cancel an order already paid on Stripe’s page, whose webhook then grants it', async () => {
    const { beatId } = await publishedBeat(t.app);
    const buyer = await signUp(t.app);
    const order = await checkout(buyer.accessToken, beatId);
    stripe.completeSession(order.sessionId);
    const refused = await call(t.app, 'POST', `/api/orders/${order.orderId}/cancel`, { token: buyer.accessToken });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('order_not_pending');
    expect((await call(t.app, 'GET', `/api/orders/${order.orderId}`, { token: buyer.accessToken })).json.status).toBe('pending');
    await deliver(t.app, sessionCompleted(order));
    expect((await call(t.app, 'GET', `/api/orders/${order.orderId}`, { token: buyer.accessToken })).json.status).toBe('paid');
    expect(await licencesOf(beatId)).toHaveLength(1);
  });

  it('a crash after the grant statements and before commit leaves nothing; the redelivery grants exactly once', async () => {
    const { beatId } = await publishedBeat(t.app);
    const buyer = await signUp(t.app);
    const order = await checkout(buyer.accessToken, beatId, 'exclusive');
    const event = sessionCompleted(order);
    // A second handler on the same database whose transaction dies after every grant statement ran.
    const crashing = createEventHandler({
      db: t.database.db,
      clock: t.clock,
      logger: t.logger,
      gateway: gatewayFromConfig(t.config.payments),
      beforeCommit: async () => {
        // Outside the transaction nothing is visible yet. (PGlite has one connection, held by this transaction: no peek there.)
        if (kind === 'postgres') {
          const [granted] = await t.database.db.select({ n: count() }).from(licences).where(eq(licences.beatId, beatId));
          expect(Number(granted!.n)).toBe(0);
        }
        throw new Error('process killed');
      },
    });
    await expect(crashing.handle(event as never)).rejects.toThrow('process killed');
    expect(await licencesOf(beatId)).toHaveLength(0);
    expect((await call(t.app, 'GET', `/api/beats/${beatId}`)).status).toBe(200);
    const redelivered = await deliver(t.app, event);
    expect(redelivered.json.duplicate).toBe(false);
    await deliver(t.app, event);
    expect(await licencesOf(beatId)).toHaveLength(1);
  });

  it('sells an exclusive once under 20 concurrent checkouts and webhooks; the other 19 are refunded through Stripe', async () => {
    const { beatId, producer } = await publishedBeat(t.app, { price: 10 });
    const buyers = await Promise.all(Array.from({ length: 20 }, () => signUp(t.app)));
    const checkouts = await Promise.all(
      buyers.map(async (buyer) => {
        const response = await call(t.app, 'POST', `/api/beats/${beatId}/purchase`, { token: buyer.accessToken, body: { tier: 'exclusive' } });
        expect(response.status, response.text).toBe(201);
        const sessionId = /cs_fake_\w+/.exec(response.json.checkoutUrl)![0];
        return { orderId: response.json.order.id as string, sessionId, paymentIntent: `pi_${sessionId}`, amountTotal: Math.round(response.json.order.total * 100), buyer };
      }),
    );
    const refundsBefore = stripe.refunds().length;
    const results = await Promise.all(checkouts.map((order) => deliver(t.app, sessionCompleted(order))));
    expect(results.map((result) => result.status)).toEqual(Array(20).fill(200));
    expect(await licencesOf(beatId)).toHaveLength(1);
    const statuses = await Promise.all(checkouts.map(async ({ orderId, buyer }) => (await call(t.app, 'GET', `/api/orders/${orderId}`, { token: buyer.accessToken })).json));
    expect(statuses.filter((order) => order.status === 'paid')).toHaveLength(1);
    const refunded = statuses.filter((order) => order.status === 'refunded');
    expect(refunded).toHaveLength(19);
    expect(refunded.every((order) => order.refundReason === 'exclusive_sold')).toBe(true);
    expect(stripe.refunds().length - refundsBefore).toBe(19);
    // The beat left the market: not listed, not for sale in any tier, and its producer cannot re-list it.
    expect((await call(t.app, 'GET', `/api/beats/${beatId}`)).status).toBe(404);
    const late = await signUp(t.app);
    expect((await call(t.app, 'POST', `/api/beats/${beatId}/purchase`, { token: late.accessToken, body: { tier: 'basic' } })).json.error.code).toBe('exclusive_sold');
    const tiers = await call(t.app, 'GET', `/api/beats/${beatId}/licences`, { token: producer.accessToken });
    expect(tiers.json.exclusiveSold).toBe(true);
    expect(tiers.json.tiers.every((tier: { enabled: boolean }) => !tier.enabled)).toBe(true);
    expect((await call(t.app, 'POST', `/api/beats/${beatId}/publish`, { token: producer.accessToken })).json.error.code).toBe('beat_sold');
  });

  it('retries a refund Stripe failed when the event is redelivered', async () => {
    const { beatId } = await publishedBeat(t.app);
    const [winner, loser] = [await signUp(t.app), await signUp(t.app)];
    const first = await checkout(winner.accessToken, beatId, 'exclusive');
    const second = await checkout(loser.accessToken, beatId, 'exclusive');
    await deliver(t.app, sessionCompleted(first));
    stripe.failNext(3);
    const event = sessionCompleted(second);
    const failed = await deliver(t.app, event);
    expect(failed.status).toBe(502);
    expect((await call(t.app, 'GET', `/api/orders/${second.orderId}`, { token: loser.accessToken })).json.status).toBe('refunding');
    const retried = await deliver(t.app, event);
    expect(retried.json.duplicate).toBe(true);
    expect((await call(t.app, 'GET', `/api/orders/${second.orderId}`, { token: loser.accessToken })).json.status).toBe('refunded');
  });

  it('drives the subscription from webhooks, whatever order they arrive in', async () => {
    const producer = await signUp(t.app);
    const subscribed = await call(t.app, 'POST', '/api/subscriptions/subscribe', { token: producer.accessToken, body: { plan: 'pro', interval: 'month' } });
    expect(subscribed.status, subscribed.text).toBe(200);
    expect(subscribed.json.checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    expect(subscribed.json.subscription.plan).toBe('free');
    const customer = stripe.requests.filter((request) => request.path === '/v1/customers').at(-1)!;
    expect(customer.params).toMatchObject({ metadata: { userId: producer.userId } });
    const session = stripe.requests.filter((request) => request.path === '/v1/checkout/sessions').at(-1)!;
    expect(session.params).toMatchObject({ mode: 'subscription', subscription_data: { metadata: { userId: producer.userId, plan: 'pro' } } });
    // Stripe sends the producer back to the studio page, which holds their plan.
    const back = (url: unknown) => `${new URL(String(url)).pathname}${new URL(String(url)).search}`;
    expect(back(session.params.success_url)).toBe('/studio?checkout=success');
    expect(back(session.params.cancel_url)).toBe('/studio?checkout=cancelled');

    const base = Math.floor(t.clock.now().getTime() / 1000);
    const periodEnd = base + 30 * 86_400;
    const common = { subscriptionId: 'sub_ooo', customer: String(session.params.customer), userId: producer.userId, periodEnd };
    const created = subscriptionEvent({ ...common, type: 'customer.subscription.created', created: base, status: 'incomplete' });
    const active = subscriptionEvent({ ...common, type: 'customer.subscription.updated', created: base + 5, status: 'active' });
    const cancelling = subscriptionEvent({ ...common, type: 'customer.subscription.updated', created: base + 60, status: 'active', cancelAtPeriodEnd: true });
    // Delivered newest first, then the older ones late, then one again.
    for (const event of [cancelling, created, active, cancelling]) expect((await deliver(t.app, event)).status).toBe(200);
    const status = await call(t.app, 'GET', '/api/subscriptions/status', { token: producer.accessToken });
    expect(status.json).toMatchObject({ plan: 'pro', status: 'active', cancelAtPeriodEnd: true, feePercent: 3, uploadLimit: null });

    // A new e-mail address reaches the Stripe customer, so the plan's invoices follow it.
    const newEmail = `billing-${producer.userId.slice(0, 8)}@example.com`;
    expect((await call(t.app, 'POST', '/api/auth/email-change', { token: producer.accessToken, body: { newEmail, password: TEST_PASSWORD } })).status).toBe(202);
    const { token } = await lastLinkTo(t.config.mail.outboxDir, newEmail, '/confirm-email', 1);
    expect((await call(t.app, 'POST', '/api/auth/email-change/confirm', { body: { token } })).status).toBe(200);
    await expect.poll(() => stripe.requests.filter((request) => request.path === `/v1/customers/${String(session.params.customer)}`).map((request) => request.params.email)).toEqual([newEmail]);

    // Deleted is final: an "active" update from the same second that arrives after it changes nothing.
    const deleted = subscriptionEvent({ ...common, type: 'customer.subscription.deleted', created: base + 120, status: 'canceled' });
    const lateActive = subscriptionEvent({ ...common, type: 'customer.subscription.updated', created: base + 120, status: 'active' });
    await deliver(t.app, deleted);
    await deliver(t.app, lateActive);
    expect((await call(t.app, 'GET', '/api/subscriptions/status', { token: producer.accessToken })).json).toMatchObject({ plan: 'free', status: 'canceled', feePercent: 10 });
  });

  it('passes a changed e-mail address to Stripe later when Stripe is down at the time, and only once', async () => {
    const producer = await signUp(t.app);
    expect((await call(t.app, 'POST', '/api/subscriptions/subscribe', { token: producer.accessToken, body: { plan: 'pro', interval: 'month' } })).status).toBe(200);
    const customerId = String(stripe.requests.filter((request) => request.path === '/v1/checkout/sessions').at(-1)!.params.customer);
    const updates = () => stripe.requests.filter((request) => request.path === `/v1/customers/${customerId}`).map((request) => request.params.email);

    const newEmail = `later-${producer.userId.slice(0, 8)}@example.com`;
    expect((await call(t.app, 'POST', '/api/auth/email-change', { token: producer.accessToken, body: { newEmail, password: TEST_PASSWORD } })).status).toBe(202);
    const { token } = await lastLinkTo(t.config.mail.outboxDir, newEmail, '/confirm-email', 1);
    // Stripe fails the update and both of the SDK's retries: the change itself still goes through.
    stripe.failNext(3);
    expect((await call(t.app, 'POST', '/api/auth/email-change/confirm', { body: { token } })).status).toBe(200);
    await expect.poll(updates, { timeout: 10_000 }).toEqual([newEmail, newEmail, newEmail]);

    // The minute's sweep gives it to Stripe; the next finds nothing left to do.
    await expect.poll(() => t.subscriptions.retryBillingEmails(), { timeout: 10_000 }).toBe(1);
    expect(updates().at(-1)).toBe(newEmail);
    const sent = updates().length;
    expect(await t.subscriptions.retryBillingEmails()).toBe(0);
    expect(updates()).toHaveLength(sent);
  });

  it('leaves a changed e-mail address alone when the Stripe customer was deleted in the dashboard', async () => {
    const producer = await signUp(t.app);
    expect((await call(t.app, 'POST', '/api/subscriptions/subscribe', { token: producer.accessToken, body: { plan: 'pro', interval: 'month' } })).status).toBe(200);
    const customerId = String(stripe.requests.filter((request) => request.path === '/v1/checkout/sessions').at(-1)!.params.customer);
    const updates = () => stripe.requests.filter((request) => request.path === `/v1/customers/${customerId}`);
    stripe.deleteCustomer(customerId);

    const newEmail = `gone-${producer.userId.slice(0, 8)}@example.com`;
    expect((await call(t.app, 'POST', '/api/auth/email-change', { token: producer.accessToken, body: { newEmail, password: TEST_PASSWORD } })).status).toBe(202);
    const { token } = await lastLinkTo(t.config.mail.outboxDir, newEmail, '/confirm-email', 1);
    expect((await call(t.app, 'POST', '/api/auth/email-change/confirm', { body: { token } })).status).toBe(200);
    // One answer, "No such customer", settles it: no retries now, nothing left for the sweep.
    await expect.poll(() => updates().length).toBe(1);
    const pending = async () => (await findSubscription(t.database.db, producer.userId))?.billingEmailPending;
    await expect.poll(pending, { timeout: 5000 }).toBeNull();
    expect(await t.subscriptions.retryBillingEmails()).toBe(0);
    expect(updates()).toHaveLength(1);
  });

  it('upgrades with proration and cancels at period end through Stripe Billing', async () => {
    const producer = await signUp(t.app);
    stripe.addSubscription(stripeSubscription({ id: 'sub_billing', customer: 'cus_billing', userId: producer.userId }));
    const now = Math.floor(t.clock.now().getTime() / 1000);
    await deliver(t.app, subscriptionEvent({ type: 'customer.subscription.created', created: now, subscriptionId: 'sub_billing', customer: 'cus_billing', userId: producer.userId, status: 'active', periodEnd: now + 86_400 * 30 }));
    expect((await call(t.app, 'PUT', '/api/subscriptions/upgrade', { token: producer.accessToken, body: { plan: 'pro', interval: 'year' } })).status).toBe(200);
    const update = stripe.requests.filter((request) => request.method === 'POST' && request.path === '/v1/subscriptions/sub_billing').at(-1)!;
    expect(update.params).toMatchObject({ proration_behavior: 'create_prorations', items: [{ id: 'si_of_sub_billing', price_data: { product: 'prod_pro', recurring: { interval: 'year' } } }] });
    expect((await call(t.app, 'DELETE', '/api/subscriptions/cancel', { token: producer.accessToken })).status).toBe(200);
    expect(stripe.requests.at(-1)!.params).toMatchObject({ cancel_at_period_end: 'true' });
    // Nothing changes locally until Stripe's webhook says so.
    expect((await call(t.app, 'GET', '/api/subscriptions/status', { token: producer.accessToken })).json.cancelAtPeriodEnd).toBe(false);
  });

  it('never opens a second subscription: subscribing during a cancelled period takes the cancellation back, after a failed renewal it is refused', async () => {
    const producer = await signUp(t.app);
    const subscriptionId = `sub_keep_${producer.userId}`;
    stripe.addSubscription(stripeSubscription({ id: subscriptionId, customer: 'cus_keep', userId: producer.userId, cancelAtPeriodEnd: true }));
    const base = Math.floor(t.clock.now().getTime() / 1000);
    const common = { subscriptionId, customer: 'cus_keep', userId: producer.userId, periodEnd: base + 86_400 * 20 };
    await deliver(t.app, subscriptionEvent({ ...common, type: 'customer.subscription.created', created: base, status: 'active', cancelAtPeriodEnd: true }));
    const checkouts = () => stripe.requests.filter((request) => request.path === '/v1/checkout/sessions').length;
    const checkoutsBefore = checkouts();

    const kept = await call(t.app, 'POST', '/api/subscriptions/subscribe', { token: producer.accessToken, body: { plan: 'pro', interval: 'month' } });
    expect(kept.status, kept.text).toBe(200);
    expect(kept.json.checkoutUrl).toBeNull();
    expect(checkouts()).toBe(checkoutsBefore);
    // Same interval: only the cancellation is taken back, no new price.
    const update = stripe.requests.filter((request) => request.method === 'POST' && request.path === `/v1/subscriptions/${subscriptionId}`).at(-1)!;
    expect(update.params).toEqual({ cancel_at_period_end: 'false' });

    for (const [offset, status] of [[10, 'past_due'], [20, 'unpaid']] as const) {
      await deliver(t.app, subscriptionEvent({ ...common, type: 'customer.subscription.updated', created: base + offset, status }));
      const refused = await call(t.app, 'POST', '/api/subscriptions/subscribe', { token: producer.accessToken, body: { plan: 'pro', interval: 'year' } });
      expect([refused.status, refused.json.error.code]).toEqual([409, 'subscription_payment_failed']);
    }
    expect(checkouts()).toBe(checkoutsBefore);
  });

  it('does not let an old subscription’s end (arriving later) end the one the producer pays for now', async () => {
    const producer = await signUp(t.app);
    const base = Math.floor(t.clock.now().getTime() / 1000);
    const common = { customer: 'cus_two', userId: producer.userId, periodEnd: base + 86_400 * 30 };
    await deliver(t.app, subscriptionEvent({ ...common, subscriptionId: `sub_old_${producer.userId}`, type: 'customer.subscription.created', created: base, status: 'active', cancelAtPeriodEnd: true }));
    await deliver(t.app, subscriptionEvent({ ...common, subscriptionId: `sub_new_${producer.userId}`, type: 'customer.subscription.created', created: base + 10, status: 'active' }));
    await deliver(t.app, subscriptionEvent({ ...common, subscriptionId: `sub_old_${producer.userId}`, type: 'customer.subscription.deleted', created: base + 20, status: 'canceled' }));
    expect((await call(t.app, 'GET', '/api/subscriptions/status', { token: producer.accessToken })).json).toMatchObject({ plan: 'pro', status: 'active', cancelAtPeriodEnd: false });
  });

  it('opens Stripe’s customer portal for a producer whose renewal failed, returning them to the studio', async () => {
    const producer = await signUp(t.app);
    const portal = () => call(t.app, 'POST', '/api/subscriptions/billing-portal', { token: producer.accessToken });
    // Nobody to manage before Stripe knows the producer as a customer.
    expect((await portal()).json.error.code).toBe('subscription_not_found');
    expect((await call(t.app, 'POST', '/api/subscriptions/billing-portal')).status).toBe(401);

    await call(t.app, 'POST', '/api/subscriptions/subscribe', { token: producer.accessToken, body: { plan: 'pro', interval: 'month' } });
    const customer = String(stripe.requests.filter((request) => request.path === '/v1/checkout/sessions').at(-1)!.params.customer);
    const base = Math.floor(t.clock.now().getTime() / 1000);
    await deliver(t.app, subscriptionEvent({ type: 'customer.subscription.created', created: base, subscriptionId: `sub_portal_${producer.userId}`, customer, userId: producer.userId, status: 'past_due', periodEnd: base + 86_400 }));
    // Stripe is retrying the renewal: still Pro, and the status says so.
    expect((await call(t.app, 'GET', '/api/subscriptions/status', { token: producer.accessToken })).json).toMatchObject({ plan: 'pro', status: 'past_due' });

    const opened = await portal();
    expect(opened.status, JSON.stringify(opened.json)).toBe(200);
    expect(opened.json.url).toMatch(/^https:\/\/billing\.stripe\.test\//);
    const request = stripe.requests.filter((entry) => entry.path === '/v1/billing_portal/sessions').at(-1)!;
    expect(request.params.customer).toBe(customer);
    expect(new URL(String(request.params.return_url)).pathname).toBe('/studio');

    stripe.failNext(3);
    expect((await portal()).json.error.code).toBe('payment_provider_unavailable');
  });

  it('answers 502 (not 500) when Stripe is down at checkout', async () => {
    const { beatId } = await publishedBeat(t.app);
    const buyer = await signUp(t.app);
    stripe.failNext(3);
    const response = await call(t.app, 'POST', `/api/beats/${beatId}/purchase`, { token: buyer.accessToken, body: { tier: 'basic' } });
    expect(response.status).toBe(502);
    expect(response.json.error.code).toBe('payment_provider_unavailable');

    // The order was written before Stripe failed; it has no session, so nothing can pay it. The buyer
    // may cancel it once its checkout call is surely over (Stripe's retries included), and not before.
    const [pending] = await t.database.db.select().from(orders).where(eq(orders.buyerId, buyer.userId));
    expect(pending).toMatchObject({ status: 'pending', stripeSessionId: null });
    const cancel = () => call(t.app, 'POST', `/api/orders/${pending!.id}/cancel`, { token: buyer.accessToken });
    expect((await cancel()).json.error.code).toBe('order_not_pending');
    t.clock.advance(3 * 60_000);
    const cancelled = await cancel();
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.json.status).toBe('declined');
  });

  it('answers 502 when Stripe is down at a cancel, and the order stays pending', async () => {
    const { beatId } = await publishedBeat(t.app);
    const buyer = await signUp(t.app);
    const order = await checkout(buyer.accessToken, beatId);
    stripe.failNext(3);
    const response = await call(t.app, 'POST', `/api/orders/${order.orderId}/cancel`, { token: buyer.accessToken });
    expect(response.status).toBe(502);
    expect(response.json.error.code).toBe('payment_provider_unavailable');
    expect((await call(t.app, 'GET', `/api/orders/${order.orderId}`, { token: buyer.accessToken })).json.status).toBe('pending');
  });
});
