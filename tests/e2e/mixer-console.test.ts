import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeWav } from '../../web/audio/wav-decoder.ts';
import { encodeWav, WavBitDepth } from '../../web/audio/wav-encoder.ts';
import { focusedElement, launchChromium, screenshot, VIEWPORTS, WatchedPage } from './browser.ts';

/**
 * The /mixer console on a phone, in French: every control named, one h1,
 * and the strips usable from the keyboard alone (arrow keys move a fader,
 * Space toggles mute), and an audio file from the device becomes a track.
 */

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;
let watched: WatchedPage;
let page: Page;

const INTERACTIVE_ROLES = new Set(['button', 'link', 'textbox', 'combobox', 'checkbox', 'slider', 'spinbutton', 'meter']);

async function unnamedControls(): Promise<string[]> {
  const cdp = await context.newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: Array<{ role?: { value?: string }; name?: { value?: string }; ignored?: boolean }> };
  await cdp.detach();
  return nodes.filter((node) => !node.ignored && INTERACTIVE_ROLES.has(node.role?.value ?? '') && !(node.name?.value ?? '').trim()).map((node) => node.role?.value ?? '?');
}

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'fr-FR' });
  watched = await WatchedPage.open(context);
  page = watched.page;
  await page.goto(`${baseUrl}/mixer`);
  await page.getByRole('heading', { level: 1, name: 'Console de mixage' }).waitFor({ state: 'visible' });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  expect(watched?.problems() ?? []).toEqual([]);
});

describe('mixer console', () => {
  it('names every control and has one h1, in French', async () => {
    expect(await unnamedControls()).toEqual([]);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    await expect(page.getByRole('slider', { name: 'Fader de Grosse caisse' }).count()).resolves.toBe(1);
    await screenshot(page, 'mixer-phone-fr');
  });

  it('moves a fader with the arrow keys and mutes with the space bar', async () => {
    const fader = page.getByRole('slider', { name: 'Fader de Basse' });
    await fader.focus();
    const before = Number(await fader.inputValue());
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => Number(await fader.inputValue())).toBe(before - 1);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect((await focusedElement(page))?.tag).toBe('button');
    const mute = page.getByRole('button', { name: 'Couper Basse' });
    await expect(mute.getAttribute('aria-pressed')).resolves.toBe('false');
    await mute.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => mute.getAttribute('aria-pressed')).toBe('true');
  });

  it('opens a strip’s settings: EQ, compressor and sends, named, inside the card, changed from the keyboard', async () => {
    const strip = page.getByRole('region', { name: 'Basse', exact: true });
    const summary = strip.locator('summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => strip.locator('details').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);

    // Every new control is named, after the strip too.
    const names = [
      'Gain des graves (plateau) (Basse)',
      'Fréquence des médiums (Basse)',
      'Gain des médiums (Basse)',
      'Q des médiums (largeur de bande) (Basse)',
      'Gain des aigus (plateau) (Basse)',
      'Seuil (Basse)',
      'Taux (Basse)',
      'Attaque (Basse)',
      'Relâchement (Basse)',
      'Gain de compensation (Basse)',
      'Départ vers Réverbération (Basse)',
      'Départ vers Délai (Basse)',
    ];
    for (const name of names) await expect(strip.getByRole('slider', { name, exact: true }).count(), name).resolves.toBe(1);
    for (const name of ['Compresseur activé (Basse)', 'Départ vers Réverbération avant le fader (Basse)', 'Départ vers Délai avant le fader (Basse)']) {
      await expect(strip.getByRole('checkbox', { name, exact: true }).count(), name).resolves.toBe(1);
    }
    // The effect returns show their reverb and delay settings.
    for (const bus of ['Réverbération', 'Délai']) await page.getByRole('region', { name: bus, exact: true }).locator('summary').click();
    await expect(page.getByRole('slider', { name: 'Durée de déclin (Réverbération)', exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole('slider', { name: 'Réinjection (Délai)', exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole('combobox', { name: 'Valeur de note (Délai)', exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole('checkbox', { name: 'Ping-pong (alterne gauche et droite) (Délai)', exact: true }).count()).resolves.toBe(1);
    expect(await unnamedControls()).toEqual([]);

    // Nothing spills out of its card at phone width.
    const card = await strip.boundingBox();
    const controls = strip.locator('input, select, output');
    for (let index = 0; index < (await controls.count()); index++) {
      const box = await controls.nth(index).boundingBox();
      expect(box, `control ${index}`).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(card!.x);
      expect(box!.x + box!.width).toBeLessThanOrEqual(card!.x + card!.width + 0.5);
    }
    await screenshot(page, 'mixer-phone-fr-settings');

    // The bass has +3 dB of low shelf; two steps right make it +4 dB.
    const lowGainName = { name: 'Gain des graves (plateau) (Basse)', exact: true };
    const lowGain = strip.getByRole('slider', lowGainName);
    const lowGainShown = strip.locator('label', { has: page.getByRole('slider', lowGainName) }).locator('output');
    await expect(lowGainShown.textContent()).resolves.toMatch(/^3,0\sdB$/);
    await lowGain.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => lowGainShown.textContent()).toMatch(/^4,0\sdB$/);
    await expect(lowGain.getAttribute('aria-valuetext')).resolves.toMatch(/^4,0\sdB$/);

    // The bass has no reverb send yet: it shows silent, and the first key press creates it.
    const sendName = { name: 'Départ vers Réverbération (Basse)', exact: true };
    const send = strip.getByRole('slider', sendName);
    const sendShown = strip.locator('label', { has: page.getByRole('slider', sendName) }).locator('output');
    await expect(sendShown.textContent()).resolves.toMatch(/^[-−]96,0\sdB$/);
    await send.focus();
    await page.keyboard.press('PageUp');
    await expect.poll(() => sendShown.textContent()).not.toMatch(/96,0/);
    const level = Number((await send.inputValue()).replace(',', '.'));
    expect(level).toBeGreaterThan(-96);
    await expect(sendShown.textContent()).resolves.toContain(`${new Intl.NumberFormat('fr', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.abs(level))}`);
  });

  it('adds an audio file from the device as a new track', async () => {
    // One second of a 220 Hz sine, 16-bit stereo WAV, made here: no fixture file to keep.
    const sampleRate = 44100;
    const tone = Float32Array.from({ length: sampleRate }, (_, frame) => 0.5 * Math.sin((2 * Math.PI * 220 * frame) / sampleRate));
    const wav = encodeWav([tone, tone], sampleRate, WavBitDepth.sixteen);
    const tracksBefore = await page.getByRole('slider', { name: /^Fader de / }).count();
    await page.getByLabel('Ajouter des fichiers audio').setInputFiles({ name: 'guitare.wav', mimeType: 'audio/wav', buffer: Buffer.from(wav) });
    await page.getByRole('slider', { name: 'Fader de guitare' }).waitFor({ state: 'visible' });
    await expect(page.getByRole('status').filter({ hasText: 'guitare.wav a été ajouté comme nouvelle piste.' }).count()).resolves.toBe(1);
    await expect(page.getByRole('slider', { name: /^Fader de / }).count()).resolves.toBe(tracksBefore + 1);
    expect(await unnamedControls()).toEqual([]);
  });

  it('exports the added track as a stem that carries its audio', async () => {
    await page.getByLabel('Exporter aussi les stems (un fichier par piste)').check();
    await page.getByRole('button', { name: 'Exporter en WAV' }).click();
    const link = page.getByRole('link', { name: /^Télécharger \d+-guitare\.wav$/ });
    await link.waitFor({ state: 'visible', timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const stem = decodeWav(new Uint8Array(readFileSync(await download.path())));
    // The 1 s tone at -6 dBFS, re-decoded at the export rate, through a default strip.
    let peak = 0;
    for (const sample of stem.channels[0]!.subarray(0, stem.sampleRate)) peak = Math.max(peak, Math.abs(sample));
    expect(peak).toBeGreaterThan(0.2);
  });

  it('reports a file it cannot decode and adds no track', async () => {
    const tracksBefore = await page.getByRole('slider', { name: /^Fader de / }).count();
    await page.getByLabel('Ajouter des fichiers audio').setInputFiles({ name: 'notes.wav', mimeType: 'audio/wav', buffer: Buffer.from('not audio at all') });
    await page.getByRole('status').filter({ hasText: 'Impossible d’ajouter notes.wav' }).waitFor({ state: 'visible' });
    await expect(page.getByRole('slider', { name: /^Fader de / }).count()).resolves.toBe(tracksBefore);
  });
});
