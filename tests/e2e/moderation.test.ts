import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiCallsTo } from './api-calls.ts';
import { launchChromium, registerThroughApi, screenshot, uniqueEmail, unnamedControls, VIEWPORTS, WatchedPage } from './browser.ts';

/** A moderator works the report queue in the browser; anyone else is told the page is not theirs. */
const baseUrl = inject('baseUrl');
const password = 'harbour-kite-73-meadows';
const moderator = { email: inject('moderatorEmail'), password, displayName: 'Mo Derator' };
const sender = { email: uniqueEmail('sender-mod'), password, displayName: 'Loud Sender' };
const listener = { email: uniqueEmail('listener-mod'), password, displayName: 'Quiet Listener' };
const reportedText = `Pay me or your beat gets leaked ${Date.now().toString(36)}`;
const spammer = { email: uniqueEmail('spammer-mod'), password, displayName: `Spam Bot ${Date.now().toString(36)}` };
const spamText = `Cheap plays and followers, DM me ${Date.now().toString(36)}`;
let spamConversationId = '';

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

  // A spammer the moderator will remove and suspend, reported by the same listener.
  await registerThroughApi(baseUrl, spammer);
  const spammerToken = await accessTokenFor(spammer);
  const spam = await api('/api/messages/conversations', { method: 'POST', token: spammerToken, body: { withUserId: listenerId } });
  spamConversationId = spam.json.id as string;
  const spamMessage = await api(`/api/messages/conversations/${spamConversationId}/messages`, { method: 'POST', token: spammerToken, body: { clientId: randomUUID(), body: spamText } });
  const spamReport = await api('/api/messages/reports', { method: 'POST', token: listenerToken, body: { conversationId: spamConversationId, messageId: spamMessage.json.id, reason: 'spam' } });
  expect(spamReport.status).toBe(201);
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

  it('a moderator removes a spam message and suspends its sender: the listener sees it go live, the spammer cannot sign in until the suspension is lifted', async () => {
    // The listener has the conversation open while the moderator acts.
    const listenerContext = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'en-US', colorScheme: 'light' });
    const listenerWatched = await WatchedPage.open(listenerContext);
    const listenerPage = listenerWatched.page;
    await listenerPage.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(`/messages/${spamConversationId}`)}`);
    await listenerPage.getByLabel('E-mail').fill(listener.email);
    await listenerPage.getByLabel('Password', { exact: true }).fill(listener.password);
    await listenerPage.getByRole('button', { name: 'Sign in' }).click();
    await listenerPage.locator('.bubble', { hasText: spamText }).waitFor();
    await listenerPage.getByText('Live', { exact: true }).waitFor();

    const { page, watched } = await signedIn(moderator, 'laptop');
    const card = page.locator('article.report', { hasText: spamText });
    await card.waitFor();
    await card.getByLabel('Remove this message for both people').check();
    await card.getByLabel(`Suspend ${spammer.displayName}: no sign-in, and their beats leave the store`).check();
    // Ticking it asks for the terms the spammer will be told: how long, and a word besides the reason.
    await card.getByLabel('For how long').selectOption({ label: '7 days' });
    await card.getByLabel(`Message to ${spammer.displayName} (optional)`, { exact: false }).fill('Promote your beats in the store, not in people’s inboxes.');
    await card.getByLabel('Note for the other moderators').fill('Spam wave, third account this week.');
    await screenshot(page, 'moderation-laptop-3-actions');
    await card.getByRole('button', { name: 'Resolve' }).click();
    await page.getByText('Report resolved. The message was removed. The account was suspended.').waitFor();
    const suspended = page.locator('section', { has: page.getByRole('heading', { name: 'Suspended accounts' }) }).locator('li', { hasText: spammer.displayName });
    await suspended.getByText('Suspended by Mo Derator').waitFor();
    await suspended.getByText('Spam wave, third account this week.').waitFor();
    await suspended.getByText(/Reason: Spam · ends /).waitFor();
    await suspended.getByText('Told them: Promote your beats in the store, not in people’s inboxes.').waitFor();
    await screenshot(page, 'moderation-laptop-4-suspended');

    // Pushed to the listener's open thread and conversation list: the text is gone, a notice stands in its place.
    await listenerPage.locator('.bubble', { hasText: 'This message was removed by a moderator.' }).waitFor();
    expect(await listenerPage.getByText(spamText).count()).toBe(0);
    await screenshot(listenerPage, 'moderation-phone-5-message-removed');

    // The spammer tries to sign in.
    const spammerContext = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'en-US', colorScheme: 'light' });
    const spammerWatched = await WatchedPage.open(spammerContext);
    const spammerPage = spammerWatched.page;
    await spammerPage.goto(`${baseUrl}/sign-in`);
    await signInAs(spammerPage, spammer);
    // Told why and until when: a week from now, in UTC.
    await spammerPage.getByText(/^This account is suspended until \d{4}-\d\d-\d\d \d\d:\d\d UTC\. Reason: spam\.$/).waitFor();
    await screenshot(spammerPage, 'moderation-phone-6-suspended-sign-in');

    // They appeal from there; the moderators see it with the suspension.
    const appeal = 'Those were my own beats, sent to people who asked for them in the forum.';
    await spammerPage.getByLabel('Your appeal').fill('Mistake');
    await spammerPage.getByRole('button', { name: 'Send appeal' }).click();
    await spammerPage.getByText('Say a little more: at least 10 characters.').waitFor();
    await spammerPage.getByLabel('Your appeal').fill(appeal);
    await spammerPage.getByRole('button', { name: 'Send appeal' }).click();
    await spammerPage.getByText('Your appeal was sent. A moderator will answer you by e-mail.').waitFor();
    await screenshot(spammerPage, 'moderation-phone-7-appeal-sent');
    // Trying again later, they see it is with the moderators instead of a second form.
    await spammerPage.reload();
    await signInAs(spammerPage, spammer);
    await spammerPage.getByText(/^You appealed on .+\. A moderator will answer you by e-mail\.$/).waitFor();
    expect(await spammerPage.getByLabel('Your appeal').count()).toBe(0);
    await page.reload();
    await suspended.getByText(appeal).waitFor();
    await screenshot(page, 'moderation-laptop-8-appeal');

    await expect(suspended.getByRole('button', { name: `Grant the appeal: lift ${spammer.displayName}’s suspension` }).count()).resolves.toBe(1);

    // Turned down, with the reasons the person is owed; the suspension stands.
    await suspended.getByRole('button', { name: 'Turn down the appeal' }).click();
    await page.getByText(`Write why the appeal of ${spammer.displayName} is turned down: they are told.`).waitFor();
    await suspended.getByLabel(`Why the suspension of ${spammer.displayName} stays (sent to them)`).fill('Nobody in the forum asked: the reports say otherwise.');
    await suspended.getByRole('button', { name: 'Turn down the appeal' }).click();
    await page.getByText(`Appeal of ${spammer.displayName} turned down; they were sent your reasons.`).waitFor();
    await expect.poll(() => suspended.getByText(appeal).count()).toBe(0);
    // The next refused sign-in shows the answer and the reasons, and offers a new appeal.
    await spammerPage.reload();
    await signInAs(spammerPage, spammer);
    await spammerPage.getByText(/^On .+ a moderator turned down your appeal\. Their reasons:$/).waitFor();
    await spammerPage.getByText('Nobody in the forum asked: the reports say otherwise.').waitFor();
    await spammerPage.getByLabel('Your appeal').waitFor();
    expect(await unnamedControls(spammerContext, spammerPage)).toEqual([]);
    await screenshot(spammerPage, 'moderation-phone-9-appeal-turned-down');

    // Lifted after all: the spammer can sign in again.
    await suspended.getByRole('button', { name: `Lift the suspension of ${spammer.displayName}` }).click();
    await page.getByText(`${spammer.displayName} can sign in again, and their beats are back in the store.`).waitFor();
    await expect.poll(() => suspended.count()).toBe(0);
    await spammerPage.getByRole('button', { name: 'Sign in' }).click();
    await spammerPage.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

    expect(watched.problems()).toEqual([]);
    expect(listenerWatched.problems()).toEqual([]);
    // The refused sign-in is the answer the page shows; the browser logs the failed request.
    expect(spammerWatched.problems().filter((problem) => !problem.includes('status of 403'))).toEqual([]);
    await Promise.all([listenerContext.close(), spammerContext.close()]);
  });

  it('anyone else is told that only moderators see reports', async () => {
    const { page, watched } = await signedIn(listener, 'phone');
    await page.getByText('Only moderators can see and review reports.').waitFor();
    expect(await page.locator('article.report').count()).toBe(0);
    // The 403 is the answer the page shows; the browser logs the failed request.
    expect(watched.problems().filter((problem) => !problem.includes('status of 403'))).toEqual([]);
  });
});

/** Fills in the sign-in form on the page already open and sends it. */
async function signInAs(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.getByLabel('E-mail').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
