import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Stripe from 'stripe';
import { sineWav } from '../features/beats/wav.ts';
import { startFakeStripe, type FakeStripe } from './fake-stripe.ts';
import { call, createTestApp, signUp, type TestApp } from './test-app.ts';
import type { DatabaseKind } from './test-database.ts';

export const WEBHOOK_SECRET = 'whsec_test_secret_for_creatorsync';

/**
 * The app in Stripe mode: the real SDK pointed at a fresh local fake Stripe, webhooks checked with
 * WEBHOOK_SECRET, files in a temporary folder. `close` stops and removes all three.
 */
export async function createStripeTestApp(kind: DatabaseKind): Promise<{ t: TestApp; stripe: FakeStripe; close: () => Promise<void> }> {
  const stripe = await startFakeStripe();
  const storageDir = await mkdtemp(path.join(os.tmpdir(), 'cs-stripe-app-'));
  const t = await createTestApp(kind, {
    config: {
      storage: { dir: storageDir, s3: undefined },
      payments: { stripeSecretKey: 'sk_test_fake', stripeWebhookSecret: WEBHOOK_SECRET, stripeApiBase: stripe.url },
    },
  });
  return {
    t,
    stripe,
    close: async () => {
      await t.close();
      await stripe.close();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}

/** A signed-up producer with one published beat (a short WAV), ready to sell. */
export async function publishedBeat(app: TestApp['app'], options: { title?: string; price?: number; freeDownload?: boolean; producer?: Awaited<ReturnType<typeof signUp>> } = {}) {
  const producer = options.producer ?? (await signUp(app));
  const created = await call(app, 'POST', '/api/beats', {
    token: producer.accessToken,
    body: { title: options.title ?? 'Night Shift', genre: 'trap', price: options.price ?? 30, freeDownload: options.freeDownload ?? false },
  });
  if (created.status !== 201) throw new Error(`beat: ${created.status} ${created.text}`);
  const id = created.json.id as string;
  const upload = await app.request(`/api/beats/${id}/audio`, {
    method: 'POST',
    headers: { authorization: `Bearer ${producer.accessToken}`, 'content-type': 'audio/wav' },
    body: sineWav({ seconds: 0.2, sampleRate: 8000 }) as Uint8Array<ArrayBuffer>,
  });
  if (upload.status !== 200) throw new Error(`audio: ${upload.status} ${await upload.text()}`);
  const published = await call(app, 'POST', `/api/beats/${id}/publish`, { token: producer.accessToken });
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${published.text}`);
  return { producer, beatId: id };
}

const signer = new Stripe('sk_test_signer_only');

/** Posts an event to the webhook as Stripe would: the raw JSON and a signature made by the SDK itself. */
export async function deliver(app: TestApp['app'], event: object, secret = WEBHOOK_SECRET) {
  const payload = JSON.stringify(event);
  const signature = signer.webhooks.generateTestHeaderString({ payload, secret });
  return call(app, 'POST', '/api/payments/webhook', { raw: payload, headers: { 'content-type': 'application/json', 'stripe-signature': signature } });
}

let eventCounter = 0;

/** checkout.session.completed for an order, as Stripe sends it once the buyer paid. */
export function sessionCompleted(order: { orderId: string; sessionId: string; paymentIntent: string; amountTotal: number }, created = Math.floor(Date.now() / 1000)) {
  return {
    id: `evt_completed_${++eventCounter}_${order.orderId}`,
    object: 'event',
    type: 'checkout.session.completed',
    created,
    data: {
      object: {
        id: order.sessionId,
        object: 'checkout.session',
        mode: 'payment',
        payment_status: 'paid',
        payment_intent: order.paymentIntent,
        amount_total: order.amountTotal,
        currency: 'usd',
        client_reference_id: order.orderId,
        metadata: { orderId: order.orderId },
      },
    },
  };
}

/**
 * charge.refunded, as Stripe sends it after a refund of the charge behind a payment intent (made in
 * the dashboard or through the API); `amountRefunded` is everything refunded on the charge so far.
 */
export function chargeRefunded(input: { paymentIntent: string; amount: number; amountRefunded: number; currency?: string }, created = Math.floor(Date.now() / 1000)) {
  return {
    id: `evt_refunded_${++eventCounter}_${input.paymentIntent}`,
    object: 'event',
    type: 'charge.refunded',
    created,
    data: {
      object: {
        id: `ch_for_${input.paymentIntent}`,
        object: 'charge',
        payment_intent: input.paymentIntent,
        amount: input.amount,
        amount_refunded: input.amountRefunded,
        refunded: input.amountRefunded >= input.amount,
        currency: input.currency ?? 'usd',
      },
    },
  };
}

/** charge.dispute.closed, as Stripe sends it when a chargeback is decided (`lost`: the buyer's bank took `amount` back). */
export function disputeClosed(input: { paymentIntent: string; amount: number; status: 'lost' | 'won' }, created = Math.floor(Date.now() / 1000)) {
  return disputeEvent('charge.dispute.closed', input, created);
}

/** A charge.dispute.* event with the dispute in the given status (one dispute per payment intent). */
export function disputeEvent(type: 'charge.dispute.created' | 'charge.dispute.updated' | 'charge.dispute.closed', input: { paymentIntent: string; amount: number; status: string }, created = Math.floor(Date.now() / 1000)) {
  return {
    id: `evt_dispute_${++eventCounter}_${input.paymentIntent}`,
    object: 'event',
    type,
    created,
    data: { object: { id: `dp_for_${input.paymentIntent}`, object: 'dispute', charge: `ch_for_${input.paymentIntent}`, payment_intent: input.paymentIntent, amount: input.amount, currency: 'usd', status: input.status } },
  };
}

/** A Pro subscription as Stripe holds it, for the fake Stripe to serve (`addSubscription`). */
export function stripeSubscription(input: { id: string; customer: string; userId: string; interval?: 'month' | 'year'; cancelAtPeriodEnd?: boolean }) {
  const interval = input.interval ?? 'month';
  return {
    id: input.id,
    object: 'subscription',
    status: 'active',
    customer: input.customer,
    metadata: { userId: input.userId, plan: 'pro', interval },
    cancel_at_period_end: input.cancelAtPeriodEnd ?? false,
    items: { object: 'list', data: [{ id: `si_of_${input.id}`, price: { id: `price_of_${input.id}`, product: 'prod_pro', recurring: { interval } } }] },
  };
}

export function subscriptionEvent(input: {
  id?: string;
  type: 'customer.subscription.created' | 'customer.subscription.updated' | 'customer.subscription.deleted';
  created: number;
  subscriptionId: string;
  customer: string;
  userId: string;
  status: string;
  interval?: 'month' | 'year';
  cancelAtPeriodEnd?: boolean;
  periodEnd: number;
}) {
  return {
    id: input.id ?? `evt_sub_${++eventCounter}`,
    object: 'event',
    type: input.type,
    created: input.created,
    data: {
      object: {
        id: input.subscriptionId,
        object: 'subscription',
        customer: input.customer,
        status: input.status,
        cancel_at_period_end: input.cancelAtPeriodEnd ?? false,
        items: { object: 'list', data: [{ id: 'si_1', current_period_end: input.periodEnd, price: { id: 'price_1', recurring: { interval: input.interval ?? 'month' } } }] },
        metadata: { userId: input.userId, plan: 'pro', interval: input.interval ?? 'month' },
      },
    },
  };
}
