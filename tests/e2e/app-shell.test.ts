import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { focusedElement, launchChromium, screenshot, uniqueEmail, VIEWPORTS, WatchedPage, type ViewportName } from './browser.ts';

/**
 * One creator's first visit, at phone and laptop sizes: sign up, sign out and back in, edit the profile,
 * switch to Spanish, then reopen the app with the network cut off. Fails on any console error or CSP
 * violation along the way.
 */

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function expectHeading(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text }).waitFor({ state: 'visible' });
}

/** The text of the shell's polite live region that announces page titles. */
function routeAnnouncement(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.querySelector('cs-app')?.shadowRoot?.querySelector('[role="status"][aria-live="polite"]')?.textContent?.trim());
}

/** Everything the shell's polite live regions currently say (route titles, toasts). */
function liveRegionText(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...(document.querySelector('cs-app')?.shadowRoot?.querySelectorAll('[role="status"][aria-live="polite"]') ?? [])]
      .map((region) => region.textContent?.trim() ?? '')
      .join(' | '),
  );
}

/** The header's navigation (on phones it wraps onto a second row, but it is the same element). */
function mainNav(page: Page) {
  return page.getByRole('navigation', { name: /^(Main|Principal)$/ });
}

describe.each(Object.keys(VIEWPORTS) as ViewportName[])('at %s size', (size) => {
  const account = { email: uniqueEmail(size), password: 'violet-harbour-7-lanterns', displayName: `Ada ${size}` };
  let context: BrowserContext;
  let watched: WatchedPage;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ viewport: VIEWPORTS[size], locale: 'en-US', colorScheme: size === 'phone' ? 'dark' : 'light' });
    watched = await WatchedPage.open(context);
    page = watched.page;
  });

  afterAll(async () => {
    await context?.close();
    expect(watched?.problems() ?? []).toEqual([]);
  });

  it('shows the home page to a guest', async () => {
    await page.goto(`${baseUrl}/`);
    await expectHeading(page, 'Make it. Finish it. Share it.');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await expect(page.title()).resolves.toBe('CreatorSync');
    await screenshot(page, `${size}-1-home-guest`);
  });

  it('signs a new user up', async () => {
    await mainNav(page).getByRole('link', { name: 'Sign up' }).click();
    await expectHeading(page, 'Create your account');
    expect(page.url()).toBe(`${baseUrl}/sign-up`);
    // Route changes move focus to the new page's heading.
    expect(await focusedElement(page)).toMatchObject({ tag: 'h1', text: 'Create your account' });

    // Client-side validation with the shared schema, before anything is sent.
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('This field is required.').first().waitFor();
    expect(await focusedElement(page)).toMatchObject({ tag: 'input', name: 'displayName' });
    await screenshot(page, `${size}-2-sign-up-errors`);

    await page.getByLabel('Display name').fill(account.displayName);
    await page.getByLabel('E-mail').fill(account.email);
    await page.getByLabel('Password', { exact: true }).fill(account.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expectHeading(page, `Welcome to CreatorSync, ${account.displayName}`);
    expect(new URL(page.url()).pathname).toBe('/');
    // The route change was announced politely, and focus followed it.
    expect(await routeAnnouncement(page)).toBe('Home');
    expect(await focusedElement(page)).toMatchObject({ tag: 'h1' });
    await screenshot(page, `${size}-3-home-member`);
  });

  it('signs out and back in', async () => {
    await mainNav(page).getByRole('button', { name: 'Sign out' }).click();
    await page.locator('cs-toast').getByText('You’re signed out. See you soon!').waitFor();
    await expectHeading(page, 'Make it. Finish it. Share it.');
    expect(await liveRegionText(page)).toContain('You’re signed out. See you soon!');

    await mainNav(page).getByRole('link', { name: 'Sign in' }).click();
    await expectHeading(page, 'Sign in');
    await page.getByLabel('E-mail').fill(account.email);
    await page.getByLabel('Password', { exact: true }).fill(account.password);
    await screenshot(page, `${size}-4-sign-in`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectHeading(page, `Welcome back, ${account.displayName}`);
  });

  it('edits the profile', async () => {
    await mainNav(page).getByRole('link', { name: 'Profile' }).click();
    await expectHeading(page, 'Your profile');
    expect(await page.title()).toBe('Your profile · CreatorSync');
    await page.getByRole('button', { name: 'Edit profile' }).click();

    await page.getByLabel('Display name').fill(`${account.displayName} Lovelace`);
    await page.getByLabel('Bio').fill('I make lo-fi beats and finish other people’s songs.');
    await page.getByRole('checkbox', { name: 'Producer' }).check();
    await page.getByRole('checkbox', { name: 'Songwriter' }).check();
    await page.getByLabel('Avatar image URL').fill('http://insecure.example/me.png');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Enter a secure web address that starts with https://.').waitFor();
    await page.getByLabel('Avatar image URL').fill('');
    await screenshot(page, `${size}-5-profile-edit`);

    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Profile saved.').waitFor();
    await page.getByRole('heading', { name: `${account.displayName} Lovelace` }).waitFor();
    await page.getByText('I make lo-fi beats and finish other people’s songs.').waitFor();
    await screenshot(page, `${size}-6-profile`);
  });

  it('switches to Spanish and saves the choice to the profile', async () => {
    const saved = page.waitForResponse((response) => response.url().endsWith('/api/auth/profile') && response.request().method() === 'PUT');
    await page.getByRole('banner').getByLabel('Language').selectOption('es');
    await expectHeading(page, 'Tu perfil');
    await mainNav(page).getByRole('link', { name: 'Ajustes' }).waitFor();
    expect((await saved).status()).toBe(200);
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('es');
    await expect(page.title()).resolves.toBe('Tu perfil · CreatorSync');
    await page.getByText('Productor').first().waitFor();
    await screenshot(page, `${size}-7-profile-es`);

    await mainNav(page).getByRole('link', { name: 'Ajustes' }).click();
    await expectHeading(page, 'Ajustes');
    await screenshot(page, `${size}-8-settings-es`);
  });

  it('changes the password (in Spanish) and can sign in with the new one', async () => {
    const newPassword = `${account.password}-renewed`;
    await page.getByLabel('Contraseña actual').fill(account.password);
    await page.getByLabel('Nueva contraseña', { exact: true }).fill(newPassword);
    await page.getByLabel('Confirma la nueva contraseña').fill(`${newPassword}x`);
    await page.getByRole('button', { name: 'Cambiar contraseña' }).click();
    await page.getByText('Las contraseñas no coinciden.').waitFor();

    await page.getByLabel('Confirma la nueva contraseña').fill(newPassword);
    await page.getByRole('button', { name: 'Cambiar contraseña' }).click();
    await page.getByText('Contraseña cambiada.').waitFor();
    account.password = newPassword;
    await screenshot(page, `${size}-8b-password-changed-es`);

    // The session survives the change (the API issued this tab a fresh cookie): a reload keeps us signed in.
    await page.reload();
    await expectHeading(page, 'Ajustes');
    await page.getByText(`Sesión iniciada como ${account.email}`).waitFor();
  });

  it('opens offline from the service worker, with the saved profile', async () => {
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // Requests the page makes in the instant before it learns it is offline (the session refresh, the
    // header's unread count) fail with the browser's offline error: expected here, not a problem.
    watched.allowed.push({ path: '/api/auth/refresh', reason: 'ERR_INTERNET_DISCONNECTED' }, { path: '/api/messages/unread', reason: 'ERR_INTERNET_DISCONNECTED' });
    await context.setOffline(true);
    await page.goto(`${baseUrl}/`);
    await expectHeading(page, `Hola de nuevo, ${account.displayName} Lovelace`);
    await page.getByRole('banner').getByText('Sin conexión').waitFor();
    await page.getByText('Estás sin conexión. Este es tu perfil guardado').waitFor();
    await screenshot(page, `${size}-9-offline-es`);

    // Back online: the session is confirmed with the server and the offline notice goes away.
    await context.setOffline(false);
    await page.getByRole('banner').getByText('En línea').waitFor();
    await page.getByText('Estás sin conexión. Este es tu perfil guardado').waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Editar perfil' }).or(page.getByRole('link', { name: 'Editar perfil' })).waitFor();
  });
});
