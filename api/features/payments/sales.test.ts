import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedBeat } from '../../testing/commerce-fixtures.ts';
import { call, createTestApp, signUp, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';

/** The producer's sales and refunds from their side, in TEST MODE (the Stripe path: provider-refunds.test.ts). */
describe.each(databaseKinds())('a producer’s sales (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  async function pay(token: string, items: Array<{ beatId: string; tier: string }>) {
    const order = await call(t.app, 'POST', '/api/checkout', { token, body: { items } });
    expect(order.status, order.text).toBe(201);
    const paid = await call(t.app, 'POST', `/api/payments/test-checkout/${order.json.order.id}`, { token, body: { outcome: 'succeed' } });
    expect(paid.json.status).toBe('paid');
    t.clock.advance(1000);
    return { orderId: order.json.order.id as string, licenceIds: paid.json.items.map((item: { licenceId: string }) => item.licenceId) as string[] };
  }

  it('lists what sold and refunds a sale in full: licence revoked, ledger netted, the sale marked refunded', async () => {
    const { beatId, producer } = await publishedBeat(t.app, { price: 20 });
    const buyer = await signUp(t.app, { displayName: 'Ada Buyer' });
    const { orderId, licenceIds } = await pay(buyer.accessToken, [{ beatId, tier: 'premium' }]);

    const sales = await call(t.app, 'GET', '/api/sales', { token: producer.accessToken });
    expect(sales.status, sales.text).toBe(200);
    expect(sales.json.sales).toEqual([
      expect.objectContaining({ orderId, licenceId: licenceIds[0], beatId, tier: 'premium', buyerName: 'Ada Buyer', price: 40, status: 'paid', orderRefunded: 0, refundable: true }),
    ]);
    // Not the buyer's to refund, nor anyone else's.
    for (const token of [buyer.accessToken, (await signUp(t.app)).accessToken]) {
      const refused = await call(t.app, 'POST', `/api/sales/${orderId}/refund`, { token });
      expect(refused.status).toBe(404);
      expect(refused.json.error.code).toBe('sale_not_found');
    }

    const refunded = await call(t.app, 'POST', `/api/sales/${orderId}/refund`, { token: producer.accessToken });
    expect(refunded.status, refunded.text).toBe(200);
    expect(refunded.json).toEqual({ status: 'refunded' });
    expect((await call(t.app, 'GET', `/api/orders/${orderId}`, { token: buyer.accessToken })).json).toMatchObject({ status: 'refunded', refundReason: 'refunded_by_seller' });
    expect((await call(t.app, 'GET', `/api/licences/${licenceIds[0]}/downloads`, { token: buyer.accessToken })).json.error.code).toBe('licence_revoked');
    const ledger = (await call(t.app, 'GET', '/api/ledger.csv', { token: producer.accessToken })).text.trim().split('\r\n').slice(1).map((line) => line.split(','));
    const mine = ledger.filter((row) => row[1] === orderId);
    expect(mine.map((row) => row[13])).toEqual(['sale', 'refund']);
    expect(mine.reduce((sum, row) => sum + Number(row[11]), 0)).toBeCloseTo(0, 2);
    expect((await call(t.app, 'GET', '/api/sales', { token: producer.accessToken })).json.sales[0]).toMatchObject({ orderId, status: 'refunded', refundable: false });

    const again = await call(t.app, 'POST', `/api/sales/${orderId}/refund`, { token: producer.accessToken });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('sale_not_refundable');
  });

  it('in a cart with other producers’ beats, each producer refunds their own lines and the other sales stand; pages newest first', async () => {
    const first = await publishedBeat(t.app, { price: 10 });
    const second = await publishedBeat(t.app, { price: 12 });
    const buyer = await signUp(t.app);
    const cart = await pay(buyer.accessToken, [
      { beatId: first.beatId, tier: 'basic' },
      { beatId: second.beatId, tier: 'basic' },
    ]);
    const salesOf = async (token: string) => (await call(t.app, 'GET', '/api/sales', { token })).json.sales as Array<Record<string, unknown>>;
    expect(await salesOf(first.producer.accessToken)).toEqual([expect.objectContaining({ orderId: cart.orderId, beatId: first.beatId, price: 10, refundable: true })]);

    const refunded = await call(t.app, 'POST', `/api/sales/${cart.orderId}/refund`, { token: first.producer.accessToken });
    expect(refunded.status, refunded.text).toBe(200);
    expect(refunded.json).toEqual({ status: 'refunded' });
    // The buyer got the first beat's price back; its licence is revoked, the other one works.
    expect((await call(t.app, 'GET', `/api/orders/${cart.orderId}`, { token: buyer.accessToken })).json).toMatchObject({ status: 'paid', refunded: 10 });
    const [firstLicence, secondLicence] = cart.licenceIds;
    const licenceOf = async (id: string) => (await call(t.app, 'GET', `/api/licences/${id}/downloads`, { token: buyer.accessToken })).json;
    const revoked = await licenceOf(firstLicence!);
    const kept = await licenceOf(secondLicence!);
    expect([revoked.error?.code, kept.error?.code].sort()).toEqual(['licence_revoked', undefined].sort());
    // Each producer's ledger: the first nets to zero, the second keeps the sale whole.
    const ledgerOf = async (token: string) =>
      (await call(t.app, 'GET', '/api/ledger.csv', { token })).text.trim().split('\r\n').slice(1).map((line) => line.split(',')).filter((row) => row[1] === cart.orderId);
    const firstRows = await ledgerOf(first.producer.accessToken);
    expect(firstRows.map((row) => row[13])).toEqual(['sale', 'refund']);
    expect(firstRows.reduce((sum, row) => sum + Number(row[11]), 0)).toBeCloseTo(0, 2);
    expect((await ledgerOf(second.producer.accessToken)).map((row) => row[13])).toEqual(['sale']);
    expect(await salesOf(first.producer.accessToken)).toEqual([expect.objectContaining({ orderId: cart.orderId, status: 'refunded', refunded: 10, refundable: false })]);
    expect(await salesOf(second.producer.accessToken)).toEqual([expect.objectContaining({ orderId: cart.orderId, status: 'paid', refunded: 0, orderRefunded: 10, refundable: true })]);
    const again = await call(t.app, 'POST', `/api/sales/${cart.orderId}/refund`, { token: first.producer.accessToken });
    expect([again.status, again.json.error.code]).toEqual([409, 'sale_not_refundable']);
    // The analytics count only what stands: the first producer's sale is gone, the second's is whole.
    const today = t.clock.now().toISOString().slice(0, 10);
    const summaryOf = async (token: string) => (await call(t.app, 'GET', `/api/analytics/summary?from=${today}&to=${today}`, { token })).json;
    expect(await summaryOf(first.producer.accessToken)).toMatchObject({ sales: 0, revenue: 0 });
    expect(await summaryOf(second.producer.accessToken)).toMatchObject({ sales: 1, revenue: 12 });

    // The second producer refunds theirs too: now the whole order is refunded.
    expect((await call(t.app, 'POST', `/api/sales/${cart.orderId}/refund`, { token: second.producer.accessToken })).json).toEqual({ status: 'refunded' });
    expect((await call(t.app, 'GET', `/api/orders/${cart.orderId}`, { token: buyer.accessToken })).json).toMatchObject({ status: 'refunded', refunded: 22 });
    expect((await licenceOf(secondLicence!)).error.code).toBe('licence_revoked');

    // Three more sales of the first producer's beat: pages of two, newest first, nothing twice.
    const orders = [];
    for (let i = 0; i < 3; i++) orders.push((await pay((await signUp(t.app)).accessToken, [{ beatId: first.beatId, tier: 'basic' }])).orderId);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { json: { sales: Array<{ orderId: string }>; nextCursor: string | null } } = await call(t.app, 'GET', `/api/sales?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: first.producer.accessToken });
      seen.push(...page.json.sales.map((sale) => sale.orderId));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...orders.reverse(), cart.orderId]);
    expect((await call(t.app, 'GET', '/api/sales?cursor=bogus', { token: first.producer.accessToken })).json.error.code).toBe('invalid_cursor');
  });
});
