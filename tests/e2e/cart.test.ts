import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiCallsTo } from './api-calls.ts';
import { launchChromium, registerThroughApi, screenshot, uniqueEmail, VIEWPORTS, WatchedPage } from './browser.ts';

/**
 * A buyer puts two producers' beats in the cart and pays for both in one checkout (TEST MODE); one
 * producer then refunds their part from the studio, and only that licence is revoked.
 */
const baseUrl = inject('baseUrl');
const password = 'amber-coast-41-tambourines';
const stamp = Date.now().toString(36);
const producers = [
  { email: uniqueEmail('cart-prod-a'), password, displayName: 'Ana Loops', title: `Salt Air ${stamp}`, price: 15 },
  { email: uniqueEmail('cart-prod-b'), password, displayName: 'Ben Drums', title: `Iron Bloom ${stamp}`, price: 25 },
];
const buyer = { email: uniqueEmail('cart-buyer'), password, displayName: 'Cleo Writes' };
const { api, accessTokenFor, publishBeat } = apiCallsTo(baseUrl);
const beatIds: string[] = [];

let browser: Browser;

beforeAll(async () => {
  for (const producer of producers) {
    await registerThroughApi(baseUrl, { email: producer.email, password: producer.password, displayName: producer.displayName });
    beatIds.push(await publishBeat(await accessTokenFor(producer), { title: producer.title, genre: 'afrobeats', price: producer.price, bpm: 104 }));
  }
  await registerThroughApi(baseUrl, buyer);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('the cart', () => {
  it('buys two producers’ beats in one checkout, and each producer can refund only their own', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.laptop, locale: 'en-US', colorScheme: 'light' });
    const watched = await WatchedPage.open(context);
    const page = watched.page;
    await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(`/beats/${beatIds[0]}`)}`);
    await page.getByLabel('E-mail').fill(buyer.email);
    await page.getByLabel('Password', { exact: true }).fill(buyer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    for (const [index, producer] of producers.entries()) {
      if (index > 0) await page.goto(`${baseUrl}/beats/${beatIds[index]}`);
      await page.getByRole('heading', { level: 1, name: producer.title }).waitFor();
      await page.getByRole('button', { name: 'Buy Basic licence' }).waitFor();
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await page.getByText(`${producer.title} (Basic) is in your cart.`).waitFor();
    }
    await screenshot(page, 'cart-laptop-1-added');
    await page.getByRole('link', { name: 'View cart (2 beats)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cart' }).waitFor();
    for (const producer of producers) await page.getByText(`${producer.displayName} · Basic`).waitFor();
    await page.getByText('Total: $40.00').waitFor();
    await screenshot(page, 'cart-laptop-2-cart');

    await page.getByRole('button', { name: 'Check out 2 beats' }).click();
    await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
    await expect(page.locator('#order-total').textContent()).resolves.toBe('$40.00');
    await page.getByRole('button', { name: /^Pay \$40\.00/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Order' }).waitFor();
    await page.getByText('Paid. Your licences are in your library.').waitFor();
    // The cart emptied once the order existed.
    await page.goto(`${baseUrl}/cart`);
    await page.getByText('Your cart is empty.').waitFor();
    const licences = async () => (await api('/api/licences', { token: await accessTokenFor(buyer) })).json.licences as Array<{ beatId: string; orderId: string; revokedAt: string | null }>;
    const bought = (await licences()).filter((licence) => beatIds.includes(licence.beatId));
    expect(bought).toHaveLength(2);
    expect(new Set(bought.map((licence) => licence.orderId)).size).toBe(1);

    // The first producer refunds their part from the studio; the other sale stands.
    const studio = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'en-US', colorScheme: 'light' });
    const studioWatched = await WatchedPage.open(studio);
    const s = studioWatched.page;
    await s.goto(`${baseUrl}/sign-in?next=${encodeURIComponent('/studio')}`);
    await s.getByLabel('E-mail').fill(producers[0]!.email);
    await s.getByLabel('Password', { exact: true }).fill(producers[0]!.password);
    await s.getByRole('button', { name: 'Sign in' }).click();
    const row = s.locator('cs-sales-panel').getByRole('row', { name: new RegExp(producers[0]!.title) });
    await row.getByText(buyer.displayName).waitFor();
    await row.getByRole('button', { name: `Refund ${producers[0]!.title} to ${buyer.displayName}` }).click();
    await row.getByRole('button', { name: /^Confirm: refund/ }).click();
    await row.getByText('Refunded', { exact: true }).waitFor();
    await screenshot(s, 'cart-phone-3-part-refunded');
    const after = (await licences()).filter((licence) => beatIds.includes(licence.beatId));
    expect(after.find((licence) => licence.beatId === beatIds[0])!.revokedAt).toEqual(expect.any(String));
    expect(after.find((licence) => licence.beatId === beatIds[1])!.revokedAt).toBeNull();

    expect(watched.problems()).toEqual([]);
    expect(studioWatched.problems()).toEqual([]);
    await Promise.all([context.close(), studio.close()]);
  });
});
