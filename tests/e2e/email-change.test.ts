import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { lastLinkTo } from '../../api/testing/outbox.ts';
import { launchChromium, registerThroughApi, screenshot, uniqueEmail, VIEWPORTS, WatchedPage } from './browser.ts';

/**
 * A writer moves their account to a new address from Settings: the link arrives at the new address
 * (the product's outbox folder stands in for the inboxes), opening it makes the change, and the old
 * address gets a way back, which restores it and signs every session out.
 */
const baseUrl = inject('baseUrl');
const outboxDir = inject('outboxDir');
const writer = { email: uniqueEmail('moving'), password: 'harbour-lights-52-violins', displayName: 'Moving Mo' };
const newEmail = uniqueEmail('moved');

let browser: Browser;

beforeAll(async () => {
  await registerThroughApi(baseUrl, writer);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** The /confirm-email link in the last e-mail to `to`, once `count` e-mails reached it. */
const linkIn = async (to: string, count: number) => (await lastLinkTo(outboxDir, to, '/confirm-email', count)).url;

describe('changing the e-mail address', () => {
  it('sends a link to the new address, changes on opening it, and the old address can take the account back', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.laptop, locale: 'en-US', colorScheme: 'light' });
    const watched = await WatchedPage.open(context);
    const page = watched.page;
    await page.goto(`${baseUrl}/sign-in?next=%2Fsettings`);
    await page.getByLabel('E-mail').fill(writer.email);
    await page.getByLabel('Password', { exact: true }).fill(writer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();

    await page.getByText('Change e-mail address').click();
    const form = page.locator('cs-change-email-form');
    await form.getByLabel('New e-mail address').fill(newEmail);
    await form.getByLabel('Confirm with your password').fill('a wrong guess entirely');
    await form.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText('Your current password is not correct.').waitFor();
    await form.getByLabel('Confirm with your password').fill(writer.password);
    await form.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText(`We sent a link to ${newEmail}. Open it within 24 hours to use that address; until then nothing changes.`).waitFor();
    await screenshot(page, 'email-change-laptop-1-sent');

    // The new address's link, opened in this signed-in browser: the settings page shows the new address.
    await page.goto(await linkIn(newEmail, 1));
    await page.getByText(`Done: your account now uses ${newEmail}. Sign in with it from now on.`).waitFor();
    expect(new URL(page.url()).hash).toBe('');
    await screenshot(page, 'email-change-laptop-2-done');
    await page.getByRole('link', { name: 'Back to settings' }).click();
    await page.getByText(`Signed in as ${newEmail}`, { exact: false }).waitFor();

    // The old address was told twice (asked, done); the second e-mail holds the way back. Opened on a phone, signed out.
    const wayBack = await linkIn(writer.email, 2);
    const phone = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'en-US', colorScheme: 'light' });
    const phoneWatched = await WatchedPage.open(phone);
    await phoneWatched.page.goto(wayBack);
    await phoneWatched.page.getByText(`Your account uses ${writer.email} again, and every session on every device was signed out.`).waitFor();
    await phoneWatched.page.getByRole('link', { name: 'Choose a new password' }).waitFor();
    await screenshot(phoneWatched.page, 'email-change-phone-3-taken-back');

    // The laptop's session was among those signed out: its next visit to settings is a guest's.
    await page.goto(`${baseUrl}/settings`);
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('E-mail').fill(writer.email);
    await page.getByLabel('Password', { exact: true }).fill(writer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

    // Refused requests are answers the page shows; the browser logs them as failed requests.
    expect(watched.problems().filter((problem) => !/status of (401|403)/.test(problem))).toEqual([]);
    expect(phoneWatched.problems().filter((problem) => !/status of 401/.test(problem))).toEqual([]);
    await Promise.all([context.close(), phone.close()]);
  });
});
