import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { focusedElement, launchChromium, registerThroughApi, uniqueEmail, unnamedControls, VIEWPORTS, WatchedPage } from './browser.ts';

/**
 * Keyboard-only use and an accessibility sanity check (no axe): every control has an accessible name,
 * each page has one h1 and the landmarks are there.
 */

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** Tabs forward until the focused element matches, failing after `limit` presses. */
async function tabTo(page: Page, matches: (focused: Awaited<ReturnType<typeof focusedElement>>) => boolean, limit = 25): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (matches(await focusedElement(page))) return;
  }
  throw new Error(`focus never reached the target; last: ${JSON.stringify(await focusedElement(page))}`);
}

describe('keyboard only', () => {
  it('signs in with the keyboard: skip link, fields, a server error, then success', async () => {
    const account = { email: uniqueEmail('keyboard'), password: 'keys-and-nothing-else', displayName: 'Kay Board' };
    await registerThroughApi(baseUrl, account);
    const context = await browser.newContext({ viewport: VIEWPORTS.laptop, locale: 'en-US' });
    const watched = await WatchedPage.open(context);
    watched.allowed.push({ path: '/api/auth/login', reason: 'status of 401' });
    const { page } = watched;

    await page.goto(`${baseUrl}/sign-in`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

    // The first Tab stop is the skip link; it is visible when focused and jumps to <main>.
    await press(page, 'Tab');
    expect(await focusedElement(page)).toMatchObject({ tag: 'a', text: 'Skip to main content' });
    expect(await page.getByRole('link', { name: 'Skip to main content' }).isVisible()).toBe(true);
    await press(page, 'Enter');
    expect(await focusedElement(page)).toMatchObject({ tag: 'main' });

    await tabTo(page, (focused) => focused?.name === 'email');
    // Visible focus: an outline, or (for text fields) a focus ring drawn with box-shadow.
    const focused = await focusedElement(page);
    expect(!focused?.outline.startsWith('none') || focused.boxShadow !== 'none').toBe(true);
    await page.keyboard.type(account.email);
    await press(page, 'Tab');
    expect(await focusedElement(page)).toMatchObject({ name: 'password' });
    await page.keyboard.type('not-the-password');
    await press(page, 'Enter');
    // The API's own message, shown in the live region next to the form.
    const status = page.locator('cs-sign-in-page #form-status');
    await status.locator('.notice').waitFor();
    expect((await status.textContent())?.trim()).not.toBe('');
    expect(await status.getAttribute('aria-live')).toBe('polite');

    // Focus stays in the password field (the message is announced, not focused): fix it and resubmit.
    expect(await focusedElement(page)).toMatchObject({ name: 'password' });
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(account.password);
    await press(page, 'Enter');
    await page.getByRole('heading', { level: 1, name: `Welcome back, ${account.displayName}` }).waitFor();
    expect(await focusedElement(page)).toMatchObject({ tag: 'h1' });

    await context.close();
    expect(watched.problems()).toEqual([]);
  });
});

describe('accessibility sanity', () => {
  it('names every control and keeps one h1 and the landmarks on every page', async () => {
    const account = { email: uniqueEmail('a11y'), password: 'names-for-everything', displayName: 'Ally', locale: 'fr' };
    await registerThroughApi(baseUrl, account);
    const context = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'fr-FR' });
    const watched = await WatchedPage.open(context);
    const { page } = watched;

    const check = async (path: string): Promise<void> => {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await unnamedControls(context, page), path).toEqual([]);
      expect(await page.getByRole('heading', { level: 1 }).count(), path).toBe(1);
      for (const role of ['banner', 'main', 'contentinfo'] as const) expect(await page.getByRole(role).count(), `${path} ${role}`).toBe(1);
      expect(await page.getByRole('navigation').count(), path).toBeGreaterThan(0);
    };

    // First visit in French (negotiated from the browser's language).
    await check('/');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await check('/sign-up');
    await check('/forgot-password');
    await check('/reset-password');
    await check('/confirm-email');
    await check('/settings');
    await check('/sign-in');
    await page.getByLabel('E-mail').fill(account.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(account.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { level: 1, name: /Ally/ }).waitFor();
    await check('/profile');
    await page.getByRole('button', { name: 'Modifier le profil' }).click();
    expect(await unnamedControls(context, page)).toEqual([]);
    await check('/settings');
    await check('/does-not-exist');

    await context.close();
    expect(watched.problems()).toEqual([]);
  });
});
