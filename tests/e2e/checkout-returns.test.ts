import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiCallsTo } from './api-calls.ts';
import { launchChromium, registerThroughApi, screenshot, uniqueEmail, unnamedControls, VIEWPORTS, WatchedPage } from './browser.ts';

/**
 * Where the payment page sends people back (TEST MODE's page, which behaves as Stripe Checkout does):
 * a buyer who leaves without paying finds their order, cancels it and gets the beats back in the cart
 * (those still for sale); a declined order gives them back too. A producer back from the Pro
 * checkout sees the plan confirmed.
 */
const baseUrl = inject('baseUrl');
const password = 'violet-quay-58-harmonicas';
const stamp = Date.now().toString(36);
const producer = { email: uniqueEmail('returns-prod'), password, displayName: 'Odile Keys' };
const buyer = { email: uniqueEmail('returns-buyer'), password, displayName: 'Pia Verse' };
const titles = [`Low Tide ${stamp}`, `Glass Hours ${stamp}`];
const { api, accessTokenFor, publishBeat } = apiCallsTo(baseUrl);
const beatIds: string[] = [];

let browser: Browser;

beforeAll(async () => {
  await registerThroughApi(baseUrl, producer);
  const token = await accessTokenFor(producer);
  for (const title of titles) beatIds.push(await publishBeat(token, { title, genre: 'boom-bap', price: 12, bpm: 84 }));
  await registerThroughApi(baseUrl, buyer);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, account: { email: string; password: string }, next: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mail').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function addToCart(page: Page, beatId: string, title: string): Promise<void> {
  await page.goto(`${baseUrl}/beats/${beatId}`);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByText(`${title} (Basic) is in your cart.`).waitFor();
}

describe('coming back from the payment page', () => {
  it('a buyer who left without paying cancels the order and gets back the beats still for sale; a declined order gives them back too', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'en-US', colorScheme: 'light' });
    const watched = await WatchedPage.open(context);
    const page = watched.page;
    await signIn(page, buyer, `/beats/${beatIds[0]}`);
    await page.getByRole('heading', { level: 1, name: titles[0] }).waitFor();
    for (const [index, title] of titles.entries()) await addToCart(page, beatIds[index]!, title);
    await page.goto(`${baseUrl}/cart`);
    await page.getByRole('button', { name: 'Check out 2 beats' }).click();
    await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
    const orderId = new URL(page.url()).pathname.split('/').at(-1)!;

    // The buyer goes back without paying: the cart emptied at checkout, the order waits for payment.
    await page.getByRole('link', { name: 'Back to CreatorSync without paying' }).click();
    await page.getByRole('heading', { level: 1, name: 'Order' }).waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(`/orders/${orderId}?checkout=cancelled`);
    await page.getByText('You left the payment page. Nothing was charged.').waitFor();
    await page.getByText('This order is waiting for payment.').waitFor();
    expect(await page.getByRole('link', { name: 'Go to the test payment page' }).getAttribute('href')).toBe(`/checkout/test/${orderId}`);
    expect(await unnamedControls(context, page)).toEqual([]);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    await screenshot(page, 'checkout-returns-phone-1-left');
    // The cart emptied at checkout; it points to the order waiting for payment.
    await page.goto(`${baseUrl}/cart`);
    await page.getByText('Your cart is empty.').waitFor();
    await page.getByText(/\(2 beats\) is waiting for payment\./).waitFor();
    await page.getByRole('link', { name: 'See the order' }).click();
    await page.getByRole('heading', { level: 1, name: 'Order' }).waitFor();

    // Meanwhile the producer takes one beat off the market.
    const producerToken = await accessTokenFor(producer);
    expect((await api(`/api/beats/${beatIds[0]}/unpublish`, { method: 'POST', token: producerToken })).status).toBe(200);
    // Looking it up for the cart now finds nothing: the browser logs those two 404s itself.
    watched.allowed.push({ path: `/api/beats/${beatIds[0]}`, reason: 'status of 404' }, { path: `/api/beats/${beatIds[0]}/licences`, reason: 'status of 404' });

    await page.getByRole('button', { name: 'Cancel the order and put its beats back in my cart' }).click();
    await page.getByText('1 beat is back in your cart.').waitFor();
    await page.getByText(`No longer for sale: ${titles[0]}.`).waitFor();
    const token = await accessTokenFor(buyer);
    expect((await api(`/api/orders/${orderId}`, { token })).json.status).toBe('declined');
    // Cancelled means it can no longer be paid.
    expect((await api(`/api/payments/test-checkout/${orderId}`, { method: 'POST', token, body: { outcome: 'succeed' } })).json.error.code).toBe('order_not_pending');
    await screenshot(page, 'checkout-returns-phone-2-cancelled');

    await page.getByRole('link', { name: 'Go to your cart' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cart' }).waitFor();
    await page.getByRole('button', { name: 'Check out 1 beat' }).waitFor();
    await page.getByText(`${producer.displayName} · Basic`).waitFor();

    // Declined this time: the order's page offers the beat back, once.
    await page.getByRole('button', { name: 'Check out 1 beat' }).click();
    await page.getByRole('button', { name: 'Decline (test)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Order' }).waitFor();
    await page.getByText('This order was not paid, and nothing was charged.').waitFor();
    await page.getByRole('button', { name: 'Put these beats back in my cart' }).click();
    await page.getByText('1 beat is back in your cart.').waitFor();
    await screenshot(page, 'checkout-returns-phone-3-declined');

    // Both orders are in the library's list, each linking to its page.
    await page.goto(`${baseUrl}/library`);
    const orders = page.locator('cs-orders-panel');
    await expect.poll(() => orders.getByText('Not paid (declined, expired or cancelled)').count()).toBe(2);
    await orders.getByRole('link', { name: /^Order of / }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Order' }).waitFor();
    await page.getByText(titles[1]!, { exact: false }).first().waitFor();

    expect(watched.problems()).toEqual([]);
    await context.close();
  });

  it('a producer back from the Pro checkout sees the plan confirmed, or that nothing changed', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.laptop, locale: 'en-US', colorScheme: 'light' });
    const watched = await WatchedPage.open(context);
    const page = watched.page;
    await signIn(page, producer, '/studio?checkout=cancelled');
    const plan = page.locator('cs-subscription-panel');
    await plan.getByText('You left the payment page. Your plan has not changed and nothing was charged.').waitFor();
    // Taken out of the address, so a reload does not say it again.
    await expect.poll(() => new URL(page.url()).search).toBe('');

    await page.goto(`${baseUrl}/studio?checkout=success`);
    await plan.getByText('Confirming your subscription…').waitFor();
    await screenshot(page, 'checkout-returns-laptop-4-confirming');
    // The payment provider's event arrives (in TEST MODE, subscribing takes effect at once).
    const subscribed = await api('/api/subscriptions/subscribe', { method: 'POST', token: await accessTokenFor(producer), body: { plan: 'pro', interval: 'month' } });
    expect(subscribed.status).toBe(200);
    await plan.getByText('Welcome to Pro. Your new plan is active.').waitFor();
    await screenshot(page, 'checkout-returns-laptop-5-welcome');

    expect(watched.problems()).toEqual([]);
    await context.close();
  });
});
