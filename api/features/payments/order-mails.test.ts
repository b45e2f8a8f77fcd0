import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chargeRefunded, createStripeTestApp, deliver, publishedBeat, sessionCompleted } from '../../testing/commerce-fixtures.ts';
import { call, readOutbox, signUp, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';

/** The e-mails a paid order sends: the buyer's receipt and a notice to everyone who earns from it. */
describe.each(databaseKinds())('order e-mails (%s)', (kind) => {
  let t: TestApp;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ t, close } = await createStripeTestApp(kind));
  });
  afterAll(() => close());

  const mailsTo = async (email: string) => (await readOutbox(t.config.mail.outboxDir)).filter((mail) => mail.to === email);

  /** Checks out and has Stripe report the payment; returns what a later event needs. */
  async function paid(buyerToken: string, beatId: string, tier: string) {
    const response = await call(t.app, 'POST', `/api/beats/${beatId}/purchase`, { token: buyerToken, body: { tier } });
    expect(response.status, response.text).toBe(201);
    const sessionId = /cs_fake_\w+/.exec(response.json.checkoutUrl)![0];
    const order = { orderId: response.json.order.id as string, sessionId, paymentIntent: `pi_${sessionId}`, amountTotal: Math.round(response.json.order.total * 100) };
    const event = sessionCompleted(order);
    expect((await deliver(t.app, event)).json.duplicate).toBe(false);
    return { ...order, event };
  }

  it('sends the buyer a receipt and the producer and a split collaborator their shares, each in their language, once', async () => {
    const producer = await signUp(t.app, { displayName: 'Ona Keys', locale: 'fr' });
    const { beatId } = await publishedBeat(t.app, { title: 'Tidal', price: 20, producer });
    const singer = await signUp(t.app, { displayName: 'Sol Singer' });
    const splits = [
      { userId: producer.userId, percent: 75 },
      { userId: singer.userId, percent: 25 },
    ];
    expect((await call(t.app, 'PUT', `/api/beats/${beatId}/splits`, { token: producer.accessToken, body: { splits } })).status).toBe(200);
    const buyer = await signUp(t.app, { displayName: 'Milo' });
    const order = await paid(buyer.accessToken, beatId, 'basic');

    await expect.poll(async () => (await mailsTo(buyer.email)).length).toBe(1);
    const [receipt] = await mailsTo(buyer.email);
    expect(receipt!.subject).toBe('Your CreatorSync receipt: $20.00');
    expect(receipt!.text).toContain('• Tidal — Basic licence — $20.00');
    expect(receipt!.text).toContain('Total paid: $20.00');

    // The ledger's figures: 10 % platform fee on the Free plan, then the split.
    await expect.poll(async () => (await mailsTo(producer.email)).length).toBe(1);
    const [notice] = await mailsTo(producer.email);
    expect(notice!.subject).toBe('Vous avez vendu « Tidal »');
    expect(notice!.text).toContain('Milo vient de vous acheter');
    expect(notice!.text).toMatch(/Votre part, après frais et partages : 13,50\s\$US/);
    await expect.poll(async () => (await mailsTo(singer.email)).length).toBe(1);
    expect((await mailsTo(singer.email))[0]!.text).toContain('Your share, after fees and splits: $4.50.');

    // A redelivery of the payment sends nothing more; nor does another event about the paid order, nor a refund.
    expect((await deliver(t.app, order.event)).json.duplicate).toBe(true);
    const later = { ...order.event, id: `${order.event.id}_async`, type: 'checkout.session.async_payment_succeeded' };
    expect((await deliver(t.app, later)).json.duplicate).toBe(false);
    await deliver(t.app, chargeRefunded({ paymentIntent: order.paymentIntent, amount: order.amountTotal, amountRefunded: order.amountTotal }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const person of [buyer, producer, singer]) expect(await mailsTo(person.email)).toHaveLength(1);
  });
});
