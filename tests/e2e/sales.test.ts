import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiCallsTo } from './api-calls.ts';
import { launchChromium, registerThroughApi, screenshot, uniqueEmail, VIEWPORTS, WatchedPage } from './browser.ts';

/** A producer refunds a sale from the studio (TEST MODE: it takes effect at once) and the buyer's licence is revoked. */
const baseUrl = inject('baseUrl');
const password = 'cobalt-river-88-lanterns';
const producer = { email: uniqueEmail('prod-sales'), password, displayName: 'Rio Keys' };
const buyer = { email: uniqueEmail('buyer-sales'), password, displayName: 'Jun Park' };
const title = `Low Tide ${Date.now().toString(36)}`;
const { api, accessTokenFor, publishBeat } = apiCallsTo(baseUrl);

let browser: Browser;
let licenceId = '';

beforeAll(async () => {
  for (const account of [producer, buyer]) await registerThroughApi(baseUrl, account);
  const producerToken = await accessTokenFor(producer);
  const beatId = await publishBeat(producerToken, { title, genre: 'lo-fi', price: 14, bpm: 80 });
  const buyerToken = await accessTokenFor(buyer);
  const order = await api(`/api/beats/${beatId}/purchase`, { method: 'POST', token: buyerToken, body: { tier: 'basic' } });
  const paid = await api(`/api/payments/test-checkout/${order.json.order.id}`, { method: 'POST', token: buyerToken, body: { outcome: 'succeed' } });
  licenceId = paid.json.items[0].licenceId as string;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('a producer’s sales', () => {
  it('shows the sale and refunds it after a confirmation; the buyer’s licence is revoked', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'en-US', colorScheme: 'dark' });
    const watched = await WatchedPage.open(context);
    const page = watched.page;
    const restored = page.waitForResponse((response) => response.url().endsWith('/api/auth/refresh'));
    await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent('/studio')}`);
    await restored;
    await page.getByLabel('E-mail').fill(producer.email);
    await page.getByLabel('Password', { exact: true }).fill(producer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const sales = page.locator('cs-sales-panel');
    const row = sales.getByRole('row', { name: new RegExp(title) });
    await row.getByText('Jun Park').waitFor();
    await row.getByText('Paid', { exact: true }).waitFor();
    await row.getByRole('button', { name: `Refund ${title} to Jun Park` }).click();
    await row.getByRole('button', { name: `Confirm: refund ${title} to Jun Park in full and revoke the licence` }).click();
    await sales.getByText(`Refunded ${title} to Jun Park; the licence is revoked.`).waitFor();
    await row.getByText('Refunded', { exact: true }).waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    await sales.scrollIntoViewIfNeeded();
    await screenshot(page, 'sales-phone-refunded');

    const licences = await api('/api/licences', { token: await accessTokenFor(buyer) });
    expect(licences.json.licences.find((licence: { id: string }) => licence.id === licenceId).revokedAt).toEqual(expect.any(String));
    expect(watched.problems()).toEqual([]);
  });
});
