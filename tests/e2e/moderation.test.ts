import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiCallsTo } from './api-calls.ts';
import { launchChromium, registerThroughApi, screenshot, uniqueEmail, VIEWPORTS, WatchedPage } from './browser.ts';

/** A moderator works the report queue in the browser; anyone else is told the page is not theirs. */
const baseUrl = inject('baseUrl');
const password = 'harbour-kite-73-meadows';
const moderator = { email: inject('moderatorEmail'), password, displayName: 'Mo Derator' };
const sender = { email: uniqueEmail('sender-mod'), password, displayName: 'Loud Sender' };
const listener = { email: uniqueEmail('listener-mod'), password, displayName: 'Quiet Listener' };
const reportedText = `Pay me or your beat gets leaked ${Date.now().toString(36)}`;

let browser: Browser;

async function signedIn(account: { email: string; password: string }, viewport: keyof typeof VIEWPORTS): Promise<{ page: Page; watched: WatchedPage }> {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: 'en-US', colorScheme: 'light' });
  const watched = await WatchedPage.open(context);
  const page = watched.page;
  const restored = page.waitForResponse((response) => response.url().endsWith('/api/auth/refresh'));
  await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent('/moderation')}`);
  await restored;
  await page.getByLabel('E-mail').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
  return { page, watched };
}

beforeAll(async () => {
  for (const account of [moderator, sender, listener]) await registerThroughApi(baseUrl, account);
  const { api, accessTokenFor } = apiCallsTo(baseUrl);
  const [senderToken, listenerToken] = [await accessTokenFor(sender), await accessTokenFor(listener)];
  const listenerId = (await api('/api/auth/profile', { token: listenerToken })).json.user.id as string;
  const conversation = await api('/api/messages/conversations', { method: 'POST', token: senderToken, body: { withUserId: listenerId } });
  const message = await api(`/api/messages/conversations/${conversation.json.id}/messages`, { method: 'POST', token: senderToken, body: { clientId: randomUUID(), body: reportedText } });
  const report = await api('/api/messages/reports', { method: 'POST', token: listenerToken, body: { conversationId: conversation.json.id, messageId: message.json.id, reason: 'scam', details: 'Threatens to leak my beat.' } });
  expect(report.status).toBe(201);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('the moderators’ report queue', () => {
  it('a moderator reads the reported message and resolves the report with a note', async () => {
    const { page, watched } = await signedIn(moderator, 'laptop');
    const card = page.locator('article.report', { hasText: reportedText });
    await card.waitFor();
    await expect.poll(() => card.getByRole('heading', { level: 2 }).textContent()).toBe('Scam');
    await card.getByText('Quiet Listener reported Loud Sender').waitFor();
    await card.getByText('Threatens to leak my beat.').waitFor();
    await screenshot(page, 'moderation-laptop-1-open');
    await card.getByLabel('Note for the other moderators').fill('Warned the sender; the next one is a ban.');
    await card.getByRole('button', { name: 'Resolve' }).click();
    await page.getByText('Report resolved.').waitFor();
    await expect.poll(() => card.count()).toBe(0);

    await page.getByLabel('Show').selectOption('resolved');
    const resolved = page.locator('article.report', { hasText: reportedText });
    await resolved.getByText('Resolved by Mo Derator').waitFor();
    await resolved.getByText('Warned the sender; the next one is a ban.').waitFor();
    await screenshot(page, 'moderation-laptop-2-resolved');
    expect(watched.problems()).toEqual([]);
  });

  it('anyone else is told that only moderators see reports', async () => {
    const { page, watched } = await signedIn(listener, 'phone');
    await page.getByText('Only moderators can see and review reports.').waitFor();
    expect(await page.locator('article.report').count()).toBe(0);
    // The 403 is the answer the page shows; the browser logs the failed request.
    expect(watched.problems().filter((problem) => !problem.includes('status of 403'))).toEqual([]);
  });
});
