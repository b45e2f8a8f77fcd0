import type { Browser, BrowserContext, Page } from 'playwright-core';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chargeRefunded, disputeEvent, sessionCompleted, stripeSubscription, subscriptionEvent, WEBHOOK_SECRET } from '../../api/testing/commerce-fixtures.ts';
import { startFakeStripe, type FakeStripe } from '../../api/testing/fake-stripe.ts';
import { apiCallsTo } from './api-calls.ts';
import { launchChromium, registerThroughApi, screenshot, uniqueEmail, VIEWPORTS, WatchedPage } from './browser.ts';
import { startProduct, type ProductServer } from './product-server.ts';

/**
 * The store in Stripe mode, as the buyer sees it: the product runs against the local fake Stripe (its
 * own instance, beside the suite's test-mode one) and payments, refunds and disputes arrive as
 * webhooks signed by the Stripe SDK. Coming back from Stripe Checkout, paid or not; a refund made in
 * Stripe's dashboard revoking the licence in the library; a chargeback putting it on hold.
 */
const password = 'quiet-lantern-58-rivers';
const producer = { email: uniqueEmail('prod-refund'), password, displayName: 'Ona Keys' };
const buyer = { email: uniqueEmail('buyer-refund'), password, displayName: 'Milo' };
const refundedTitle = `Paper Moons ${Date.now().toString(36)}`;
const keptTitle = `Tide Clock ${Date.now().toString(36)}`;
const disputedTitle = `Glass Harbour ${Date.now().toString(36)}`;

let stripe: FakeStripe;
let product: ProductServer;
let browser: Browser;
let context: BrowserContext;
let watched: WatchedPage;
let page: Page;
const signer = new Stripe('sk_test_signer_only');

/** Posts an event to the product's webhook with the signature Stripe would send. */
async function deliver(event: object): Promise<void> {
  const payload = JSON.stringify(event);
  const response = await fetch(`${product.baseUrl}/api/payments/webhook`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }) },
    body: payload,
  });
  if (response.status !== 200) throw new Error(`webhook: ${response.status} ${await response.text()}`);
}

/** The producer publishes a beat. */
async function publishedBeat(title: string): Promise<string> {
  const { accessTokenFor, publishBeat } = apiCallsTo(product.baseUrl);
  return publishBeat(await accessTokenFor(producer), { title, genre: 'lo-fi', price: 12, bpm: 84 });
}

/** The producer publishes a beat; the buyer checks it out and Stripe reports the payment. */
async function boughtBeat(title: string): Promise<{ paymentIntent: string; amount: number }> {
  const { api, accessTokenFor } = apiCallsTo(product.baseUrl);
  const beatId = await publishedBeat(title);
  const purchase = await api(`/api/beats/${beatId}/purchase`, { method: 'POST', token: await accessTokenFor(buyer), body: { tier: 'basic' } });
  expect(purchase.status).toBe(201);
  const sessionId = /cs_fake_\w+/.exec(purchase.json.checkoutUrl as string)![0];
  const amount = Math.round((purchase.json.order.total as number) * 100);
  const paymentIntent = `pi_${sessionId}`;
  await deliver(sessionCompleted({ orderId: purchase.json.order.id as string, sessionId, paymentIntent, amountTotal: amount }));
  return { paymentIntent, amount };
}

/** Signs in through the form once the start-up refresh (a guest's 401) is over, heading for `next`. */
async function signIn(on: Page, account: { email: string; password: string }, next: string): Promise<void> {
  const restored = on.waitForResponse((response) => response.url().endsWith('/api/auth/refresh'));
  await on.goto(`${product.baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
  await restored;
  await on.getByLabel('E-mail').fill(account.email);
  await on.getByLabel('Password', { exact: true }).fill(account.password);
  await on.getByRole('button', { name: 'Sign in' }).click();
}

/** Beats whose audio the library keeps in IndexedDB on this device. */
function savedAudioIds(): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('creatorsync-library');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const keys = open.result.transaction('audio').objectStore('audio').getAllKeys();
          keys.onerror = () => reject(keys.error);
          keys.onsuccess = () => {
            open.result.close();
            resolve(keys.result as string[]);
          };
        };
      }),
  );
}

beforeAll(async () => {
  stripe = await startFakeStripe();
  // The suite's global setup built dist/ already.
  product = await startProduct({ STRIPE_SECRET_KEY: 'sk_test_fake', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_BASE: stripe.url, SKIP_BUILD: '1' });
  await registerThroughApi(product.baseUrl, producer);
  await registerThroughApi(product.baseUrl, buyer);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'en-US', colorScheme: 'light' });
  watched = await WatchedPage.open(context);
  page = watched.page;
});

afterAll(async () => {
  await browser?.close();
  await product?.stop();
  await stripe?.close();
});

describe('a refund made in Stripe, in the buyer’s library', () => {
  it('shows the refunded licence revoked, without its files, and drops its offline copy; the other licence is untouched', async () => {
    const refunded = await boughtBeat(refundedTitle);
    await boughtBeat(keptTitle);

    await signIn(page, buyer, '/library');
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    const refundedLicence = page.locator('article.licence', { hasText: refundedTitle });
    const keptLicence = page.locator('article.licence', { hasText: keptTitle });
    await refundedLicence.getByRole('button', { name: 'Save for offline' }).click();
    await refundedLicence.getByText('Saved on this device').waitFor();
    expect(await savedAudioIds()).toHaveLength(1);

    await deliver(chargeRefunded({ paymentIntent: refunded.paymentIntent, amount: refunded.amount, amountRefunded: refunded.amount }));
    await page.reload();
    await refundedLicence.getByText('this licence was revoked').waitFor();
    expect(await refundedLicence.getByRole('button').count()).toBe(0);
    await expect.poll(savedAudioIds).toEqual([]);
    await keptLicence.getByRole('button', { name: 'Get download links' }).click();
    await keptLicence.getByRole('link', { name: 'Download MP3' }).waitFor();
    // The orders under the library say what became of each.
    const orders = page.locator('cs-orders-panel');
    const refundedOrder = orders.getByRole('row', { name: new RegExp(refundedTitle) });
    await refundedOrder.getByText('Refunded', { exact: true }).waitFor();
    await refundedOrder.getByText('Refunded by the producer.').waitFor();
    await orders.getByRole('row', { name: new RegExp(keptTitle) }).getByText('Paid', { exact: true }).waitFor();
    await screenshot(page, 'refunds-phone-library');
    expect(watched.problems()).toEqual([]);
  });

  it('puts a licence on hold while a chargeback is open, and gives it back when the bank decides for the seller', async () => {
    const disputed = await boughtBeat(disputedTitle);
    const dispute = { paymentIntent: disputed.paymentIntent, amount: disputed.amount };
    await deliver(disputeEvent('charge.dispute.created', { ...dispute, status: 'needs_response' }));
    await page.reload();
    const licence = page.locator('article.licence', { hasText: disputedTitle });
    await licence.getByText('this payment was disputed with the bank').waitFor();
    for (const name of ['Get download links', 'Download contract (PDF)', 'Start a song with this beat']) {
      expect(await licence.getByRole('button', { name }).isDisabled(), name).toBe(true);
    }
    const order = page.locator('cs-orders-panel').getByRole('row', { name: new RegExp(disputedTitle) });
    await order.getByText('Disputed: on hold until the bank decides').waitFor();
    await licence.scrollIntoViewIfNeeded();
    await screenshot(page, 'refunds-phone-on-hold');

    await deliver(disputeEvent('charge.dispute.closed', { ...dispute, status: 'won' }));
    await page.reload();
    await order.getByText('Dispute decided for the seller').waitFor();
    // The library shows its saved copy first, then the fresh one: wait for the hold to go.
    await expect.poll(() => licence.getByText('this payment was disputed with the bank').count()).toBe(0);
    await licence.getByRole('button', { name: 'Get download links' }).click();
    await licence.getByRole('link', { name: 'Download MP3' }).waitFor();
    expect(watched.problems()).toEqual([]);
  });
});

describe('coming back from Stripe Checkout', () => {
  it('after paying, the order page waits for Stripe’s word; after leaving, the buyer cancels, Stripe’s session is closed and the beat is back in the cart', async () => {
    const stamp = Date.now().toString(36);
    const paidTitle = `Cobalt Steps ${stamp}`;
    const leftTitle = `Late Ferry ${stamp}`;
    const [paidBeat, leftBeat] = [await publishedBeat(paidTitle), await publishedBeat(leftTitle)];
    const returning = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'en-US', colorScheme: 'light' });
    const returningWatched = await WatchedPage.open(returning);
    const buyerPage = returningWatched.page;
    // Stripe's hosted page, as far as this test needs it: something at the session's address.
    await returning.route('https://checkout.stripe.test/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><title>Stripe Checkout</title><h1>Stripe Checkout</h1></html>' }),
    );
    /** Buys from the beat's page and lands on Stripe; the session and the addresses Stripe returns to. */
    const toStripe = async (beatId: string, title: string) => {
      await buyerPage.goto(`${product.baseUrl}/beats/${beatId}`);
      await buyerPage.getByRole('heading', { level: 1, name: title }).waitFor();
      await buyerPage.getByRole('button', { name: 'Buy Basic licence' }).click();
      await buyerPage.getByRole('heading', { level: 1, name: 'Stripe Checkout' }).waitFor();
      const sessionId = /cs_fake_\w+/.exec(buyerPage.url())![0];
      const created = stripe.requests.filter((request) => request.path === '/v1/checkout/sessions').at(-1)!;
      return { sessionId, successUrl: String(created.params.success_url), cancelUrl: String(created.params.cancel_url), orderId: String((created.params.metadata as Record<string, string>).orderId) };
    };

    await signIn(buyerPage, buyer, `/beats/${paidBeat}`);
    await buyerPage.getByRole('heading', { level: 1, name: paidTitle }).waitFor();

    // Paid on Stripe's page: back on the order's page, which waits until Stripe's webhook says so.
    const paid = await toStripe(paidBeat, paidTitle);
    expect(new URL(paid.successUrl).pathname).toBe(`/orders/${paid.orderId}`);
    stripe.completeSession(paid.sessionId);
    await buyerPage.goto(paid.successUrl);
    await buyerPage.getByRole('heading', { level: 1, name: 'Order' }).waitFor();
    await buyerPage.getByText('Confirming your payment…').waitFor();
    await screenshot(buyerPage, 'stripe-mode-phone-1-confirming');
    const { api, accessTokenFor } = apiCallsTo(product.baseUrl);
    const order = await api(`/api/orders/${paid.orderId}`, { token: await accessTokenFor(buyer) });
    await deliver(sessionCompleted({ orderId: paid.orderId, sessionId: paid.sessionId, paymentIntent: `pi_${paid.sessionId}`, amountTotal: Math.round((order.json.total as number) * 100) }));
    await buyerPage.getByText('Paid. Your licences are in your library.').waitFor();
    await screenshot(buyerPage, 'stripe-mode-phone-2-paid');

    // Left Stripe's page without paying: the way back to it is offered while the session is open…
    const left = await toStripe(leftBeat, leftTitle);
    await buyerPage.goto(left.cancelUrl);
    await buyerPage.getByText('You left the payment page. Nothing was charged.').waitFor();
    expect(stripe.sessions.get(left.sessionId)?.status).toBe('open');
    await buyerPage.getByRole('link', { name: 'Go back to the payment page' }).click();
    await buyerPage.getByRole('heading', { level: 1, name: 'Stripe Checkout' }).waitFor();
    expect(buyerPage.url()).toContain(left.sessionId);
    // …and cancelling closes the session there and gives the beat back.
    await buyerPage.goto(left.cancelUrl);
    await buyerPage.getByRole('button', { name: 'Cancel the order and put its beats back in my cart' }).click();
    await buyerPage.getByText('1 beat is back in your cart.').waitFor();
    expect(stripe.sessions.get(left.sessionId)?.status).toBe('expired');
    expect(await buyerPage.getByRole('link', { name: 'Go back to the payment page' }).count()).toBe(0);
    await screenshot(buyerPage, 'stripe-mode-phone-3-cancelled');
    await buyerPage.getByRole('link', { name: 'Go to your cart' }).click();
    await buyerPage.getByRole('button', { name: 'Check out 1 beat' }).waitFor();
    await buyerPage.getByText(leftTitle).waitFor();

    expect(returningWatched.problems()).toEqual([]);
    await returning.close();
  });
});

describe('a Pro plan paid through Stripe', () => {
  it('subscribes through Stripe Checkout, comes back to a confirmed plan, cancels and keeps it, and after a failed renewal goes to Stripe’s portal to fix the card', async () => {
    const studio = await browser.newContext({ viewport: VIEWPORTS.laptop, locale: 'en-US', colorScheme: 'light' });
    const studioWatched = await WatchedPage.open(studio);
    const producerPage = studioWatched.page;
    // Stripe's hosted pages, as far as this test needs them.
    for (const host of ['https://checkout.stripe.test/**', 'https://billing.stripe.test/**']) {
      await studio.route(host, (route) =>
        route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><title>Stripe</title><h1>${host.includes('billing') ? 'Stripe billing portal' : 'Stripe Checkout'}</h1></html>` }),
      );
    }
    await signIn(producerPage, producer, '/studio');
    const plan = producerPage.locator('cs-subscription-panel');
    await plan.getByRole('button', { name: /^Go Pro — \$9\.99 a month/ }).click();
    await producerPage.getByRole('heading', { level: 1, name: 'Stripe Checkout' }).waitFor();

    // Paid on Stripe's page: back in the studio, which waits for the subscription's webhook.
    const session = stripe.requests.filter((request) => request.path === '/v1/checkout/sessions').at(-1)!;
    await producerPage.goto(String(session.params.success_url));
    await plan.getByText('Confirming your subscription…').waitFor();
    const userId = String((session.params.subscription_data as { metadata: Record<string, string> }).metadata.userId);
    const now = Math.floor(Date.now() / 1000);
    const common = { subscriptionId: `sub_e2e_${userId}`, customer: String(session.params.customer), userId, periodEnd: now + 30 * 86_400 };
    // Event ids unique across runs: on PostgreSQL the database outlives the run, and a known id is a redelivery.
    const eventId = (step: string) => `evt_e2e_${step}_${userId}`;
    await deliver(subscriptionEvent({ ...common, id: eventId('created'), type: 'customer.subscription.created', created: now, status: 'active' }));
    await plan.getByText('Welcome to Pro. Your new plan is active.').waitFor();
    await plan.getByRole('button', { name: 'Manage billing (card, invoices)' }).waitFor();

    // Cancelling, then taking it back: each change shows as waiting until Stripe's webhook confirms it.
    stripe.addSubscription(stripeSubscription({ id: common.subscriptionId, customer: common.customer, userId }));
    const subscriptionUpdates = () => stripe.requests.filter((request) => request.method === 'POST' && request.path === `/v1/subscriptions/${common.subscriptionId}`);
    await plan.getByRole('button', { name: 'Cancel Pro' }).click();
    await plan.getByText('Stripe is confirming the change…').waitFor();
    expect(subscriptionUpdates().at(-1)!.params).toEqual({ cancel_at_period_end: 'true' });
    await deliver(subscriptionEvent({ ...common, id: eventId('cancelling'), type: 'customer.subscription.updated', created: now + 1, status: 'active', cancelAtPeriodEnd: true }));
    await plan.getByText(/Cancelled: Pro ends on /).waitFor({ timeout: 10_000 });
    // The welcome from the checkout gave way to the newer news.
    expect(await plan.getByText('Welcome to Pro. Your new plan is active.').count()).toBe(0);
    expect(await plan.getByText('Stripe is confirming the change…').count()).toBe(0);
    await screenshot(producerPage, 'stripe-mode-laptop-4-cancelled');
    await plan.getByRole('button', { name: 'Keep Pro (take back the cancellation)' }).click();
    await plan.getByText('Stripe is confirming the change…').waitFor();
    expect(subscriptionUpdates().at(-1)!.params).toEqual({ cancel_at_period_end: 'false' });
    await deliver(subscriptionEvent({ ...common, id: eventId('kept'), type: 'customer.subscription.updated', created: now + 2, status: 'active' }));
    await plan.getByText(/Renews on /).waitFor({ timeout: 10_000 });
    await plan.getByRole('button', { name: 'Cancel Pro' }).waitFor();

    // A month later the renewal fails: Stripe retries, the plan stays Pro, the producer is told.
    await deliver(subscriptionEvent({ ...common, id: eventId('past-due'), type: 'customer.subscription.updated', created: now + 3, status: 'past_due' }));
    await producerPage.reload();
    await plan.getByText('Your last payment for Pro did not go through. Stripe will try again; update your card to keep Pro.').waitFor();
    await screenshot(producerPage, 'stripe-mode-laptop-5-renewal-failed');
    await plan.getByRole('button', { name: 'Update payment method' }).click();
    await producerPage.getByRole('heading', { level: 1, name: 'Stripe billing portal' }).waitFor();
    const portal = stripe.requests.filter((request) => request.path === '/v1/billing_portal/sessions').at(-1)!;
    expect(portal.params.customer).toBe(common.customer);
    expect(new URL(String(portal.params.return_url)).pathname).toBe('/studio');

    // Stripe gives up (unpaid): the plan is Free again, and fixing the card is offered instead of a second subscription.
    await deliver(subscriptionEvent({ ...common, id: eventId('unpaid'), type: 'customer.subscription.updated', created: now + 4, status: 'unpaid' }));
    await producerPage.goto(`${product.baseUrl}/studio`);
    await plan.getByText('Free', { exact: true }).waitFor();
    await plan.getByRole('button', { name: 'Update payment method' }).waitFor();
    expect(await plan.getByRole('button', { name: /^Go Pro/ }).count()).toBe(0);

    expect(studioWatched.problems()).toEqual([]);
    await studio.close();
  });
});
