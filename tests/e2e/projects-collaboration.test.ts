import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readOutbox } from '../../api/testing/outbox.ts';
import { launchChromium, registerThroughApi, screenshot, signInToProjects, uniqueEmail, VIEWPORTS, WatchedPage } from './browser.ts';

/**
 * Two people on one song: A (laptop, light) creates a project and invites B (phone, dark) as an
 * editor. They co-edit the lyrics and see each other's named cursors, B's fader move reaches A
 * with a glide, B edits the same lines and the same fader while offline and both converge when B
 * returns, and B reopens everything from the device with the network cut off. Fails on any console
 * error or CSP violation (CodeMirror and the remote cursors included).
 */

const baseUrl = inject('baseUrl');
const password = 'violet-harbour-7-lanterns';
const ada = { email: uniqueEmail('ada-projects'), password, displayName: 'Ada' };
const bea = { email: uniqueEmail('bea-projects'), password, displayName: 'Bea' };

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
const status = (page: Page) => page.locator('#sync-status');
const fader = (page: Page) => page.locator('cs-mix-panel input.fader').first();

/**
 * How long a change may take to show on the other device: relayed through the server, then glided
 * to on the fader. expect.poll's default second is too short on a loaded two-core CI machine.
 */
const REMOTE = { timeout: 10_000 };

function faderValue(page: Page): Promise<number> {
  return fader(page).evaluate((input) => Number((input as HTMLInputElement).value));
}

async function moveFader(page: Page, value: number): Promise<void> {
  await fader(page).evaluate((input, to) => {
    (input as HTMLInputElement).value = String(to);
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }, value);
}

/** The lyrics as text: every line, without the name labels of other people's cursors. */
function textOf(page: Page): Promise<string> {
  return lyrics(page).evaluate((content) =>
    [...content.querySelectorAll('.cm-line')]
      .map((line) => {
        const copy = line.cloneNode(true) as HTMLElement;
        for (const caret of copy.querySelectorAll('.cs-remote-caret')) caret.remove();
        return (copy.textContent ?? '').replace(/\u2060/g, '');
      })
      .join('\n'),
  );
}

async function waitForText(page: Page, predicate: (text: string) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  let text = '';
  while (Date.now() < deadline) {
    text = await textOf(page);
    if (predicate(text)) return text;
    await page.waitForTimeout(100);
  }
  throw new Error(`${what}: lyrics were ${JSON.stringify(text)}`);
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

describe('two people on one project', () => {
  it('A creates a project and invites B as an editor; B joins through the link', async () => {
    await signIn(a, ada);
    await a.getByLabel('New project').fill('Night Drive');
    await a.getByRole('button', { name: 'Create' }).click();
    await a.getByRole('heading', { level: 1, name: 'Night Drive' }).waitFor();
    projectPath = new URL(a.url()).pathname;
    expect(projectPath).toMatch(/^\/projects\/[\w-]+$/);
    await status(a).getByText('Synced').waitFor();
    await a.locator('#role').getByText('Owner').waitFor();

    await a.getByLabel('E-mail').fill(bea.email);
    await a.locator('#invite-role').selectOption('editor');
    await a.getByRole('button', { name: 'Invite', exact: true }).click();
    const link = await a.locator('#invite-link').inputValue();
    expect(link).toContain('/invite?token=');
    // The invitation also went to Bea by e-mail (the product's outbox, with no SMTP server here), with the same link.
    await a.getByText(`Invitation e-mailed to ${bea.email}.`).waitFor();
    await expect.poll(async () => (await readOutbox(inject('outboxDir'))).find((mail) => mail.to === bea.email)?.text ?? '').toContain(link);

    await signIn(b, bea);
    await b.goto(link);
    await b.getByRole('heading', { level: 1, name: 'Night Drive' }).waitFor();
    expect(new URL(b.url()).pathname).toBe(projectPath);
    await b.locator('#role').getByText('Editor').waitFor();
    await status(b).getByText('Synced').waitFor();
    // A sees B among the collaborators once the list is reloaded.
    await a.reload();
    await a.locator('cs-collaborators-panel').getByText('Bea').first().waitFor();
  });

  it('co-edits the lyrics with live, named cursors', async () => {
    await lyrics(a).click();
    await a.keyboard.type('City lights are calling\nI keep driving on');
    await waitForText(b, (text) => text.includes('I keep driving on'), 'B receives A’s lines');

    await lyrics(b).click();
    await b.keyboard.press('Control+End');
    await b.keyboard.type('\nEngine hums a lullaby');
    await waitForText(a, (text) => text.includes('Engine hums a lullaby'), 'A receives B’s line');

    await a.locator('cs-lyrics-editor .cs-remote-name', { hasText: 'Bea' }).waitFor();
    await b.locator('cs-lyrics-editor .cs-remote-name', { hasText: 'Ada' }).waitFor();
    await screenshot(a, 'projects-laptop-light-1-cursors');
    await screenshot(b, 'projects-phone-dark-1-cursors');
  });

  it('B moves a fader and A’s follows, gliding rather than jumping', async () => {
    await a.getByRole('button', { name: 'Add track' }).click();
    await fader(b).waitFor();
    expect(await faderValue(a)).toBe(0);
    // Sample A's fader on every frame while B moves it from 0 to -12 dB.
    const samples = a.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const input = () => document.querySelector('cs-app')!.shadowRoot!.querySelector('cs-project-page')!.shadowRoot!.querySelector('cs-mix-panel')!.shadowRoot!.querySelector<HTMLInputElement>('input.fader')!;
          const values: number[] = [];
          const started = performance.now();
          const frame = () => {
            values.push(Number(input().value));
            if (performance.now() - started < 3000 && values.at(-1) !== -12) requestAnimationFrame(frame);
            else resolve(values);
          };
          requestAnimationFrame(frame);
        }),
    );
    await moveFader(b, -12);
    const seen = await samples;
    expect(seen.at(-1)).toBe(-12);
    expect(seen.some((value) => value < 0 && value > -12)).toBe(true);
    await screenshot(a, 'projects-laptop-light-2-mix');
  });

  it('undoes only this person’s own changes, from the keyboard and the toolbar', async () => {
    await lyrics(a).locator('.cm-line').nth(1).click();
    await a.keyboard.press('End');
    await a.keyboard.type(' (draft)');
    await waitForText(b, (text) => text.includes('(draft)'), 'B sees A’s draft');
    await a.keyboard.press('Control+z');
    const undone = await waitForText(a, (text) => !text.includes('(draft)'), 'A’s typing undone');
    expect(undone).toContain('Engine hums a lullaby');
    // The track A added just before is a separate step: still there.
    expect(await a.locator('cs-mix-panel li.strip').count()).toBe(1);
    await waitForText(b, (text) => text === undone, 'B sees the undo');

    await moveFader(a, 3);
    await expect.poll(() => faderValue(b), REMOTE).toBe(3);
    await a.getByRole('button', { name: 'Undo' }).click();
    // Back to B's -12 dB, not to 0: A's undo stack holds only A's own moves.
    await expect.poll(() => faderValue(a)).toBe(-12);
    await expect.poll(() => faderValue(b), REMOTE).toBe(-12);
  });

  it('merges what both changed while B was offline, lyrics and mix', async () => {
    await contextB.setOffline(true);
    await status(b).getByText(/^Offline/).waitFor();

    // Both change the same line and the same fader; B also pans.
    await lyrics(a).locator('.cm-line').first().click();
    await a.keyboard.press('End');
    await a.keyboard.type(' tonight');
    await moveFader(a, -6);

    await lyrics(b).locator('.cm-line').first().click();
    await b.keyboard.press('End');
    await b.keyboard.type(' softly');
    await moveFader(b, -18);
    await b.locator('cs-mix-panel input.pan').first().evaluate((input) => {
      (input as HTMLInputElement).value = '-0.5';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    });
    await status(b).getByText(/Offline · \d+ changes? on this device/).waitFor();
    await screenshot(b, 'projects-phone-dark-3-offline');

    await contextB.setOffline(false);
    await status(b).getByText('Synced').waitFor({ timeout: 15_000 });
    const merged = await waitForText(b, (text) => text.includes('tonight') && text.includes('softly'), 'B has both edits');
    await waitForText(a, (text) => text === merged, 'A converges to B’s text');
    expect(merged.split('\n')[0]).toMatch(/^City lights are calling( tonight| softly){2}$/);

    // The same fader moved by both: one value wins on both sides.
    await expect.poll(async () => [await faderValue(a), await faderValue(b)], REMOTE).toSatisfy(([x, y]) => x === y && (x === -6 || x === -18));
    await expect.poll(() => a.locator('cs-mix-panel input.pan').first().inputValue(), REMOTE).toBe('-0.5');
  });

  it('B reopens the project and the list with the network cut off', async () => {
    await b.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const before = await textOf(b);
    await contextB.setOffline(true);
    await b.reload();
    await b.getByRole('heading', { level: 1, name: 'Night Drive' }).waitFor();
    await waitForText(b, (text) => text === before, 'B’s document from IndexedDB');
    await status(b).getByText(/^Offline/).waitFor();
    expect(await faderValue(b)).toBe(await faderValue(a));
    await screenshot(b, 'projects-phone-dark-4-offline-reload');
    // The lyrics leave as a text file, offline too, named after the song.
    const [download] = await Promise.all([b.waitForEvent('download'), b.getByRole('button', { name: 'Download lyrics' }).click()]);
    expect(download.suggestedFilename()).toBe('Night-Drive.txt');
    const sheet = await readFile((await download.path())!, 'utf8');
    expect(sheet.startsWith('Night Drive\n')).toBe(true);
    expect(sheet).toContain(`\n\n${before.split('\n')[0]!.trimEnd()}\n`);

    await b.getByRole('link', { name: '← All projects' }).click();
    await b.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
    await b.getByRole('link', { name: 'Night Drive' }).waitFor();
    await b.getByText('On this device', { exact: true }).waitFor();
    await screenshot(b, 'projects-phone-dark-5-offline-list');
    await contextB.setOffline(false);
  });

  it('looks right at the other sizes', async () => {
    await a.setViewportSize(VIEWPORTS.phone);
    await screenshot(a, 'projects-phone-light-6-studio');
    await a.getByRole('link', { name: '← All projects' }).click();
    await a.getByRole('link', { name: 'Night Drive' }).waitFor();
    await screenshot(a, 'projects-phone-light-7-list');
    await b.setViewportSize(VIEWPORTS.laptop);
    await b.goto(`${baseUrl}${projectPath}`);
    await status(b).getByText('Synced').waitFor();
    await screenshot(b, 'projects-laptop-dark-8-studio');
  });

  it('gives a viewer, invited by link, a read-only song', async () => {
    const cyd = { email: uniqueEmail('cyd-projects'), password, displayName: 'Cyd' };
    await registerThroughApi(baseUrl, cyd);
    await a.goto(`${baseUrl}${projectPath}`);
    await status(a).getByText('Synced').waitFor();
    const before = await textOf(a);
    await a.locator('#link-role').selectOption('viewer');
    await a.getByRole('button', { name: 'Create invite link' }).click();
    await a.getByText('Invite link ready.').waitFor();
    const link = await a.locator('#invite-link').inputValue();

    const contextC = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'en-US', colorScheme: 'light' });
    const watchedC = await WatchedPage.open(contextC);
    const c = watchedC.page;
    try {
      await signIn(c, cyd);
      await c.goto(link);
      await c.getByRole('heading', { level: 1, name: 'Night Drive' }).waitFor();
      await c.locator('#role').getByText('Viewer').waitFor();
      await c.locator('#read-only-note').waitFor();
      await waitForText(c, (text) => text === before, 'the viewer sees the song');
      await expect(lyrics(c).getAttribute('contenteditable')).resolves.toBe('false');
      await expect(fader(c).isDisabled()).resolves.toBe(true);
      await expect(c.getByRole('button', { name: 'Add track' }).count()).resolves.toBe(0);
      await expect(c.getByRole('button', { name: 'Undo' }).count()).resolves.toBe(0);
      await screenshot(c, 'projects-phone-light-9-viewer');
    } finally {
      await contextC.close();
    }
    expect(unexpected(watchedC.problems())).toEqual([]);
  });
});
