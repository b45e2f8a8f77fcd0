import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readOutbox } from '../../api/testing/outbox.ts';
import { launchChromium, registerThroughApi, screenshot, uniqueEmail, VIEWPORTS, WatchedPage } from './browser.ts';

/**
 * A writer who forgot their password gets a link by e-mail (the product runs without SMTP, so the
 * e-mail lands in its outbox folder, which the test reads as the inbox) and chooses a new one.
 */
const baseUrl = inject('baseUrl');
const outboxDir = inject('outboxDir');
const writer = { email: uniqueEmail('forgetful'), password: 'first-guess-81-pebbles', displayName: 'Forgetful Fran' };
const newPassword = 'second-thought-27-willows';

let browser: Browser;

beforeAll(async () => {
  await registerThroughApi(baseUrl, writer);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('forgot your password', () => {
  it('asks for a link, follows it from the e-mail, sets a new password and signs in with it', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'en-US', colorScheme: 'light' });
    const watched = await WatchedPage.open(context);
    const page = watched.page;
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
    await page.getByLabel('E-mail').fill(writer.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText(`If an account uses ${writer.email}, a link to choose a new password is on its way there.`).waitFor();
    await screenshot(page, 'password-reset-phone-1-asked');

    await expect.poll(async () => (await readOutbox(outboxDir)).filter((mail) => mail.to === writer.email).length, { timeout: 10_000 }).toBe(1);
    const mail = (await readOutbox(outboxDir)).find((entry) => entry.to === writer.email)!;
    expect(mail.subject).toBe('Choose a new CreatorSync password');
    const link = /http:\/\/127\.0\.0\.1:\d+\/reset-password#token=[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
    expect(link, mail.text).toBeDefined();

    await page.goto(link!);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    // A password from the list of most common ones is refused with the server's reason.
    await page.getByLabel('New password').fill('password123');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.locator('.notice.error').waitFor();
    await page.getByLabel('New password').fill(newPassword);
    await screenshot(page, 'password-reset-phone-2-new-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password was changed and every session signed out. Sign in with the new password.').waitFor();
    await screenshot(page, 'password-reset-phone-3-changed');

    await page.getByLabel('E-mail').fill(writer.email);
    await page.getByLabel('Password', { exact: true }).fill(writer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That e-mail and password do not match an account.').waitFor();
    await page.getByLabel('Password', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

    // The same link a second time says why it no longer works.
    await page.goto(link!);
    await page.getByLabel('New password').fill('third-idea-64-lanterns');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('This password reset link is not valid any more').waitFor();
    // The refused requests are answers the page shows; the browser logs the failed requests.
    expect(watched.problems().filter((problem) => !/status of (400|401|422)/.test(problem))).toEqual([]);
    await context.close();
  });
});
