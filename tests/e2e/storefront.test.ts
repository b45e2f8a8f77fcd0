import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiCallsTo } from './api-calls.ts';
import { launchChromium, registerThroughApi, screenshot, uniqueEmail, VIEWPORTS, WatchedPage } from './browser.ts';

/** A Pro producer sets up their storefront in the studio, and a visitor sees it on their page. */
const baseUrl = inject('baseUrl');
const producer = { email: uniqueEmail('prod-store'), password: 'harbour-lights-19-cranes', displayName: `Ona Keys ${Date.now().toString(36)}` };
const featured = `Lighthouse ${Date.now().toString(36)}`;
const other = `Breakwater ${Date.now().toString(36)}`;
const { api, accessTokenFor, publishBeat } = apiCallsTo(baseUrl);

let browser: Browser;
let producerId = '';

beforeAll(async () => {
  await registerThroughApi(baseUrl, producer);
  const token = await accessTokenFor(producer);
  producerId = (await api('/api/auth/profile', { token })).json.user.id as string;
  await api('/api/auth/profile', { method: 'PUT', token, body: { bio: 'Cinematic beats written by the sea.' } });
  // TEST MODE: Pro at once.
  expect((await api('/api/subscriptions/subscribe', { method: 'POST', token, body: { plan: 'pro', interval: 'month' } })).status).toBeLessThan(300);
  for (const title of [featured, other]) await publishBeat(token, { title, genre: 'lo-fi', price: 25, bpm: 90 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('the Pro storefront', () => {
  it('is set up in the studio and shown on the producer’s page, online and offline: headline in the accent colour, links, the featured beat first', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.laptop, locale: 'en-US', colorScheme: 'light' });
    const watched = await WatchedPage.open(context);
    const page = watched.page;
    await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent('/studio')}`);
    await page.getByLabel('E-mail').fill(producer.email);
    await page.getByLabel('Password', { exact: true }).fill(producer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const panel = page.locator('cs-storefront-panel');
    await panel.getByLabel('Headline').fill('Cinematic trap from the harbour');
    await panel.getByLabel('Ocean').check();
    await panel.getByLabel('Link 1 name').fill('Instagram');
    await panel.getByLabel('Link 1 address (https)').fill('https://instagram.com/onakeys');
    await panel.getByLabel('Featured beat').selectOption({ label: featured });
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'storefront-laptop-1-studio');
    await panel.getByRole('button', { name: 'Save storefront' }).click();
    await panel.getByText('Storefront saved.').waitFor();

    // A visitor (another browser, signed out) opens the page.
    const visitorContext = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'en-US', colorScheme: 'light' });
    const visitor = await WatchedPage.open(visitorContext);
    await visitor.page.goto(`${baseUrl}/producers/${producerId}`);
    await visitor.page.getByRole('heading', { level: 1, name: new RegExp(producer.displayName) }).waitFor();
    const band = visitor.page.getByText('Cinematic trap from the harbour');
    await band.waitFor();
    expect(await band.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(3, 105, 161)');
    await visitor.page.getByText('Cinematic beats written by the sea.').waitFor();
    const link = visitor.page.getByRole('link', { name: 'Instagram' });
    expect(await link.getAttribute('href')).toBe('https://instagram.com/onakeys');
    expect(await link.getAttribute('rel')).toContain('noopener');
    const cards = visitor.page.locator('.beat-list > li');
    await expect.poll(() => cards.count()).toBe(2);
    expect(await cards.first().textContent()).toContain(featured);
    await cards.first().getByText('Featured').waitFor();
    await screenshot(visitor.page, 'storefront-phone-2-page');

    // Offline, the page opens whole from the device: header, storefront and beats.
    await visitor.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    visitor.allowed.push({ path: '/api/auth/refresh', reason: 'ERR_INTERNET_DISCONNECTED' });
    await visitorContext.setOffline(true);
    await visitor.page.reload();
    await visitor.page.getByText('Cinematic trap from the harbour').waitFor();
    await visitor.page.getByText('Cinematic beats written by the sea.').waitFor();
    await expect.poll(() => cards.count()).toBe(2);
    await screenshot(visitor.page, 'storefront-phone-3-offline');
    // Offline, the fresh copies the page asks for fail; it shows the saved ones and says so.
    expect(visitor.problems().filter((problem) => !problem.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    expect(watched.problems()).toEqual([]);
    await Promise.all([context.close(), visitorContext.close()]);
  });
});
