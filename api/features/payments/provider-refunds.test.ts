import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beats, ledgerEntries, orders } from '../../db/schema.ts';
import { chargeRefunded, createStripeTestApp, deliver, disputeClosed, disputeEvent, publishedBeat, sessionCompleted } from '../../testing/commerce-fixtures.ts';
import type { FakeStripe } from '../../testing/fake-stripe.ts';
import { call, signUp, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';

/** Refunds made at Stripe after a sale (`charge.refunded`), and payments that do not match their order. */
describe.each(databaseKinds())('refunds made in Stripe (%s)', (kind) => {
  let t: TestApp;
  let stripe: FakeStripe;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ t, stripe, close } = await createStripeTestApp(kind));
  });
  afterAll(() => close());

  /** Buys one licence and pays for it through a signed webhook; returns what a refund event needs. */
  async function paidLicence(buyerToken: string, beatId: string, tier = 'basic') {
    const response = await call(t.app, 'POST', `/api/beats/${beatId}/purchase`, { token: buyerToken, body: { tier } });
    expect(response.status, response.text).toBe(201);
    const sessionId = /cs_fake_\w+/.exec(response.json.checkoutUrl)![0];
    const order = { orderId: response.json.order.id as string, sessionId, paymentIntent: `pi_${sessionId}`, amountTotal: Math.round(response.json.order.total * 100) };
    expect((await deliver(t.app, sessionCompleted(order))).json.duplicate).toBe(false);
    const mine = await call(t.app, 'GET', '/api/licences', { token: buyerToken });
    const licence = mine.json.licences.find((row: { orderId: string }) => row.orderId === order.orderId);
    expect(licence).toBeDefined();
    return { ...order, licenceId: licence.id as string };
  }

  /** Sum of the ledger rows of one order per collaborator, in cents: [gross, fee, net]. */
  async function ledgerSums(orderId: string) {
    const rows = await t.database.db.select().from(ledgerEntries).where(eq(ledgerEntries.orderId, orderId));
    const sums = new Map<string, [number, number, number]>();
    for (const row of rows) {
      const sum = sums.get(row.userId) ?? [0, 0, 0];
      sums.set(row.userId, [sum[0] + row.grossCents, sum[1] + row.feeCents, sum[2] + row.netCents]);
    }
    return { rows, sums };
  }

  const orderOf = async (orderId: string) => (await t.database.db.select().from(orders).where(eq(orders.id, orderId)))[0]!;
  const today = () => t.clock.now().toISOString().slice(0, 10);

  it('a full refund revokes the licence, its files, links and contract, nets the ledger to zero and leaves the analytics; redeliveries change nothing', async () => {
    const { beatId, producer } = await publishedBeat(t.app, { price: 33.33 });
    const singer = await signUp(t.app);
    const splits = [
      { userId: producer.userId, percent: 60 },
      { userId: singer.userId, percent: 40 },
    ];
    expect((await call(t.app, 'PUT', `/api/beats/${beatId}/splits`, { token: producer.accessToken, body: { splits } })).status).toBe(200);
    const buyer = await signUp(t.app);
    const paid = await paidLicence(buyer.accessToken, beatId);
    const links = await call(t.app, 'GET', `/api/licences/${paid.licenceId}/downloads`, { token: buyer.accessToken });
    expect(links.status, links.text).toBe(200);
    const link = links.json.links[0].url as string;
    expect((await t.app.request(link)).status).toBe(200);
    const before = await call(t.app, 'GET', `/api/analytics/summary?from=${today()}&to=${today()}`, { token: producer.accessToken });
    expect(before.json).toMatchObject({ sales: 1, revenue: 33.33 });

    const refund = chargeRefunded({ paymentIntent: paid.paymentIntent, amount: 3333, amountRefunded: 3333 });
    const applied = await deliver(t.app, refund);
    expect(applied.status, applied.text).toBe(200);
    expect(applied.json.duplicate).toBe(false);

    const order = await call(t.app, 'GET', `/api/orders/${paid.orderId}`, { token: buyer.accessToken });
    expect(order.json).toMatchObject({ status: 'refunded', refundReason: 'refunded_by_provider' });
    const listed = (await call(t.app, 'GET', '/api/licences', { token: buyer.accessToken })).json.licences.find((row: { id: string }) => row.id === paid.licenceId);
    expect(listed.revokedAt).toEqual(expect.any(String));
    for (const route of [`/api/licences/${paid.licenceId}/downloads`, `/api/licences/${paid.licenceId}/contract.pdf`]) {
      const refused = await call(t.app, 'GET', route, { token: buyer.accessToken });
      expect(refused.status).toBe(410);
      expect(refused.json.error.code).toBe('licence_revoked');
    }
    // A link handed out before the refund stops working too.
    const stale = await t.app.request(link);
    expect(stale.status).toBe(410);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('licence_revoked');
    const startSong = await call(t.app, 'POST', `/api/licences/${paid.licenceId}/start-song`, { token: buyer.accessToken });
    expect(startSong.status).toBe(410);

    // Each collaborator's rows of this order add up to nothing: gross, fee and net.
    const { rows, sums } = await ledgerSums(paid.orderId);
    expect(rows.filter((row) => row.kind === 'refund')).toHaveLength(2);
    expect([...sums.values()]).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    const csv = (await call(t.app, 'GET', '/api/ledger.csv', { token: singer.accessToken })).text.trim().split('\r\n');
    const refundLine = csv.find((line) => line.endsWith(',refund'))!.split(',');
    expect(refundLine[8]).toBe('-13.33');
    expect(refundLine[11]).toBe('-12.00');
    const after = await call(t.app, 'GET', `/api/analytics/summary?from=${today()}&to=${today()}`, { token: producer.accessToken });
    expect(after.json).toMatchObject({ sales: 0, revenue: 0 });
    const [beat] = await t.database.db.select({ saleCount: beats.saleCount }).from(beats).where(eq(beats.id, beatId));
    expect(beat!.saleCount).toBe(0);

    // The same event again, and another event about the same (cumulative) refund: nothing more.
    expect((await deliver(t.app, refund)).json.duplicate).toBe(true);
    expect((await deliver(t.app, chargeRefunded({ paymentIntent: paid.paymentIntent, amount: 3333, amountRefunded: 3333 }))).status).toBe(200);
    expect((await ledgerSums(paid.orderId)).rows).toHaveLength(rows.length);
    // The buyer may buy it again: the refunded licence does not count as owned.
    const again = await call(t.app, 'POST', `/api/beats/${beatId}/purchase`, { token: buyer.accessToken, body: { tier: 'basic' } });
    expect(again.status, again.text).toBe(201);
  });

  it('partial refunds take money back in proportion and keep the licence; a late older event changes nothing; the rest completes the refund', async () => {
    const { beatId, producer } = await publishedBeat(t.app, { price: 25 });
    const buyer = await signUp(t.app);
    const paid = await paidLicence(buyer.accessToken, beatId, 'premium');
    const sale = await ledgerSums(paid.orderId);
    expect(sale.sums.get(producer.userId)).toEqual([5000, 500, 4500]);

    const tenDollars = chargeRefunded({ paymentIntent: paid.paymentIntent, amount: 5000, amountRefunded: 1000 });
    const thirtyDollars = chargeRefunded({ paymentIntent: paid.paymentIntent, amount: 5000, amountRefunded: 3000 });
    await deliver(t.app, thirtyDollars);
    // Stripe does not promise order: the older, smaller cumulative amount arrives after the newer one.
    await deliver(t.app, tenDollars);
    expect(await orderOf(paid.orderId)).toMatchObject({ status: 'paid', refundedCents: 3000 });
    expect((await call(t.app, 'GET', `/api/orders/${paid.orderId}`, { token: buyer.accessToken })).json).toMatchObject({ status: 'paid', total: 50, refunded: 30 });
    expect((await ledgerSums(paid.orderId)).sums.get(producer.userId)).toEqual([2000, 200, 1800]);
    // Still a sale in the producer's analytics, for what was kept.
    const summary = await call(t.app, 'GET', `/api/analytics/summary?from=${today()}&to=${today()}`, { token: producer.accessToken });
    expect(summary.json).toMatchObject({ sales: 1, revenue: 20 });
    expect((await call(t.app, 'GET', `/api/licences/${paid.licenceId}/downloads`, { token: buyer.accessToken })).status).toBe(200);

    await deliver(t.app, chargeRefunded({ paymentIntent: paid.paymentIntent, amount: 5000, amountRefunded: 5000 }));
    expect(await orderOf(paid.orderId)).toMatchObject({ status: 'refunded', refundedCents: 5000 });
    expect((await ledgerSums(paid.orderId)).sums.get(producer.userId)).toEqual([0, 0, 0]);
    expect((await call(t.app, 'GET', `/api/licences/${paid.licenceId}/downloads`, { token: buyer.accessToken })).status).toBe(410);
  });

  it('a producer’s refund goes through Stripe and takes effect when Stripe confirms it', async () => {
    const { beatId, producer } = await publishedBeat(t.app, { price: 18 });
    const buyer = await signUp(t.app);
    const paid = await paidLicence(buyer.accessToken, beatId);
    const requested = await call(t.app, 'POST', `/api/sales/${paid.orderId}/refund`, { token: producer.accessToken });
    expect(requested.status, requested.text).toBe(200);
    expect(requested.json).toEqual({ status: 'requested' });
    expect(stripe.refunds().at(-1)).toMatchObject({ payment_intent: paid.paymentIntent, metadata: { orderId: paid.orderId } });
    // Nothing changes here until Stripe says the money went back.
    expect(await orderOf(paid.orderId)).toMatchObject({ status: 'paid' });
    await deliver(t.app, chargeRefunded({ paymentIntent: paid.paymentIntent, amount: 1800, amountRefunded: 1800 }));
    expect(await orderOf(paid.orderId)).toMatchObject({ status: 'refunded' });
    expect((await call(t.app, 'GET', `/api/licences/${paid.licenceId}/downloads`, { token: buyer.accessToken })).status).toBe(410);

    // Stripe down: 502, and the sale stays as it was.
    const other = await paidLicence((await signUp(t.app)).accessToken, beatId);
    stripe.failNext(3);
    const failed = await call(t.app, 'POST', `/api/sales/${other.orderId}/refund`, { token: producer.accessToken });
    expect(failed.status).toBe(502);
    expect(await orderOf(other.orderId)).toMatchObject({ status: 'paid' });
  });

  it('in a cart, a producer’s refund of their part goes through Stripe for their lines’ amount, and the event it causes pays back only those lines', async () => {
    const first = await publishedBeat(t.app, { price: 10 });
    const second = await publishedBeat(t.app, { price: 30 });
    const buyer = await signUp(t.app);
    const checkout = await call(t.app, 'POST', '/api/checkout', { token: buyer.accessToken, body: { items: [{ beatId: first.beatId, tier: 'basic' }, { beatId: second.beatId, tier: 'basic' }] } });
    expect(checkout.status, checkout.text).toBe(201);
    const sessionId = /cs_fake_\w+/.exec(checkout.json.checkoutUrl)![0];
    const cart = { orderId: checkout.json.order.id as string, sessionId, paymentIntent: `pi_${sessionId}`, amountTotal: 4000 };
    await deliver(t.app, sessionCompleted(cart));
    const licences = (await call(t.app, 'GET', '/api/licences', { token: buyer.accessToken })).json.licences.filter((row: { orderId: string }) => row.orderId === cart.orderId);
    const licenceOf = (beatId: string) => licences.find((row: { beatId: string }) => row.beatId === beatId).id as string;
    const downloads = async (beatId: string) => (await call(t.app, 'GET', `/api/licences/${licenceOf(beatId)}/downloads`, { token: buyer.accessToken })).status;
    const saleOf = async (token: string) => (await call(t.app, 'GET', '/api/sales', { token })).json.sales.find((sale: { orderId: string }) => sale.orderId === cart.orderId);

    // A whole-order refund event from the dashboard first: 4 of 40 back, spread 1 and 3.
    await deliver(t.app, chargeRefunded({ paymentIntent: cart.paymentIntent, amount: 4000, amountRefunded: 400 }));
    expect(await saleOf(first.producer.accessToken)).toMatchObject({ refunded: 1, status: 'paid', refundable: true });

    // The first producer refunds the 9 left on their line, through Stripe, for that amount only.
    const requested = await call(t.app, 'POST', `/api/sales/${cart.orderId}/refund`, { token: first.producer.accessToken });
    expect(requested.json).toEqual({ status: 'requested' });
    const refundCall = stripe.requests.filter((request) => request.path === '/v1/refunds').at(-1)!;
    expect(refundCall.params).toMatchObject({ payment_intent: cart.paymentIntent, amount: '900', metadata: { orderId: cart.orderId, producerId: first.producer.userId } });
    expect(refundCall.idempotencyKey).toBe(`refund-${cart.orderId}-${first.producer.userId}`);
    expect(await saleOf(first.producer.accessToken)).toMatchObject({ refundRequested: true, refundable: false, status: 'paid' });
    // Asking again repeats the same request (same key), nothing more.
    await call(t.app, 'POST', `/api/sales/${cart.orderId}/refund`, { token: first.producer.accessToken });
    expect(stripe.requests.filter((request) => request.path === '/v1/refunds').at(-1)!.idempotencyKey).toBe(refundCall.idempotencyKey);

    // Stripe confirms: 13 of 40 refunded in all; the first line is refunded in full, the second keeps its 3.
    await deliver(t.app, chargeRefunded({ paymentIntent: cart.paymentIntent, amount: 4000, amountRefunded: 1300 }));
    expect(await orderOf(cart.orderId)).toMatchObject({ status: 'paid', refundedCents: 1300 });
    expect(await saleOf(first.producer.accessToken)).toMatchObject({ status: 'refunded', refunded: 10, refundRequested: false, refundable: false });
    expect(await saleOf(second.producer.accessToken)).toMatchObject({ status: 'paid', refunded: 3, refundable: true });
    expect([await downloads(first.beatId), await downloads(second.beatId)]).toEqual([410, 200]);
    const { sums } = await ledgerSums(cart.orderId);
    expect(sums.get(first.producer.userId)).toEqual([0, 0, 0]);
    expect(sums.get(second.producer.userId)![0]).toBe(3000 - 300);

    // The rest, from the dashboard: the order is refunded and every line with it.
    await deliver(t.app, chargeRefunded({ paymentIntent: cart.paymentIntent, amount: 4000, amountRefunded: 4000 }));
    expect(await orderOf(cart.orderId)).toMatchObject({ status: 'refunded' });
    expect((await ledgerSums(cart.orderId)).sums.get(second.producer.userId)).toEqual([0, 0, 0]);
    expect(await downloads(second.beatId)).toBe(410);
  });

  it('a dispute the seller lost takes the money back like a refund; one they won changes nothing', async () => {
    const { beatId, producer } = await publishedBeat(t.app, { price: 15 });
    const buyer = await signUp(t.app);
    const won = await paidLicence(buyer.accessToken, beatId);
    await deliver(t.app, disputeClosed({ paymentIntent: won.paymentIntent, amount: 1500, status: 'won' }));
    expect(await orderOf(won.orderId)).toMatchObject({ status: 'paid', refundedCents: 0 });

    const other = await signUp(t.app);
    const lost = await paidLicence(other.accessToken, beatId);
    const event = disputeClosed({ paymentIntent: lost.paymentIntent, amount: 1500, status: 'lost' });
    await deliver(t.app, event);
    expect((await deliver(t.app, event)).json.duplicate).toBe(true);
    expect(await orderOf(lost.orderId)).toMatchObject({ status: 'refunded', refundReason: 'dispute_lost', refundedCents: 1500 });
    expect((await ledgerSums(lost.orderId)).sums.get(producer.userId)).toEqual([0, 0, 0]);
    expect((await call(t.app, 'GET', `/api/licences/${lost.licenceId}/downloads`, { token: other.accessToken })).json.error.code).toBe('licence_revoked');
    expect((await call(t.app, 'GET', `/api/licences/${won.licenceId}/downloads`, { token: buyer.accessToken })).status).toBe(200);
  });

  it('an open chargeback puts the licence on hold (files, links, contract, song); winning it gives everything back, and a late event cannot reopen it', async () => {
    const { beatId, producer } = await publishedBeat(t.app, { price: 20 });
    const buyer = await signUp(t.app);
    const paid = await paidLicence(buyer.accessToken, beatId);
    const link = (await call(t.app, 'GET', `/api/licences/${paid.licenceId}/downloads`, { token: buyer.accessToken })).json.links[0].url as string;
    const dispute = { paymentIntent: paid.paymentIntent, amount: 2000 };

    // An inquiry moves no money and holds nothing.
    await deliver(t.app, disputeEvent('charge.dispute.created', { ...dispute, status: 'warning_needs_response' }));
    expect((await call(t.app, 'GET', `/api/licences/${paid.licenceId}/downloads`, { token: buyer.accessToken })).status).toBe(200);

    const created = disputeEvent('charge.dispute.updated', { ...dispute, status: 'needs_response' });
    await deliver(t.app, created);
    const held = async (path: string, method = 'GET') => (await call(t.app, method, path, { token: buyer.accessToken })).json.error?.code;
    expect(await held(`/api/licences/${paid.licenceId}/downloads`)).toBe('licence_on_hold');
    expect(await held(`/api/licences/${paid.licenceId}/contract.pdf`)).toBe('licence_on_hold');
    expect(await held(`/api/licences/${paid.licenceId}/start-song`, 'POST')).toBe('licence_on_hold');
    const linkWhileHeld = await t.app.request(link);
    expect(linkWhileHeld.status).toBe(409);
    const licence = (await call(t.app, 'GET', '/api/licences', { token: buyer.accessToken })).json.licences.find((row: { id: string }) => row.id === paid.licenceId);
    expect(licence.heldAt).not.toBeNull();
    expect(licence.revokedAt).toBeNull();
    const order = (await call(t.app, 'GET', '/api/orders', { token: buyer.accessToken })).json.orders.find((row: { id: string }) => row.id === paid.orderId);
    expect(order).toMatchObject({ status: 'paid', dispute: 'open' });
    // The producer sees it and cannot refund it: the bank decides.
    const sale = (await call(t.app, 'GET', '/api/sales', { token: producer.accessToken })).json.sales.find((row: { orderId: string }) => row.orderId === paid.orderId);
    expect(sale).toMatchObject({ dispute: 'open', refundable: false });
    expect((await call(t.app, 'POST', `/api/sales/${paid.orderId}/refund`, { token: producer.accessToken })).json.error.code).toBe('sale_not_refundable');

    await deliver(t.app, disputeEvent('charge.dispute.closed', { ...dispute, status: 'won' }));
    expect((await call(t.app, 'GET', `/api/licences/${paid.licenceId}/downloads`, { token: buyer.accessToken })).status).toBe(200);
    expect((await t.app.request(link)).status).toBe(200);
    expect(await orderOf(paid.orderId)).toMatchObject({ status: 'paid', refundedCents: 0, disputeStatus: 'won' });

    // Stripe does not promise order: an `updated` from before the decision, delivered after it, changes nothing.
    await deliver(t.app, disputeEvent('charge.dispute.updated', { ...dispute, status: 'under_review' }));
    expect((await call(t.app, 'GET', `/api/licences/${paid.licenceId}/downloads`, { token: buyer.accessToken })).status).toBe(200);
    expect((await orderOf(paid.orderId)).disputeStatus).toBe('won');
  });

  it('a chargeback lost for part of the price lifts the hold and takes that part back; a late duplicate decision is not applied twice', async () => {
    const { beatId, producer } = await publishedBeat(t.app, { price: 40 });
    const buyer = await signUp(t.app);
    const paid = await paidLicence(buyer.accessToken, beatId);
    await deliver(t.app, disputeEvent('charge.dispute.created', { paymentIntent: paid.paymentIntent, amount: 1000, status: 'needs_response' }));
    expect((await call(t.app, 'GET', `/api/licences/${paid.licenceId}/downloads`, { token: buyer.accessToken })).json.error.code).toBe('licence_on_hold');
    await deliver(t.app, disputeEvent('charge.dispute.updated', { paymentIntent: paid.paymentIntent, amount: 1000, status: 'lost' }));
    await deliver(t.app, disputeEvent('charge.dispute.closed', { paymentIntent: paid.paymentIntent, amount: 1000, status: 'lost' }));
    expect(await orderOf(paid.orderId)).toMatchObject({ status: 'paid', refundedCents: 1000 });
    expect((await call(t.app, 'GET', `/api/licences/${paid.licenceId}/downloads`, { token: buyer.accessToken })).status).toBe(200);
    const [gross] = (await ledgerSums(paid.orderId)).sums.get(producer.userId)!;
    expect(gross).toBe(3000);
  });

  it('a refunded exclusive frees the beat: back to draft, and once the producer re-lists it the exclusive sells again', async () => {
    const { beatId, producer } = await publishedBeat(t.app, { price: 10 });
    const first = await signUp(t.app);
    const paid = await paidLicence(first.accessToken, beatId, 'exclusive');
    expect((await t.database.db.select({ status: beats.status }).from(beats).where(eq(beats.id, beatId)))[0]!.status).toBe('sold');

    await deliver(t.app, chargeRefunded({ paymentIntent: paid.paymentIntent, amount: 25_000, amountRefunded: 25_000 }));
    expect((await t.database.db.select({ status: beats.status }).from(beats).where(eq(beats.id, beatId)))[0]!.status).toBe('draft');
    const tiers = await call(t.app, 'GET', `/api/beats/${beatId}/licences`, { token: producer.accessToken });
    expect(tiers.json.exclusiveSold).toBe(false);
    const exclusive = tiers.json.tiers.find((tier: { tier: string }) => tier.tier === 'exclusive');
    const relisted = await call(t.app, 'PUT', `/api/beats/${beatId}/licences`, { token: producer.accessToken, body: { tiers: [{ ...exclusive, enabled: true }] } });
    expect(relisted.status, relisted.text).toBe(200);
    expect((await call(t.app, 'POST', `/api/beats/${beatId}/publish`, { token: producer.accessToken })).status).toBe(200);

    const second = await signUp(t.app);
    const resold = await paidLicence(second.accessToken, beatId, 'exclusive');
    expect(await orderOf(resold.orderId)).toMatchObject({ status: 'paid' });
  });

  it('a checkout paid with another amount than the order grants nothing and is refunded; the refund event it causes changes nothing', async () => {
    const { beatId } = await publishedBeat(t.app, { price: 20 });
    const buyer = await signUp(t.app);
    const response = await call(t.app, 'POST', `/api/beats/${beatId}/purchase`, { token: buyer.accessToken, body: { tier: 'basic' } });
    const sessionId = /cs_fake_\w+/.exec(response.json.checkoutUrl)![0];
    const order = { orderId: response.json.order.id as string, sessionId, paymentIntent: `pi_${sessionId}`, amountTotal: 100 };
    const refundsBefore = stripe.refunds().length;
    expect((await deliver(t.app, sessionCompleted(order))).status).toBe(200);
    expect(await orderOf(order.orderId)).toMatchObject({ status: 'refunded', refundReason: 'amount_mismatch' });
    expect(stripe.refunds().length - refundsBefore).toBe(1);
    expect(stripe.refunds().at(-1)).toMatchObject({ payment_intent: order.paymentIntent });
    expect((await call(t.app, 'GET', '/api/licences', { token: buyer.accessToken })).json.licences).toHaveLength(0);

    // The right amount in another currency is not the order's price either.
    const other = await call(t.app, 'POST', `/api/beats/${beatId}/purchase`, { token: buyer.accessToken, body: { tier: 'basic' } });
    const otherSession = /cs_fake_\w+/.exec(other.json.checkoutUrl)![0];
    const euros = sessionCompleted({ orderId: other.json.order.id, sessionId: otherSession, paymentIntent: `pi_${otherSession}`, amountTotal: 2000 });
    await deliver(t.app, { ...euros, data: { object: { ...euros.data.object, currency: 'eur' } } });
    expect(await orderOf(other.json.order.id)).toMatchObject({ status: 'refunded', refundReason: 'amount_mismatch' });

    // Stripe then reports the refund this app made: the order is already settled, the ledger untouched.
    await deliver(t.app, chargeRefunded({ paymentIntent: order.paymentIntent, amount: 100, amountRefunded: 100 }));
    expect(await orderOf(order.orderId)).toMatchObject({ status: 'refunded', refundReason: 'amount_mismatch', refundedCents: 0 });
    expect((await ledgerSums(order.orderId)).rows).toHaveLength(0);
  });

  it('refuses a refund event with a bad signature and ignores one for a payment it does not know', async () => {
    const forged = await deliver(t.app, chargeRefunded({ paymentIntent: 'pi_unknown', amount: 100, amountRefunded: 100 }), 'whsec_someone_else');
    expect(forged.status).toBe(400);
    const unknown = await deliver(t.app, chargeRefunded({ paymentIntent: 'pi_unknown', amount: 100, amountRefunded: 100 }));
    expect(unknown.status).toBe(200);
  });
});
