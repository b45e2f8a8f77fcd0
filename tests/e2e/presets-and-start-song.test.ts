import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { focusedElement, launchChromium, registerThroughApi, screenshot, uniqueEmail, VIEWPORTS, WatchedPage } from './browser.ts';
import { apiCallsTo, toneWav } from './api-calls.ts';

/**
 * Issue 7's two hand-offs, in Chromium on a laptop:
 * - Mixmaster1 presets: a producer's published channel-strip preset is found in the /mixer presets
 *   dialog, applied to the Bass strip (its EQ values change), undone and applied again; offline,
 *   the dialog still lists it from the device and applying works; the install is counted.
 * - "Start a song with this beat": a buyer's licence (bought through the API in test mode) becomes a
 *   project from /library, whose mix starts with the beat and whose page shows the licence terms;
 *   the beat then opens in the /mixer console through the licence's signed download link.
 * Fails on any console error or CSP violation.
 */

const baseUrl = inject('baseUrl');
const password = 'amber-quay-41-lighthouses';
const run = Date.now().toString(36);
const producer = { email: uniqueEmail('prod-presets'), password, displayName: 'Nova Beats' };
const buyer = { email: uniqueEmail('buyer-presets'), password, displayName: 'Rae' };
const beatTitle = `Harbour Lights ${run}`;
const presetName = `Warm bass ${run}`;

let browser: Browser;
let context: BrowserContext;
let watched: WatchedPage;
let page: Page;
let presetId = '';

const { api, accessTokenFor: signInThroughApi } = apiCallsTo(baseUrl);

beforeAll(async () => {
  // The producer publishes a beat and a preset; the buyer buys a premium lease in test mode.
  await registerThroughApi(baseUrl, producer);
  await registerThroughApi(baseUrl, buyer);
  const producerToken = await signInThroughApi(producer);
  const beat = await api('/api/beats', { method: 'POST', token: producerToken, body: { title: beatTitle, genre: 'trap', price: 30, bpm: 140 } });
  expect(beat.status, JSON.stringify(beat.json)).toBe(201);
  const beatId = beat.json.id as string;
  const upload = await api(`/api/beats/${beatId}/audio`, { method: 'POST', token: producerToken, raw: toneWav(), contentType: 'audio/wav' });
  expect(upload.status, JSON.stringify(upload.json)).toBe(200);
  // The public preview is made from the upload; publishing waits for it.
  let published = await api(`/api/beats/${beatId}/publish`, { method: 'POST', token: producerToken });
  for (let attempt = 0; published.status !== 200 && attempt < 60; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    published = await api(`/api/beats/${beatId}/publish`, { method: 'POST', token: producerToken });
  }
  expect(published.status, JSON.stringify(published.json)).toBe(200);

  const preset = await api('/api/plugins', {
    method: 'POST',
    token: producerToken,
    body: {
      name: presetName,
      description: 'Round lows, tucked mids',
      tags: ['bass'],
      kind: 'channel-strip',
      parameters: {
        inputGainDb: 0,
        eq: { enabled: true, lowFrequency: 80, lowGainDb: 4.5, midFrequency: 800, midGainDb: -3, midQ: 1, highFrequency: 8000, highGainDb: 1.5 },
        compressor: { enabled: true, thresholdDb: -24, ratio: 4, kneeDb: 6, attackMs: 10, releaseMs: 120, makeupGainDb: 3 },
        sends: [{ target: 'reverb', levelDb: -20 }],
      },
    },
  });
  expect(preset.status, JSON.stringify(preset.json)).toBe(201);
  presetId = preset.json.id as string;
  expect((await api(`/api/plugins/${presetId}/publish`, { method: 'POST', token: producerToken })).status).toBe(200);

  const buyerToken = await signInThroughApi(buyer);
  const order = await api(`/api/beats/${beatId}/purchase`, { method: 'POST', token: buyerToken, body: { tier: 'premium' } });
  expect(order.status, JSON.stringify(order.json)).toBe(201);
  const paid = await api(`/api/payments/test-checkout/${order.json.order.id}`, { method: 'POST', token: buyerToken, body: { outcome: 'succeed' } });
  expect(paid.json.status).toBe('paid');

  browser = await launchChromium();
  context = await browser.newContext({ viewport: VIEWPORTS.laptop, locale: 'en-US', colorScheme: 'light', acceptDownloads: true });
  watched = await WatchedPage.open(context);
  page = watched.page;
  const restored = page.waitForResponse((response) => response.url().endsWith('/api/auth/refresh'));
  await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent('/mixer')}`);
  await restored;
  await page.getByLabel('E-mail').fill(buyer.email);
  await page.getByLabel('Password', { exact: true }).fill(buyer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mixer' }).waitFor();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  // Requests the browser refused while the context was offline are the point of that step.
  expect((watched?.problems() ?? []).filter((problem) => !problem.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
});

describe('presets in Mixmaster1', () => {
  const dialog = () => page.locator('cs-preset-dialog dialog');
  const lowGain = () => page.getByRole('slider', { name: 'Low shelf gain (Bass)' });
  /** The demo song's own Bass low shelf, before any preset. */
  let demoLowGain = '';

  it('finds a published preset, applies it to a strip and the strip’s EQ shows its values', async () => {
    const bass = page.getByRole('region', { name: 'Bass', exact: true });
    await bass.locator('summary').click();
    demoLowGain = (await lowGain().getAttribute('aria-valuetext')) ?? '';
    expect(demoLowGain).not.toBe('4.5 dB');

    const opener = page.getByRole('button', { name: 'Presets' });
    await opener.click();
    await expect.poll(async () => (await focusedElement(page))?.id).toBe('preset-search');
    await page.keyboard.type(presetName);
    await dialog().getByRole('heading', { level: 3, name: presetName }).waitFor();
    await dialog().getByLabel('Kind').selectOption('channel-strip');
    await dialog().getByLabel('Apply channel-strip presets to').selectOption({ label: 'Bass' });
    await dialog().getByRole('button', { name: `Apply ${presetName} to Bass` }).click();
    await dialog().getByText(`Applied ${presetName} to Bass.`).waitFor();
    await screenshot(page, 'presets-laptop-1-applied');

    // Escape closes the dialog and focus returns to the button that opened it.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().evaluate((element) => (element as HTMLDialogElement).open)).toBe(false);
    expect((await focusedElement(page))?.text).toBe('Presets');

    await expect.poll(() => lowGain().getAttribute('aria-valuetext')).toBe('4.5 dB');
    await expect(page.getByRole('slider', { name: 'Mid gain (Bass)' }).getAttribute('aria-valuetext')).resolves.toBe('-3.0 dB');
    await expect(page.getByRole('slider', { name: 'Mid frequency (Bass)' }).getAttribute('aria-valuetext')).resolves.toBe('800 Hz');
    await expect(page.getByRole('checkbox', { name: 'Compressor on (Bass)' }).isChecked()).resolves.toBe(true);
    await screenshot(page, 'presets-laptop-2-bass-eq');
    // Counted once for this (signed-in) person.
    await expect.poll(async () => (await api(`/api/plugins/${presetId}`)).json.installCount).toBe(1);
  });

  it('undoes a preset, and applies one from the device’s copy while offline', async () => {
    await page.getByRole('button', { name: 'Presets' }).click();
    await dialog().getByRole('heading', { level: 3, name: presetName }).waitFor();
    await dialog().getByRole('button', { name: 'Undo' }).click();
    await dialog().getByText('Preset undone.').waitFor();
    await expect.poll(() => lowGain().getAttribute('aria-valuetext')).toBe(demoLowGain);
    await page.keyboard.press('Escape');

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Presets' }).click();
    await dialog().getByText('Offline: showing the presets saved on this device.').waitFor();
    await dialog().getByLabel('Apply channel-strip presets to').selectOption({ label: 'Bass' });
    await dialog().getByRole('button', { name: `Apply ${presetName} to Bass` }).click();
    await dialog().getByText(`Applied ${presetName} to Bass.`).waitFor();
    await screenshot(page, 'presets-laptop-3-offline');
    await page.keyboard.press('Escape');
    await expect.poll(() => lowGain().getAttribute('aria-valuetext')).toBe('4.5 dB');
    await context.setOffline(false);
  });
});

describe('start a song with a licensed beat', () => {
  it('turns the licence into a project from the library: the beat is the first track and the terms are shown', async () => {
    await page.goto(`${baseUrl}/library`);
    const licence = page.getByRole('article', { name: beatTitle });
    await licence.getByRole('button', { name: 'Start a song with this beat' }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: beatTitle }).waitFor();
    // The song's mix starts with the beat (the mix panel's mute button is named after the track).
    await page.getByRole('button', { name: `Mute ${beatTitle}` }).waitFor();
    const terms = page.locator('cs-licence-terms');
    await terms.getByText(`Started from ${beatTitle} by ${producer.displayName}, with a Premium licence.`).waitFor();
    await terms.getByText('Up to', { exact: false }).first().waitFor();
    await page.getByRole('heading', { level: 2, name: 'Licence' }).waitFor();
    const download = page.waitForEvent('download');
    await terms.getByRole('button', { name: 'Download contract (PDF)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^licence-.+\.pdf$/);
    await screenshot(page, 'start-song-laptop-1-project');

    // Again from the library: the same project, not a second one.
    const projectUrl = page.url();
    await page.goto(`${baseUrl}/library`);
    await page.getByRole('article', { name: beatTitle }).getByRole('button', { name: 'Start a song with this beat' }).click();
    await page.waitForURL(projectUrl);
  });

  it('opens the licensed beat in the Mixmaster1 console through its signed download link', async () => {
    await page.locator('cs-licence-terms').getByRole('link', { name: 'Open the beat in Mixmaster1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mixer' }).waitFor();
    await page.getByRole('button', { name: `Add the licensed beat “${beatTitle}”` }).click();
    await page.getByText(`Added ${beatTitle} as a new track.`).waitFor();
    await page.getByRole('region', { name: beatTitle, exact: true }).waitFor();
    await screenshot(page, 'start-song-laptop-2-mixer');
  });
});
