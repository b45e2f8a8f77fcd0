import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiCallsTo } from './api-calls.ts';
import { focusedElement, launchChromium, registerThroughApi, screenshot, signInToProjects, uniqueEmail, VIEWPORTS, WatchedPage } from './browser.ts';

/**
 * Comments and chat, the project's second document: A (owner, laptop, light) comments on the lyric
 * line under the cursor; B (commenter, phone, dark — the song is read-only for B) sees it arrive,
 * resolves it and comments at a time in the song; A sees it resolved and jumps to the line. B
 * chats while offline and A receives the message when B returns. A viewer reads everything and can
 * write nothing. Fails on any console error or CSP violation.
 */

const baseUrl = inject('baseUrl');
const password = 'violet-harbour-7-lanterns';
const ada = { email: uniqueEmail('ada-comments'), password, displayName: 'Ada' };
const bea = { email: uniqueEmail('bea-comments'), password, displayName: 'Bea' };

let browser: Browser;
let contextA: BrowserContext;
let contextB: BrowserContext;
let watchedA: WatchedPage;
let watchedB: WatchedPage;
let a: Page;
let b: Page;
let projectPath = '';

/** Problems that are the point of the offline steps: requests the browser refused while offline. */
function unexpected(problems: string[]): string[] {
  return problems.filter((problem) => !problem.includes('ERR_INTERNET_DISCONNECTED'));
}

const signIn = (page: Page, account: { email: string; password: string }) => signInToProjects(page, baseUrl, account);

const lyrics = (page: Page) => page.locator('cs-lyrics-editor .cm-content');
const panel = (page: Page) => page.locator('cs-comments-panel');
const comment = (page: Page, text: string) => panel(page).locator('li.comment', { hasText: text });
const announcer = (page: Page) => panel(page).locator('#comments-announcer');
const chatMessage = (page: Page, text: string) => panel(page).locator('.messages li.message', { hasText: text });

interface AxNode {
  role?: { value?: string };
  name?: { value?: string };
  ignored?: boolean;
}

/** Controls without an accessible name, from Chromium's accessibility tree (as in accessibility.test.ts). */
async function unnamedControls(context: BrowserContext, page: Page): Promise<string[]> {
  const roles = new Set(['button', 'link', 'textbox', 'combobox', 'checkbox', 'radio', 'tab', 'spinbutton']);
  const cdp = await context.newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
  await cdp.detach();
  return nodes.filter((node) => !node.ignored && roles.has(node.role?.value ?? '') && !(node.name?.value ?? '').trim()).map((node) => node.role?.value ?? '?');
}

beforeAll(async () => {
  await registerThroughApi(baseUrl, ada);
  await registerThroughApi(baseUrl, bea);
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
  expect(unexpected(watchedA?.problems() ?? [])).toEqual([]);
  expect(unexpected(watchedB?.problems() ?? [])).toEqual([]);
});

describe('comments and chat on a project', () => {
  it('A writes lyrics and invites B as a commenter', async () => {
    await signIn(a, ada);
    await a.getByLabel('New project').fill('Harbour Song');
    await a.getByRole('button', { name: 'Create' }).click();
    await a.getByRole('heading', { level: 1, name: 'Harbour Song' }).waitFor();
    projectPath = new URL(a.url()).pathname;
    await a.locator('#sync-status').getByText('Synced').waitFor();
    await lyrics(a).click();
    await a.keyboard.type('Salt on the window\nGulls in the morning\nWe never said goodbye');
    await panel(a).getByText('No comments yet.').waitFor();

    await a.getByLabel('E-mail').fill(bea.email);
    await a.locator('#invite-role').selectOption('commenter');
    await a.getByRole('button', { name: 'Invite', exact: true }).click();
    const link = await a.locator('#invite-link').inputValue();

    await signIn(b, bea);
    await b.goto(link);
    await b.getByRole('heading', { level: 1, name: 'Harbour Song' }).waitFor();
    await b.locator('#role').getByText('Commenter').waitFor();
    await b.locator('#read-only-note').getByText('You can comment on this song and chat about it, but not change it.').waitFor();
    await lyrics(b).getByText('We never said goodbye').waitFor();
    // The song is read-only for a commenter, the comments are not.
    await expect(lyrics(b).getAttribute('contenteditable')).resolves.toBe('false');
    await panel(b).getByRole('button', { name: 'Add comment' }).waitFor();
  });

  it('A comments on the line under the cursor; B sees it arrive and resolves it; A sees it resolved', async () => {
    await lyrics(a).locator('.cm-line').nth(1).click();
    // The line field follows the caret (lines count from 1 for people).
    await expect.poll(() => panel(a).locator('#comment-line').inputValue()).toBe('2');
    await expect(panel(a).getByRole('radio', { name: 'Lyric line' }).isChecked()).resolves.toBe(true);
    await panel(a).getByLabel('Comment', { exact: true }).fill('Gulls need a stronger verb here');
    await panel(a).getByRole('button', { name: 'Add comment' }).click();
    await comment(a, 'Gulls need a stronger verb here').getByText('You').waitFor();
    await expect(panel(a).getByLabel('Comment', { exact: true }).inputValue()).resolves.toBe('');

    const arrived = comment(b, 'Gulls need a stronger verb here');
    await arrived.waitFor();
    await arrived.getByRole('button', { name: 'Line 2, show in the lyrics' }).waitFor();
    await arrived.getByText('Ada').waitFor();
    await expect.poll(() => announcer(b).textContent()).toContain('Ada commented (Line 2): Gulls need a stronger verb here');
    await expect(panel(b).getByRole('tab', { name: 'Comments (1)' }).getAttribute('aria-selected')).resolves.toBe('true');
    // B did not write it: no delete button, but B may resolve.
    await expect(arrived.getByRole('button', { name: /^Delete/ }).count()).resolves.toBe(0);
    await screenshot(b, 'comments-phone-dark-1-arrived');

    await arrived.getByRole('button', { name: 'Resolve Ada’s comment (Line 2)' }).click();
    await panel(b).getByText('Nothing open: every comment is resolved.').waitFor();

    await panel(a).getByText('Nothing open: every comment is resolved.').waitFor();
    await panel(a).getByText('Resolved (1)').click();
    await comment(a, 'Gulls need a stronger verb here').getByRole('button', { name: 'Reopen Ada’s comment (Line 2)' }).waitFor();
  });

  it('B comments at a time in the song, checking what was typed', async () => {
    await panel(b).getByRole('radio', { name: 'Time in the song' }).check();
    await panel(b).getByLabel('Comment', { exact: true }).fill('The drop lands late');
    await panel(b).getByLabel('Time (m:ss)').fill('1:5');
    await panel(b).getByRole('button', { name: 'Add comment' }).click();
    await panel(b).getByText('Write the time as minutes:seconds, e.g. 1:05.').waitFor();
    await expect(panel(b).getByLabel('Time (m:ss)').getAttribute('aria-invalid')).resolves.toBe('true');
    await panel(b).getByLabel('Time (m:ss)').fill('1:05');
    await panel(b).getByRole('button', { name: 'Add comment' }).click();
    await comment(b, 'The drop lands late').getByText('At 1:05').waitFor();
    await comment(a, 'The drop lands late').getByText('At 1:05').waitFor();
    await expect.poll(() => announcer(a).textContent()).toContain('Bea commented (At 1:05): The drop lands late');
    await screenshot(a, 'comments-laptop-light-2-resolved-and-time');
  });

  it('B, whose song is read-only, comments with the keyboard alone and deletes it', async () => {
    await panel(b).getByRole('radio', { name: 'Lyric line' }).check();
    // Clicking a line of the read-only song still moves the caret the line field follows.
    await lyrics(b).locator('.cm-line').nth(2).click();
    await expect.poll(() => panel(b).locator('#comment-line').inputValue()).toBe('3');

    await panel(b).getByLabel('Comment', { exact: true }).focus();
    await b.keyboard.type('The whole thing needs more air');
    await b.keyboard.press('Tab');
    await expect.poll(async () => (await focusedElement(b))?.tag).toBe('input');
    // Arrow keys move through the radio group (Lyric line → Time in the song → The whole song).
    await b.keyboard.press('ArrowDown');
    await b.keyboard.press('ArrowDown');
    await expect(panel(b).getByRole('radio', { name: 'The whole song' }).isChecked()).resolves.toBe(true);
    await b.keyboard.press('Tab');
    expect(await focusedElement(b)).toMatchObject({ tag: 'button', text: 'Add comment' });
    await b.keyboard.press('Enter');
    const own = comment(b, 'The whole thing needs more air');
    await own.getByText('Whole song').waitFor();
    await comment(a, 'The whole thing needs more air').waitFor();
    expect(await unnamedControls(contextB, b)).toEqual([]);

    await own.getByRole('button', { name: 'Delete your comment (Whole song)' }).focus();
    await b.keyboard.press('Enter');
    await own.waitFor({ state: 'detached' });
    await comment(a, 'The whole thing needs more air').waitFor({ state: 'detached' });
    // The focused button left with its comment; focus stays in the panel.
    expect(await focusedElement(b)).toMatchObject({ tag: 'button', id: 'comments-tab' });
  });

  it('clicking a line comment moves the lyrics cursor to that line', async () => {
    await lyrics(a).locator('.cm-line').nth(2).click();
    await expect.poll(() => panel(a).locator('#comment-line').inputValue()).toBe('3');
    await comment(a, 'Gulls need a stronger verb here').getByRole('button', { name: 'Line 2, show in the lyrics' }).click();
    await expect.poll(() => a.locator('cs-lyrics-editor .cm-activeLine').textContent()).toContain('Gulls in the morning');
    await expect.poll(() => panel(a).locator('#comment-line').inputValue()).toBe('2');
    // The editable editor takes the focus, so typing goes to that line.
    await expect.poll(async () => (await focusedElement(a))?.tag).toBe('div');
  });

  it('a line comment stays on its line when lines are written above it', async () => {
    await lyrics(a).click();
    await a.keyboard.press('Control+Home');
    await a.keyboard.type('Harbour intro\nooh\n');
    await expect.poll(() => lyrics(a).locator('.cm-line').nth(3).textContent()).toBe('Gulls in the morning');
    // Both the author and the collaborator see the comment move with "Gulls in the morning".
    await comment(a, 'Gulls need a stronger verb here').getByRole('button', { name: 'Line 4, show in the lyrics' }).waitFor();
    await panel(b).getByText('Resolved (1)').click();
    await comment(b, 'Gulls need a stronger verb here').getByRole('button', { name: 'Line 4, show in the lyrics' }).waitFor();
    await screenshot(b, 'comments-phone-dark-2-line-followed');
    await comment(a, 'Gulls need a stronger verb here').getByRole('button', { name: 'Line 4, show in the lyrics' }).click();
    await expect.poll(() => a.locator('cs-lyrics-editor .cm-activeLine').textContent()).toContain('Gulls in the morning');
  });

  it('B chats while offline; A receives the message when B is back', async () => {
    await panel(a).getByRole('tab', { name: /^Chat/ }).click();
    await panel(a).getByText('No messages yet. Say hello to your co-writers.').waitFor();
    await panel(a).getByLabel('Message', { exact: true }).fill('Bridge idea coming');
    await a.keyboard.press('Enter');
    await chatMessage(a, 'Bridge idea coming').waitFor();

    // Keyboard only: from the selected tab, the arrow key opens the chat.
    await panel(b).getByRole('tab', { name: /^Comments/ }).focus();
    await b.keyboard.press('ArrowRight');
    await expect(panel(b).getByRole('tab', { name: /^Chat/ }).getAttribute('aria-selected')).resolves.toBe('true');
    await chatMessage(b, 'Bridge idea coming').waitFor();

    // B's comment and its deletion in the previous test must be confirmed by the server first, or
    // they would still count among the changes waiting on the device below.
    await panel(b).locator('#comments-sync').waitFor({ state: 'detached', timeout: 15_000 });
    await contextB.setOffline(true);
    await b.locator('#sync-status').getByText(/^Offline/).waitFor();
    await panel(b).getByLabel('Message', { exact: true }).fill('Back in five, trying it on guitar');
    await panel(b).getByRole('button', { name: 'Send' }).click();
    await expect(chatMessage(b, 'Back in five').getAttribute('class')).resolves.toContain('mine');
    await panel(b).locator('#comments-sync').getByText('Offline · 1 change on this device').waitFor();
    await screenshot(b, 'comments-phone-dark-3-chat-offline');
    await expect(chatMessage(a, 'Back in five').count()).resolves.toBe(0);

    await contextB.setOffline(false);
    await chatMessage(a, 'Back in five, trying it on guitar').waitFor({ timeout: 15_000 });
    await expect(chatMessage(a, 'Back in five').getAttribute('class')).resolves.not.toContain('mine');
    await expect.poll(() => announcer(a).textContent()).toContain('Message from Bea: Back in five, trying it on guitar');
    await panel(b).locator('#comments-sync').waitFor({ state: 'detached', timeout: 15_000 });
    // Oldest first on both sides.
    const order = (page: Page) => panel(page).locator('.messages li.message .text').allTextContents();
    await expect.poll(() => order(a)).toEqual(['Bridge idea coming', 'Back in five, trying it on guitar']);
    await expect.poll(() => order(b)).toEqual(['Bridge idea coming', 'Back in five, trying it on guitar']);
    await screenshot(a, 'comments-laptop-light-4-chat');
  });

  it('keeps comments and chat on the device: B reopens them offline', async () => {
    await b.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // Back online after an offline start, each document asks for a ticket before the shell's own
    // refresh has brought an access token: that first request gets a 401, the ApiClient refreshes
    // and retries, and sync goes on. The browser logs the 401; it is expected here (the song alone
    // does the same when the page stays open long enough).
    watchedB.allowed.push({ path: `/api${projectPath}/ticket`, reason: 'status of 401' });
    await contextB.setOffline(true);
    await b.reload();
    await b.getByRole('heading', { level: 1, name: 'Harbour Song' }).waitFor();
    await comment(b, 'The drop lands late').waitFor();
    await panel(b).getByRole('tab', { name: /^Chat/ }).click();
    await chatMessage(b, 'Back in five, trying it on guitar').waitFor();
    await contextB.setOffline(false);
  });

  it('lets a viewer read comments and chat but write nothing', async () => {
    const cyd = { email: uniqueEmail('cyd-comments'), password, displayName: 'Cyd' };
    await registerThroughApi(baseUrl, cyd);
    // Bea goes by her full name now: her earlier comment shows it, not the name stored with it.
    const { api, accessTokenFor } = apiCallsTo(baseUrl);
    const renamed = await api('/api/auth/profile', { method: 'PUT', token: await accessTokenFor(bea), body: { displayName: 'Bea Rivera' } });
    expect(renamed.status).toBe(200);
    await a.locator('#link-role').selectOption('viewer');
    await a.getByRole('button', { name: 'Create invite link' }).click();
    await a.getByText('Invite link ready.').waitFor();
    const link = await a.locator('#invite-link').inputValue();

    const contextC = await browser.newContext({ viewport: VIEWPORTS.laptop, locale: 'en-US', colorScheme: 'dark' });
    const watchedC = await WatchedPage.open(contextC);
    const c = watchedC.page;
    try {
      await signIn(c, cyd);
      await c.goto(link);
      await c.getByRole('heading', { level: 1, name: 'Harbour Song' }).waitFor();
      await c.locator('#role').getByText('Viewer').waitFor();
      await comment(c, 'The drop lands late').getByText('Bea Rivera').waitFor();
      await panel(c).locator('#comments-read-only').getByText('As a viewer you can read comments but not add or resolve them.').waitFor();
      await expect(panel(c).getByRole('button', { name: 'Add comment' }).count()).resolves.toBe(0);
      await expect(panel(c).getByRole('button', { name: /^Resolve/ }).count()).resolves.toBe(0);
      await expect(c.locator('cs-comments-panel textarea').count()).resolves.toBe(0);
      await screenshot(c, 'comments-laptop-dark-5-viewer');

      await panel(c).getByRole('tab', { name: /^Chat/ }).click();
      await chatMessage(c, 'Bridge idea coming').waitFor();
      await panel(c).locator('#chat-read-only').waitFor();
      await expect(panel(c).getByRole('button', { name: 'Send' }).count()).resolves.toBe(0);
    } finally {
      await contextC.close();
    }
    expect(unexpected(watchedC.problems())).toEqual([]);
  });

  it('looks right at the other sizes', async () => {
    await a.setViewportSize(VIEWPORTS.phone);
    await a.goto(`${baseUrl}${projectPath}`);
    await a.locator('#sync-status').getByText('Synced').waitFor();
    await comment(a, 'The drop lands late').waitFor();
    await screenshot(a, 'comments-phone-light-6-comments');
    await b.setViewportSize(VIEWPORTS.laptop);
    await b.goto(`${baseUrl}${projectPath}`);
    await panel(b).getByRole('tab', { name: /^Chat/ }).click();
    await chatMessage(b, 'Bridge idea coming').waitFor();
    await screenshot(b, 'comments-laptop-dark-7-chat');
  });

  it('the owner can delete anyone’s comment; the others cannot delete the owner’s', async () => {
    await expect(comment(b, 'Gulls need a stronger verb here').getByRole('button', { name: /^Delete/ }).count()).resolves.toBe(0);
    await panel(b).getByRole('tab', { name: /^Comments/ }).click();
    const beas = comment(a, 'The drop lands late');
    await beas.getByRole('button', { name: 'Delete Bea Rivera’s comment (At 1:05)' }).click();
    await beas.waitFor({ state: 'detached' });
    await comment(b, 'The drop lands late').waitFor({ state: 'detached' });
  });
});
