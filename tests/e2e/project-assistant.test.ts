import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, registerThroughApi, screenshot, signInToProjects, uniqueEmail, VIEWPORTS, WatchedPage } from './browser.ts';

/**
 * The songwriting assistant inside a co-edited project: A (owner, laptop, light) writes two lines;
 * both A and B (editor, phone, dark) see syllable counts and scheme letters in the gutter and the
 * rhyming words underlined, worked out on each device from the shared song. B asks for a line on
 * an empty third line and uses a suggestion: it lands in A's editor as B's own edit, which B's
 * Ctrl+Z takes back for both. Fails on any console error or CSP violation.
 */

/**
 * How long a change may take to show on the other device (relayed through the server) or to settle
 * on this one; expect.poll's default second is too short on a loaded two-core CI machine.
 */
const REMOTE = { timeout: 10_000 };
const baseUrl = inject('baseUrl');
const password = 'violet-harbour-7-lanterns';
const ada = { email: uniqueEmail('ada-assistant'), password, displayName: 'Ada' };
const bo = { email: uniqueEmail('bo-assistant'), password, displayName: 'Bo' };

let browser: Browser;
let contextA: BrowserContext;
let contextB: BrowserContext;
let watchedA: WatchedPage;
let watchedB: WatchedPage;
let a: Page;
let b: Page;

const signIn = (page: Page, account: { email: string; password: string }) => signInToProjects(page, baseUrl, account);

const lyrics = (page: Page) => page.locator('cs-lyrics-editor .cm-content');
/** The editor's lines as text, without the collaborators' caret labels drawn into them. */
const lines = (page: Page) =>
  page.locator('cs-lyrics-editor .cm-line').evaluateAll((elements) =>
    elements.map((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll('.cs-remote-caret')) caret.remove();
      return (copy.textContent ?? '').replaceAll('\u2060', '');
    }),
  );
const analysis = (page: Page) => page.getByRole('list', { name: 'Line analysis' }).locator('li').allTextContents();
const gutter = (page: Page) => page.locator('cs-lyrics-editor .cm-lyrics-analysis .cm-gutterElement').allTextContents();
const underlined = (page: Page) => page.locator('cs-lyrics-editor .cm-rhyme').allTextContents();
/**
 * The first suggestion button whose name matches, once the list for the caret's line has settled (the
 * API's answer in the writer's style came or failed, so it will not replace the device's), and the
 * suggestion it names: the button found by that exact name is the one read.
 */
async function settledSuggestion(page: Page, name: RegExp): Promise<{ button: Locator; suggestion: string }> {
  const first = page.locator('cs-line-suggestions ul[aria-busy="false"]').getByRole('button', { name }).first();
  await first.waitFor({ timeout: 15_000 });
  const label = (await first.getAttribute('aria-label')) ?? '';
  return { button: page.locator('cs-line-suggestions').getByRole('button', { name: label, exact: true }), suggestion: name.exec(label)![1]! };
}
const engineReady = (page: Page) => page.locator('#assistant-status').getByText('Syllables and rhymes update as you type, even offline.').waitFor({ timeout: 20_000 });

beforeAll(async () => {
  await registerThroughApi(baseUrl, ada);
  await registerThroughApi(baseUrl, bo);
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
  // Requests the browser refused while offline are the point of the offline steps, not problems.
  expect((watchedA?.problems() ?? []).filter((problem) => !problem.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  expect(watchedB?.problems() ?? []).toEqual([]);
});

describe('the songwriting assistant in a shared song', () => {
  it('analyses what A writes, on A’s device and on B’s', async () => {
    await signIn(a, ada);
    await a.getByLabel('New project').fill('Night Drive');
    await a.getByRole('button', { name: 'Create' }).click();
    await a.getByRole('heading', { level: 1, name: 'Night Drive' }).waitFor();
    await a.locator('#sync-status').getByText('Synced').waitFor();
    await engineReady(a);
    await a.locator('#link-role').selectOption('editor');
    await a.getByRole('button', { name: 'Create invite link' }).click();
    const link = await a.locator('#invite-link').inputValue();

    await lyrics(a).click();
    await a.keyboard.type('I walk alone beneath the city light\nthe engine hums a promise to the road\nwe chase the echo somewhere through the night\n');
    const expected = ['Line 1: 10 syllables, rhyme ●A', 'Line 2: 10 syllables', 'Line 3: 10 syllables, rhyme ●A'];
    await expect.poll(() => analysis(a), { timeout: 15_000 }).toEqual(expected);
    await expect.poll(() => underlined(a), REMOTE).toEqual(['light', 'night']);
    expect((await gutter(a)).map((text) => text.trim())).toEqual(expect.arrayContaining(['10 ●A', '10', '10 ●A']));

    await signIn(b, bo);
    await b.goto(link);
    await b.getByRole('heading', { level: 1, name: 'Night Drive' }).waitFor();
    await b.locator('#role').getByText('Editor').waitFor();
    await engineReady(b);
    await expect.poll(() => analysis(b), { timeout: 15_000 }).toEqual(expected);
    await expect.poll(() => underlined(b), REMOTE).toEqual(['light', 'night']);
    await screenshot(a, 'assistant-laptop-light-1-analysed');
  });

  it('B uses a suggestion for the empty fourth line; A gets it; B’s undo takes it back for both', async () => {
    await lyrics(b).locator('.cm-line').nth(3).click();
    const { button: use, suggestion } = await settledSuggestion(b, /^Put “(.+)” on line 4$/);
    await screenshot(b, 'assistant-phone-dark-2-suggestions');
    await use.click();
    await expect.poll(() => lines(b), REMOTE).toEqual(['I walk alone beneath the city light', 'the engine hums a promise to the road', 'we chase the echo somewhere through the night', suggestion]);
    await expect.poll(() => lines(a), REMOTE).toEqual(await lines(b));
    // The used line is analysed like any other, on both devices.
    await expect.poll(() => analysis(a), { timeout: 15_000 }).toHaveLength(4);

    await b.keyboard.press('Control+z');
    await expect.poll(() => lines(a), REMOTE).toEqual(['I walk alone beneath the city light', 'the engine hums a promise to the road', 'we chase the echo somewhere through the night', '']);
  });

  it('B shares a suggestion with A, who puts it on its line from the chat, even after writing above it', async () => {
    await lyrics(b).locator('.cm-line').nth(3).click();
    const { button: share, suggestion } = await settledSuggestion(b, /^Share “(.+)” with your co-writers$/);
    await share.click();
    await b.locator('#assistant-shared').getByText('Shared with your co-writers in the chat, for line 4.').waitFor();

    const panel = a.locator('cs-comments-panel');
    await expect.poll(() => panel.locator('#comments-announcer').textContent(), REMOTE).toContain(`Bo suggests for line 4: ${suggestion}`);
    await panel.getByRole('tab', { name: /^Chat/ }).click();
    const shared = panel.locator('li.message.suggestion', { hasText: suggestion });
    await shared.getByText('Suggested for line 4').waitFor();
    // A writes a title line above: the suggestion follows its line.
    await lyrics(a).click();
    await a.keyboard.press('Control+Home');
    await a.keyboard.type('[Verse 1]\n');
    await shared.getByText('Suggested for line 5').waitFor();
    await screenshot(a, 'assistant-laptop-light-3-shared');
    await shared.getByRole('button', { name: `Put “${suggestion}” on line 5` }).click();
    await expect.poll(() => lines(b), REMOTE).toEqual(['[Verse 1]', 'I walk alone beneath the city light', 'the engine hums a promise to the road', 'we chase the echo somewhere through the night', suggestion]);
  });

  it('B’s list stays put while B reaches for a button, even when A’s edit brings new suggestions, and follows once B moves away', async () => {
    await lyrics(b).locator('.cm-line').nth(4).click();
    // Until line 5's answer comes, line 4's list stays in place, dimmed and out of reach.
    const kept = b.locator('cs-line-suggestions ul.kept');
    await kept.waitFor();
    expect(await kept.getAttribute('aria-busy')).toBe('true');
    // Inert: its buttons take no focus (nor clicks), and screen readers skip it.
    const focus = await kept.evaluate((list) => {
      const button = list.querySelector('button');
      button?.focus();
      return { buttons: list.querySelectorAll('button').length, focused: button !== null && (list.getRootNode() as ShadowRoot).activeElement === button };
    });
    expect(focus.buttons).toBeGreaterThan(0);
    expect(focus.focused).toBe(false);
    await b.locator('cs-line-suggestions #suggestions-note').getByText('Finding lines for this one…').waitFor();
    const { button: first } = await settledSuggestion(b, /^Put “(.+)” on line 5$/);
    expect(await kept.count()).toBe(0);
    const useLabels = () => b.locator('cs-line-suggestions').getByRole('button', { name: /^Put “.+” on line 5$/ }).evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label')));
    const before = await useLabels();
    await first.hover();
    const box = (await first.boundingBox())!;
    let reaching = true;
    // A hand on its way to a button keeps moving a little; a parked pointer would not hold the list.
    const jiggle = (async () => {
      for (let step = 0; reaching; step++) {
        await b.mouse.move(box.x + box.width / 2 + (step % 2 ? 2 : -2), box.y + box.height / 2);
        await b.waitForTimeout(200);
      }
    })();
    try {
      const answered = b.waitForResponse((response) => response.url().endsWith('/api/ai/suggest-lyrics') && (response.request().postData() ?? '').includes('promise to the sea'), { timeout: 15_000 });
      // A changes the word line 5 rhymes with: B's suggestions for line 5 change with it.
      await lyrics(a).locator('.cm-line').nth(2).click();
      await a.keyboard.press('End');
      for (let i = 0; i < 'road'.length; i++) await a.keyboard.press('Backspace');
      await a.keyboard.type('sea');
      await answered;
      await b.locator('cs-line-suggestions ul[aria-busy="false"]').waitFor();
      expect(await useLabels()).toEqual(before);
    } finally {
      reaching = false;
      await jiggle;
    }
    await b.getByRole('heading', { level: 1, name: 'Night Drive' }).hover();
    await expect.poll(useLabels, REMOTE).not.toEqual(before);
  });

  it('finds rhymes', async () => {
    await a.locator('cs-rhyme-finder').getByLabel('Word').fill('night');
    await a.locator('cs-rhyme-finder').getByRole('button', { name: 'Find rhymes' }).click();
    await a.locator('cs-rhyme-finder').getByRole('heading', { name: 'Perfect' }).waitFor();
    await expect(a.locator('cs-rhyme-finder li').allTextContents()).resolves.toContain('light');
    await screenshot(a, 'assistant-laptop-light-4-rhymes');
  });

  it('A teaches the assistant their style from the song; A’s suggestions are then in that style', async () => {
    await a.getByRole('button', { name: 'Learn my style from this song' }).click();
    await a.locator('#learn-status').getByText('Done: your style now learns from this song too. Teach it again after more writing.').waitFor();
    // A's caret is still on line 3, where A wrote last: its suggestions turn to A's style without moving it.
    await a.locator('cs-line-suggestions #your-style').waitFor({ timeout: 30_000 });
    await screenshot(a, 'assistant-laptop-light-5-your-style');
  });

  it('on a shared browser: sign-out keeps only a song with unsent changes, nobody else sees it, and it syncs when A is back', async () => {
    const projectPath = new URL(a.url()).pathname;
    const projectId = projectPath.split('/').pop()!;
    const databases = () => a.evaluate(async () => (await indexedDB.databases()).map((database) => database.name));
    const signOutA = async () => {
      await a.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' }).click();
      await a.getByRole('heading', { level: 1, name: 'Make it. Finish it. Share it.' }).waitFor();
    };

    // The header's unread-messages count, and the song page's suggestions in A's style (asked when
    // the song loads or changes), may be asking at the moment someone signs out: the answer is then a
    // 401 (the session just ended), which the browser logs. Signing out is the point here.
    watchedA.allowed.push({ path: '/api/messages/unread', reason: 'status of 401' }, { path: '/api/ai/suggest-lyrics', reason: 'status of 401' });

    // A writes a line offline, then leaves the song before the network is back: it cannot sync yet.
    await contextA.setOffline(true);
    await lyrics(a).click();
    await a.keyboard.press('Control+End');
    await a.keyboard.type('\nwritten on the train');
    await a.getByRole('link', { name: '← All projects' }).click();
    await a.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
    await contextA.setOffline(false);
    await signOutA();
    await a.locator('cs-toast').getByText('You’re signed out. One song has changes that haven’t reached your account yet: it stays on this device and syncs when you sign in here again.').waitFor();
    expect(await databases()).toContain(`creatorsync-song-${projectId}`);

    // Cy signs in on the same browser: the copy is there, but the page asks the server first.
    const cy = { email: uniqueEmail('cy-assistant'), password, displayName: 'Cy' };
    await registerThroughApi(baseUrl, cy);
    await signIn(a, cy);
    watchedA.allowed.push({ path: projectPath.replace('/projects/', '/api/projects/'), reason: 'status of 404' });
    await a.goto(`${baseUrl}${projectPath}`);
    await a.locator('#unavailable').getByText('This song does not exist, or it is not shared with you.').waitFor();
    await expect(a.locator('cs-lyrics-editor').count()).resolves.toBe(0);
    await expect(a.getByText('written on the train').count()).resolves.toBe(0);
    await contextA.setOffline(true);
    await a.reload();
    await a.locator('#unavailable').getByText('This song is not on this device yet. Connect to the internet to open it.').waitFor();
    await expect(a.getByText('written on the train').count()).resolves.toBe(0);
    await screenshot(a, 'assistant-laptop-light-6-not-shared');
    await contextA.setOffline(false);
    await signOutA();

    // A comes back: the line written on the train reaches B. Signing out now leaves nothing behind.
    await signIn(a, ada);
    await a.goto(`${baseUrl}${projectPath}`);
    await a.locator('#sync-status').getByText('Synced').waitFor();
    await expect.poll(() => lines(b), REMOTE).toContain('written on the train');
    await signOutA();
    await a.locator('cs-toast').getByText('You’re signed out. See you soon!').waitFor();
    await expect.poll(databases, REMOTE).not.toContain(`creatorsync-song-${projectId}`);
    expect(await databases()).not.toContain(`creatorsync-comments-${projectId}`);
  });
});
