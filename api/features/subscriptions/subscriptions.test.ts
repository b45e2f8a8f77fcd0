import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, signUp, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';
import { isNewer } from './subscription-events.ts';

describe('subscription event ordering', () => {
  it('moves forward only: older events and revivals of a deleted subscription are ignored', () => {
    const stored = { stripeSubscriptionId: 'sub_1', status: 'active', eventCreated: 100 };
    expect(isNewer(undefined, { created: 1, subscriptionId: 'sub_1', status: 'incomplete' })).toBe(true);
    expect(isNewer(stored, { created: 99, subscriptionId: 'sub_1', status: 'canceled' })).toBe(false);
    expect(isNewer(stored, { created: 101, subscriptionId: 'sub_1', status: 'past_due' })).toBe(true);
    // Same second: the later status on the timeline wins.
    expect(isNewer(stored, { created: 100, subscriptionId: 'sub_1', status: 'incomplete' })).toBe(false);
    expect(isNewer(stored, { created: 100, subscriptionId: 'sub_1', status: 'canceled' })).toBe(true);
    const deleted = { ...stored, status: 'canceled' };
    expect(isNewer(deleted, { created: 500, subscriptionId: 'sub_1', status: 'active' })).toBe(false);
    // A new subscription after a cancelled one does count.
    expect(isNewer(deleted, { created: 500, subscriptionId: 'sub_2', status: 'active' })).toBe(true);
    // …and the old one's end, arriving later, does not end the new one.
    const renewed = { stripeSubscriptionId: 'sub_2', status: 'active', eventCreated: 500 };
    expect(isNewer(renewed, { created: 900, subscriptionId: 'sub_1', status: 'canceled' })).toBe(false);
    expect(isNewer(renewed, { created: 900, subscriptionId: 'sub_2', status: 'canceled' })).toBe(true);
  });
});

describe.each(databaseKinds())('subscriptions in TEST MODE (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const newBeat = (token: string, index: number) => call(t.app, 'POST', '/api/beats', { token, body: { title: `Beat number ${index}`, genre: 'drill', price: 5 } });

  it('lists the plans', async () => {
    const plans = await call(t.app, 'GET', '/api/subscriptions/plans');
    expect(plans.json.plans.map((plan: { id: string; uploadLimit: number | null; feePercent: number }) => [plan.id, plan.uploadLimit, plan.feePercent])).toEqual([
      ['free', 10, 10],
      ['pro', null, 3],
    ]);
  });

  it('refuses the 11th beat on Free, allows it on Pro, and returns to Free after a cancelled period ends', async () => {
    const producer = await signUp(t.app);
    for (let index = 0; index < 10; index++) expect((await newBeat(producer.accessToken, index)).status).toBe(201);
    const eleventh = await newBeat(producer.accessToken, 10);
    expect(eleventh.status).toBe(403);
    expect(eleventh.json.error.code).toBe('upload_limit_reached');
    expect(eleventh.json.error.message).toContain('10');

    const subscribed = await call(t.app, 'POST', '/api/subscriptions/subscribe', { token: producer.accessToken, body: { plan: 'pro', interval: 'month' } });
    expect(subscribed.status, subscribed.text).toBe(200);
    expect(subscribed.json).toMatchObject({ checkoutUrl: null, subscription: { plan: 'pro', status: 'active', mode: 'test', uploadsUsed: 10, uploadLimit: null, feePercent: 3 } });
    expect((await call(t.app, 'POST', '/api/subscriptions/subscribe', { token: producer.accessToken, body: { plan: 'pro' } })).json.error.code).toBe('already_subscribed');
    expect((await newBeat(producer.accessToken, 10)).status).toBe(201);
    // No card and no invoices in test mode: Stripe's billing portal is not there to open.
    const portal = await call(t.app, 'POST', '/api/subscriptions/billing-portal', { token: producer.accessToken });
    expect([portal.status, portal.json.error.code]).toEqual([503, 'payments_not_configured']);

    const upgraded = await call(t.app, 'PUT', '/api/subscriptions/upgrade', { token: producer.accessToken, body: { plan: 'pro', interval: 'year' } });
    expect(upgraded.json).toMatchObject({ plan: 'pro', interval: 'year' });
    const cancelled = await call(t.app, 'DELETE', '/api/subscriptions/cancel', { token: producer.accessToken });
    expect(cancelled.json).toMatchObject({ plan: 'pro', cancelAtPeriodEnd: true });
    // Going Pro again before the period ends keeps the paid subscription going: no second one.
    const kept = await call(t.app, 'POST', '/api/subscriptions/subscribe', { token: producer.accessToken, body: { plan: 'pro', interval: 'year' } });
    expect(kept.json).toMatchObject({ checkoutUrl: null, subscription: { plan: 'pro', interval: 'year', cancelAtPeriodEnd: false, currentPeriodEnd: cancelled.json.currentPeriodEnd } });
    expect((await call(t.app, 'DELETE', '/api/subscriptions/cancel', { token: producer.accessToken })).json.cancelAtPeriodEnd).toBe(true);
    t.clock.advance(31 * 24 * 3600 * 1000);
    const token = (await call(t.app, 'POST', '/api/auth/login', { body: { email: producer.email, password: 'Violet-harbour-7-lanterns' } })).json.accessToken;
    expect((await call(t.app, 'GET', '/api/subscriptions/status', { token })).json).toMatchObject({ plan: 'free', uploadsUsed: 11, uploadLimit: 10 });
    expect((await newBeat(token, 11)).json.error.code).toBe('upload_limit_reached');
  });

  it('lets only one of several simultaneous uploads take the last free place', async () => {
    const producer = await signUp(t.app);
    for (let index = 0; index < 9; index++) expect((await newBeat(producer.accessToken, index)).status).toBe(201);
    const racing = await Promise.all(Array.from({ length: 5 }, (_, index) => newBeat(producer.accessToken, 9 + index)));
    expect(racing.map((response) => response.status).sort()).toEqual([201, 403, 403, 403, 403]);
    expect((await call(t.app, 'GET', '/api/subscriptions/status', { token: producer.accessToken })).json).toMatchObject({ uploadsUsed: 10, uploadLimit: 10 });
  });

  it('has nothing to change for a producer who never subscribed', async () => {
    const producer = await signUp(t.app);
    expect((await call(t.app, 'DELETE', '/api/subscriptions/cancel', { token: producer.accessToken })).json.error.code).toBe('subscription_not_found');
    expect((await call(t.app, 'PUT', '/api/subscriptions/upgrade', { token: producer.accessToken, body: { plan: 'pro', interval: 'year' } })).status).toBe(404);
    expect((await call(t.app, 'GET', '/api/subscriptions/status')).status).toBe(401);
  });
});
