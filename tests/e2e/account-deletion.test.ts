import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, registerThroughApi, screenshot, uniqueEmail, VIEWPORTS, WatchedPage } from './browser.ts';

/** Someone leaves: deletes their account from the settings, confirmed with the password. */
const baseUrl = inject('baseUrl');
const leaver = { email: uniqueEmail('leaver'), password: 'goodbye-and-thanks-42', displayName: 'Leaving Lee' };

let browser: Browser;

beforeAll(async () => {
  await registerThroughApi(baseUrl, leaver);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('deleting one’s account', () => {
  it('says what will happen, wants the password, then signs out for good', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.laptop, locale: 'en-US', colorScheme: 'light' });
    const watched = await WatchedPage.open(context);
    const page = watched.page;
    await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent('/settings')}`);
    await page.getByLabel('E-mail').fill(leaver.email);
    await page.getByLabel('Password', { exact: true }).fill(leaver.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();

    await page.getByText('Delete my account…').click();
    await page.getByText('People who bought a licence keep their files and contract').waitFor();
    await page.getByLabel('Your password, to confirm').fill('not-my-password');
    await page.getByRole('button', { name: 'Delete my account for good' }).click();
    await page.getByText('Your current password is not correct.').waitFor();
    await page.getByLabel('Your password, to confirm').fill(leaver.password);
    await screenshot(page, 'account-deletion-laptop-1-confirm');
    await page.getByRole('button', { name: 'Delete my account for good' }).click();
    await page.getByText('Your account was deleted. Thank you for making music with us.').first().waitFor();
    await page.waitForURL((url) => url.pathname === '/');
    await screenshot(page, 'account-deletion-laptop-2-gone');

    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('E-mail').fill(leaver.email);
    await page.getByLabel('Password', { exact: true }).fill(leaver.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That e-mail and password do not match an account.').waitFor();
    // The refused password and sign-in are answers the page shows; the browser logs the failed requests.
    expect(watched.problems().filter((problem) => !/status of (401|403)/.test(problem))).toEqual([]);
    await context.close();
  });
});
