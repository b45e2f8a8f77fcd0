import type { Browser, BrowserContext, Page } from 'playwright-core';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chargeRefunded, disputeEvent, sessionCompleted, WEBHOOK_SECRET } from '../../api/testing/commerce-fixtures.ts';
import { startFakeStripe, type FakeStripe } from '../../api/testing/fake-stripe.ts';
import { apiCallsTo, toneWav } from './api-calls.ts';
import { launchChromium, registerThroughApi, screenshot, uniqueEmail, VIEWPORTS, WatchedPage } from './browser.ts';
import { startProduct, type ProductServer } from './product-server.ts';

/**
 * A refund made in Stripe's dashboard, as the buyer sees it: the product runs in Stripe mode against
 * the local fake Stripe (its own instance, beside the suite's test-mode one), payments and the refund
 * arrive as webhooks signed by the Stripe SDK, and the buyer's library shows the licence revoked.
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

/** The producer publishes a beat; the buyer checks it out and Stripe reports the payment. */
async function boughtBeat(title: string): Promise<{ paymentIntent: string; amount: number }> {
  const { api, accessTokenFor } = apiCallsTo(product.baseUrl);
  const producerToken = await accessTokenFor(producer);
  const created = await api('/api/beats', { method: 'POST', token: producerToken, body: { title, genre: 'lo-fi', price: 12, bpm: 84 } });
  expect(created.status).toBe(201);
  const beatId = created.json.id as string;
  expect((await api(`/api/beats/${beatId}/audio`, { method: 'POST', token: producerToken, raw: toneWav(), contentType: 'audio/wav' })).status).toBe(200);
  expect((await api(`/api/beats/${beatId}/publish`, { method: 'POST', token: producerToken })).status).toBe(200);
  const purchase = await api(`/api/beats/${beatId}/purchase`, { method: 'POST', token: await accessTokenFor(buyer), body: { tier: 'basic' } });
  expect(purchase.status).toBe(201);
  const sessionId = /cs_fake_\w+/.exec(purchase.json.checkoutUrl as string)![0];
  const amount = Math.round((purchase.json.order.total as number) * 100);
  const paymentIntent = `pi_${sessionId}`;
  await deliver(sessionCompleted({ orderId: purchase.json.order.id as string, sessionId, paymentIntent, amountTotal: amount }));
  return { paymentIntent, amount };
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

    const restored = page.waitForResponse((response) => response.url().endsWith('/api/auth/refresh'));
    await page.goto(`${product.baseUrl}/sign-in?next=${encodeURIComponent('/library')}`);
    await restored;
    await page.getByLabel('E-mail').fill(buyer.email);
    await page.getByLabel('Password', { exact: true }).fill(buyer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
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
