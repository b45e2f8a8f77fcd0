import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, registerThroughApi, screenshot, uniqueEmail, VIEWPORTS, WatchedPage } from './browser.ts';
import { apiCallsTo, toneWav } from './api-calls.ts';

/**
 * Issue 6, build item 6, in Chromium: the project page's mix plays through the /mixer console's
 * AudioWorklet engine. A buyer starts a song from a licensed beat, presses Play and the engine runs
 * with signal on the master meter (the beat comes through the licence's signed link). A
 * collaborator without the licence sees "audio available to the licence holder" on that track, moves
 * its fader, and the buyer's fader follows and the buyer's engine plays it quieter. The buyer then
 * reopens the song offline and it still plays, from the device's copy of the beat.
 * Fails on any console error or CSP violation, except the collaborator's refused download (404).
 */

const baseUrl = inject('baseUrl');
const password = 'copper-dune-58-orchards';
const run = Date.now().toString(36);
const producer = { email: uniqueEmail('prod-audio'), password, displayName: 'Nova Beats' };
const ada = { email: uniqueEmail('ada-audio'), password, displayName: 'Ada' };
const bea = { email: uniqueEmail('bea-audio'), password, displayName: 'Bea' };
const beatTitle = `Tidal Engines ${run}`;

let browser: Browser;
let contextA: BrowserContext;
let contextB: BrowserContext;
let watchedA: WatchedPage;
let watchedB: WatchedPage;
let a: Page;
let b: Page;
let licenceId = '';

const { api, accessTokenFor: token } = apiCallsTo(baseUrl);

async function signIn(page: Page, account: { email: string; password: string }, next: string): Promise<void> {
  const restored = page.waitForResponse((response) => response.url().endsWith('/api/auth/refresh'));
  await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
  await restored;
  await page.getByLabel('E-mail').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const panel = (page: Page) => page.locator('cs-mix-panel');
const beatStrip = (page: Page) => panel(page).locator(`li.strip[data-track="beat-${licenceId}"]`);
const beatFader = (page: Page) => beatStrip(page).locator('input.fader');

function meterValue(page: Page, name: string): Promise<number> {
  return panel(page)
    .getByRole('meter', { name, exact: true })
    .evaluate((meter) => (meter as HTMLMeterElement).value);
}

async function playAndHear(page: Page): Promise<void> {
  await panel(page).getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => panel(page).locator('.transport').getAttribute('data-engine'), { timeout: 20_000 }).toBe('playing');
  const timer = panel(page).getByRole('timer', { name: 'Position' });
  await expect.poll(async () => Number.parseFloat((await timer.textContent()) ?? '0'), { timeout: 15_000 }).toBeGreaterThan(0.2);
  await expect.poll(() => meterValue(page, 'Master level'), { timeout: 15_000 }).toBeGreaterThan(-20);
  await expect.poll(() => meterValue(page, `${beatTitle} level`), { timeout: 15_000 }).toBeGreaterThan(-20);
}

beforeAll(async () => {
  await registerThroughApi(baseUrl, producer);
  await registerThroughApi(baseUrl, ada);
  await registerThroughApi(baseUrl, bea);
  const producerToken = await token(producer);
  const beat = await api('/api/beats', { method: 'POST', token: producerToken, body: { title: beatTitle, genre: 'trap', price: 30, bpm: 140 } });
  expect(beat.status, JSON.stringify(beat.json)).toBe(201);
  const beatId = beat.json.id as string;
  const upload = await api(`/api/beats/${beatId}/audio`, { method: 'POST', token: producerToken, raw: toneWav(), contentType: 'audio/wav' });
  expect(upload.status, JSON.stringify(upload.json)).toBe(200);
  let published = await api(`/api/beats/${beatId}/publish`, { method: 'POST', token: producerToken });
  for (let attempt = 0; published.status !== 200 && attempt < 60; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    published = await api(`/api/beats/${beatId}/publish`, { method: 'POST', token: producerToken });
  }
  expect(published.status, JSON.stringify(published.json)).toBe(200);
  const buyerToken = await token(ada);
  const order = await api(`/api/beats/${beatId}/purchase`, { method: 'POST', token: buyerToken, body: { tier: 'premium' } });
  expect(order.status, JSON.stringify(order.json)).toBe(201);
  const paid = await api(`/api/payments/test-checkout/${order.json.order.id}`, { method: 'POST', token: buyerToken, body: { outcome: 'succeed' } });
  expect(paid.json.status).toBe('paid');

  browser = await launchChromium();
  contextA = await browser.newContext({ viewport: VIEWPORTS.laptop, locale: 'en-US', colorScheme: 'light' });
  contextB = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'en-US', colorScheme: 'dark' });
  watchedA = await WatchedPage.open(contextA);
  watchedB = await WatchedPage.open(contextB);
  a = watchedA.page;
  b = watchedB.page;
});

afterAll(async () => {
  await contextA?.close();
  await contextB?.close();
  await browser?.close();
  const unexpected = (problems: string[]) => problems.filter((problem) => !problem.includes('ERR_INTERNET_DISCONNECTED'));
  expect(unexpected(watchedA?.problems() ?? [])).toEqual([]);
  expect(unexpected(watchedB?.problems() ?? [])).toEqual([]);
});

describe('the project page plays its mix', () => {
  it('plays a song started from a licensed beat: the engine runs and the master meter shows signal', async () => {
    await signIn(a, ada, '/library');
    await a.getByRole('article', { name: beatTitle }).getByRole('button', { name: 'Start a song with this beat' }).click();
    await a.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await a.getByRole('heading', { level: 1, name: beatTitle }).waitFor();
    await a.getByRole('button', { name: `Mute ${beatTitle}` }).waitFor();
    const trackId = (await panel(a).locator('li.strip').first().getAttribute('data-track')) ?? '';
    expect(trackId).toMatch(/^beat-/);
    licenceId = trackId.slice('beat-'.length);

    // Nothing runs before the click (browsers need a gesture for audio); the beat is fetched already.
    await expect(panel(a).locator('.transport').getAttribute('data-engine')).resolves.toBe('idle');
    await expect.poll(() => beatStrip(a).locator('.audio-note').count(), { timeout: 20_000 }).toBe(0);
    // A track with no source says so.
    await panel(a).getByRole('button', { name: 'Add track' }).click();
    await panel(a).getByText('No audio yet.').waitFor();

    await playAndHear(a);
    await expect(panel(a).getByRole('button', { name: 'Pause', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
    await screenshot(a, 'project-audio-laptop-1-playing');
  });

  it('a collaborator without the licence sees why the beat is silent, and their fader move reaches the holder’s engine', async () => {
    await a.getByLabel('E-mail').fill(bea.email);
    await a.locator('#invite-role').selectOption('editor');
    await a.getByRole('button', { name: 'Invite', exact: true }).click();
    const link = await a.locator('#invite-link').inputValue();
    expect(link).toContain('/invite?token=');

    // The browser logs the refused download (the app shows a note instead of an error).
    watchedB.allowed.push({ path: `/api/licences/${licenceId}/downloads`, reason: 'status of 404' });
    await signIn(b, bea, '/projects');
    await b.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
    await b.goto(link);
    await b.getByRole('heading', { level: 1, name: beatTitle }).waitFor();
    await beatStrip(b).getByText('Audio available to the licence holder.').waitFor();
    // Bea never opened a marketplace page: the licence terms still read as words, not message ids.
    const terms = () => b.locator('cs-licence-terms').evaluate((element) => element.shadowRoot?.textContent ?? '');
    await expect.poll(terms).toContain('Premium');
    await expect(terms()).resolves.not.toMatch(/marketplace\.\w/);
    await screenshot(b, 'project-audio-phone-dark-1-holder-only');

    const before = await meterValue(a, 'Master level');
    expect(before).toBeGreaterThan(-20);
    await beatFader(b).evaluate((input) => {
      (input as HTMLInputElement).value = '-30';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    });
    // A's fader follows (gliding), and A's engine plays the beat about 30 dB quieter.
    await expect.poll(() => beatFader(a).evaluate((input) => Number((input as HTMLInputElement).value)), { timeout: 15_000 }).toBe(-30);
    await expect.poll(() => meterValue(a, `${beatTitle} level`), { timeout: 15_000 }).toBeLessThan(before - 20);
    await expect.poll(() => meterValue(a, 'Master level'), { timeout: 15_000 }).toBeLessThan(before - 20);
    await expect(panel(a).locator('.transport').getAttribute('data-engine')).resolves.toBe('playing');
    await screenshot(a, 'project-audio-laptop-2-remote-fader');
  });

  it('reopens offline and still plays the beat from the device', async () => {
    await panel(a).getByRole('button', { name: 'Stop', exact: true }).click();
    const projectUrl = a.url();
    await contextA.setOffline(true);
    await a.goto(projectUrl);
    await a.getByRole('heading', { level: 1, name: beatTitle }).waitFor();
    await expect.poll(() => beatStrip(a).locator('.audio-note').count(), { timeout: 20_000 }).toBe(0);
    await panel(a).getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => panel(a).locator('.transport').getAttribute('data-engine'), { timeout: 20_000 }).toBe('playing');
    // The fader is at -30 dB now: the beat is quiet but there.
    await expect.poll(() => meterValue(a, `${beatTitle} level`), { timeout: 15_000 }).toBeGreaterThan(-55);
    await screenshot(a, 'project-audio-laptop-3-offline');
    await contextA.setOffline(false);
  });
});
