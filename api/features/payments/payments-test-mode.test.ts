import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedBeat } from '../../testing/commerce-fixtures.ts';
import { call, createTestApp, signUp, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';

describe.each(databaseKinds())('checkout in TEST MODE, coupons, splits and the ledger (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const pay = (token: string, orderId: string, outcome: 'succeed' | 'decline') =>
    call(t.app, 'POST', `/api/payments/test-checkout/${orderId}`, { token, body: { outcome } });

  it('labels test mode, sends the buyer to the app’s own page and grants only through the test checkout', async () => {
    expect((await call(t.app, 'GET', '/api/payments/mode')).json).toEqual({ mode: 'test' });
    const { beatId, producer } = await publishedBeat(t.app, { price: 20 });
    const buyer = await signUp(t.app);
    const cart = await call(t.app, 'POST', '/api/checkout', { token: buyer.accessToken, body: { items: [{ beatId, tier: 'basic' }] } });
    expect(cart.status, cart.text).toBe(201);
    expect(cart.json).toMatchObject({ mode: 'test', checkoutUrl: `/checkout/test/${cart.json.order.id}`, order: { status: 'pending', total: 20, paymentUrl: `/checkout/test/${cart.json.order.id}` } });
    expect((await call(t.app, 'GET', '/api/licences', { token: buyer.accessToken })).json.licences).toEqual([]);
    // Someone else cannot pay (or see) this order; the webhook refuses unsigned test events.
    const stranger = await signUp(t.app);
    expect((await pay(stranger.accessToken, cart.json.order.id, 'succeed')).status).toBe(404);
    expect((await call(t.app, 'POST', '/api/payments/webhook', { raw: '{}', headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' } })).status).toBe(503);

    const paid = await pay(buyer.accessToken, cart.json.order.id, 'succeed');
    expect(paid.json).toMatchObject({ status: 'paid', paymentUrl: null });
    expect((await pay(buyer.accessToken, cart.json.order.id, 'succeed')).json.error.code).toBe('order_not_pending');
    const licences = (await call(t.app, 'GET', '/api/licences', { token: buyer.accessToken })).json.licences;
    expect(licences).toHaveLength(1);
    expect(licences[0]).toMatchObject({ beatId, tier: 'basic', producerId: producer.userId, price: 20 });
    expect((await call(t.app, 'GET', `/api/beats/${beatId}`)).json.sales).toBe(1);
    expect((await call(t.app, 'POST', `/api/beats/${beatId}/purchase`, { token: buyer.accessToken, body: { tier: 'basic' } })).json.error.code).toBe('licence_already_owned');
    expect((await call(t.app, 'POST', `/api/beats/${beatId}/purchase`, { token: producer.accessToken, body: { tier: 'basic' } })).json.error.code).toBe('cannot_buy_own_beat');
  });

  it('declines without granting', async () => {
    const { beatId } = await publishedBeat(t.app);
    const buyer = await signUp(t.app);
    const order = await call(t.app, 'POST', `/api/beats/${beatId}/purchase`, { token: buyer.accessToken, body: { tier: 'premium' } });
    expect((await pay(buyer.accessToken, order.json.order.id, 'decline')).json.status).toBe('declined');
    expect((await call(t.app, 'GET', '/api/licences', { token: buyer.accessToken })).json.licences).toEqual([]);
    const orders = await call(t.app, 'GET', '/api/orders', { token: buyer.accessToken });
    expect(orders.json.orders.map((o: { status: string }) => o.status)).toEqual(['declined']);
  });

  it('lets the buyer cancel a pending order, after which it can no longer be paid', async () => {
    const { beatId } = await publishedBeat(t.app);
    const buyer = await signUp(t.app);
    const order = await call(t.app, 'POST', `/api/beats/${beatId}/purchase`, { token: buyer.accessToken, body: { tier: 'basic' } });
    const id = order.json.order.id as string;
    const cancel = (token: string) => call(t.app, 'POST', `/api/orders/${id}/cancel`, { token });
    expect((await cancel((await signUp(t.app)).accessToken)).json.error.code).toBe('order_not_found');
    expect((await call(t.app, 'POST', `/api/orders/${id}/cancel`)).status).toBe(401);
    const cancelled = await cancel(buyer.accessToken);
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.json).toMatchObject({ id, status: 'declined', items: [{ beatId, tier: 'basic' }] });
    expect((await pay(buyer.accessToken, id, 'succeed')).json.error.code).toBe('order_not_pending');
    expect((await cancel(buyer.accessToken)).json.error.code).toBe('order_not_pending');
    expect((await call(t.app, 'GET', '/api/licences', { token: buyer.accessToken })).json.licences).toEqual([]);
    // A paid order cannot be cancelled either (a refund is the producer's to make).
    const next = await call(t.app, 'POST', `/api/beats/${beatId}/purchase`, { token: buyer.accessToken, body: { tier: 'basic' } });
    await pay(buyer.accessToken, next.json.order.id, 'succeed');
    expect((await call(t.app, 'POST', `/api/orders/${next.json.order.id}/cancel`, { token: buyer.accessToken })).json.error.code).toBe('order_not_pending');
  });

  it('applies a producer’s coupon (any case) to their items only, and counts its uses at the grant, atomically', async () => {
    const mine = await publishedBeat(t.app, { price: 40 });
    const theirs = await publishedBeat(t.app, { price: 10 });
    const created = await call(t.app, 'POST', '/api/coupons', { token: mine.producer.accessToken, body: { code: 'Summer25', kind: 'percent', value: 25, maxUses: 1 } });
    expect(created.status, created.text).toBe(201);
    expect((await call(t.app, 'POST', '/api/coupons', { token: mine.producer.accessToken, body: { code: 'SUMMER25', kind: 'amount', value: 5 } })).json.error.code).toBe('coupon_code_taken');
    expect((await call(t.app, 'POST', '/api/coupons', { token: mine.producer.accessToken, body: { code: 'HALF', kind: 'percent', value: 150 } })).status).toBe(422);

    const [first, second] = [await signUp(t.app), await signUp(t.app)];
    const items = [{ beatId: mine.beatId, tier: 'basic' }, { beatId: theirs.beatId, tier: 'basic' }];
    const a = await call(t.app, 'POST', '/api/checkout', { token: first.accessToken, body: { items, couponCode: 'summer25' } });
    expect(a.json.order).toMatchObject({ subtotal: 50, discount: 10, total: 40, couponCode: 'Summer25' });
    const b = await call(t.app, 'POST', '/api/checkout', { token: second.accessToken, body: { items, couponCode: 'SUMMER25' } });
    expect(b.status).toBe(201);
    // One use left for two orders: the first grant takes it, the second order is refunded.
    await Promise.all([pay(first.accessToken, a.json.order.id, 'succeed'), pay(second.accessToken, b.json.order.id, 'succeed')]);
    const statuses = [
      (await call(t.app, 'GET', `/api/orders/${a.json.order.id}`, { token: first.accessToken })).json,
      (await call(t.app, 'GET', `/api/orders/${b.json.order.id}`, { token: second.accessToken })).json,
    ];
    expect(statuses.map((order) => order.status).sort()).toEqual(['paid', 'refunded']);
    expect(statuses.find((order) => order.status === 'refunded').refundReason).toBe('coupon_exhausted');
    const coupons = await call(t.app, 'GET', '/api/coupons', { token: mine.producer.accessToken });
    expect(coupons.json.coupons[0]).toMatchObject({ code: 'Summer25', uses: 1, maxUses: 1 });
    // Used up now, and expired coupons never apply.
    const third = await signUp(t.app);
    expect((await call(t.app, 'POST', '/api/checkout', { token: third.accessToken, body: { items, couponCode: 'summer25' } })).json.error.code).toBe('coupon_invalid');
    await call(t.app, 'POST', '/api/coupons', { token: mine.producer.accessToken, body: { code: 'OLD', kind: 'amount', value: 5, expiresAt: new Date(t.clock.now().getTime() - 1000).toISOString() } });
    expect((await call(t.app, 'POST', '/api/checkout', { token: third.accessToken, body: { items, couponCode: 'old' } })).json.error.code).toBe('coupon_invalid');
  });

  it('lets nobody list or delete another producer’s coupons', async () => {
    const owner = await signUp(t.app);
    const other = await signUp(t.app);
    const coupon = await call(t.app, 'POST', '/api/coupons', { token: owner.accessToken, body: { code: 'MINE10', kind: 'percent', value: 10 } });
    expect((await call(t.app, 'GET', '/api/coupons', { token: other.accessToken })).json.coupons).toEqual([]);
    const deleted = await call(t.app, 'DELETE', `/api/coupons/${coupon.json.id}`, { token: other.accessToken });
    expect(deleted.status).toBe(404);
    expect(deleted.json.error.code).toBe('coupon_not_found');
    expect((await call(t.app, 'GET', '/api/coupons')).status).toBe(401);
    expect((await call(t.app, 'DELETE', `/api/coupons/${coupon.json.id}`, { token: owner.accessToken })).status).toBe(204);
    expect((await call(t.app, 'GET', '/api/coupons', { token: owner.accessToken })).json.coupons).toEqual([]);
  });

  it('splits each sale between collaborators after the plan’s fee, and exports the ledger as CSV', async () => {
    const { beatId, producer } = await publishedBeat(t.app, { price: 33.33, title: '=cmd|calc' });
    const [singer, engineer, stranger] = [await signUp(t.app), await signUp(t.app), await signUp(t.app)];
    expect((await call(t.app, 'GET', `/api/beats/${beatId}/splits`, { token: producer.accessToken })).json.splits).toMatchObject([{ userId: producer.userId, percent: 100 }]);
    const splits = [
      { userId: producer.userId, percent: 50 },
      { userId: singer.userId, percent: 33.33 },
      { userId: engineer.userId, percent: 16.67 },
    ];
    expect((await call(t.app, 'PUT', `/api/beats/${beatId}/splits`, { token: producer.accessToken, body: { splits: splits.slice(0, 2) } })).status).toBe(422);
    expect((await call(t.app, 'PUT', `/api/beats/${beatId}/splits`, { token: producer.accessToken, body: { splits: [...splits.slice(0, 2), { userId: 'nobody', percent: 16.67 }] } })).json.error.code).toBe('split_user_not_found');
    expect((await call(t.app, 'PUT', `/api/beats/${beatId}/splits`, { token: singer.accessToken, body: { splits } })).status).toBe(403);
    expect((await call(t.app, 'PUT', `/api/beats/${beatId}/splits`, { token: producer.accessToken, body: { splits } })).status).toBe(200);
    expect((await call(t.app, 'GET', `/api/beats/${beatId}/splits`, { token: singer.accessToken })).status).toBe(200);
    expect((await call(t.app, 'GET', `/api/beats/${beatId}/splits`, { token: stranger.accessToken })).status).toBe(403);

    const buyer = await signUp(t.app);
    const order = await call(t.app, 'POST', `/api/beats/${beatId}/purchase`, { token: buyer.accessToken, body: { tier: 'basic' } });
    await pay(buyer.accessToken, order.json.order.id, 'succeed');

    const csv = async (token: string) => (await call(t.app, 'GET', '/api/ledger.csv', { token })).text.trim().split('\r\n');
    const rows = (await csv(producer.accessToken)).slice(1).map((line) => line.split(','));
    // 33.33 at a 10% fee (Free plan): 3.33 fee; shares by 50 / 33.33 / 16.67 percent, leftover cents to the largest remainders.
    expect(rows.map((row) => [row[6], row[7], row[8], row[9], row[10], row[11]])).toEqual([
      [producer.userId, '50.00', '16.66', '10.00', '1.66', '15.00'],
      [singer.userId, '33.33', '11.11', '10.00', '1.11', '10.00'],
      [engineer.userId, '16.67', '5.56', '10.00', '0.56', '5.00'],
    ]);
    expect(rows.reduce((sum, row) => sum + Number(row[8]), 0)).toBeCloseTo(33.33, 2);
    // A title that looks like a formula is defused; each collaborator sees only their own row.
    expect(rows[0]![4]).toBe("'=cmd|calc");
    expect((await csv(singer.accessToken)).slice(1).map((line) => line.split(',')[6])).toEqual([singer.userId]);
    expect(await csv(stranger.accessToken)).toHaveLength(1);
  });
});
