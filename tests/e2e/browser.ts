import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = join(import.meta.dirname, 'screenshots');

export const VIEWPORTS = {
  phone: { width: 360, height: 740 },
  laptop: { width: 1280, height: 800 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * Console errors that are expected and therefore allowed: the browser logs every failed request,
 * including a guest's start-up refresh (401: no session) and API calls made while offline.
 */
export interface AllowedFailure {
  path: string;
  /** Substring of the console text, e.g. "401" or "ERR_INTERNET_DISCONNECTED". */
  reason: string;
}

export const GUEST_REFRESH: AllowedFailure = { path: '/api/auth/refresh', reason: 'status of 401' };

/**
 * A page that records console errors, uncaught exceptions and CSP violations; `problems()` lists
 * everything not explicitly allowed, and tests assert it is empty.
 */
export class WatchedPage {
  readonly page: Page;
  readonly #problems: string[] = [];
  readonly allowed: AllowedFailure[] = [GUEST_REFRESH];

  private constructor(page: Page) {
    this.page = page;
    page.on('console', (message) => this.#onConsole(message));
    page.on('pageerror', (error) => this.#problems.push(`uncaught: ${error.message}`));
  }

  static async open(context: BrowserContext): Promise<WatchedPage> {
    // Init scripts are injected by the browser, not by the page, so they are not subject to its CSP.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
      });
    });
    return new WatchedPage(await context.newPage());
  }

  problems(): string[] {
    return [...this.#problems];
  }

  #onConsole(message: ConsoleMessage): void {
    if (message.type() !== 'error') return;
    const text = message.text();
    const url = message.location().url;
    const path = url ? new URL(url).pathname : '';
    if (this.allowed.some((allowed) => path === allowed.path && text.includes(allowed.reason))) return;
    this.#problems.push(`console error: ${text} (${url || 'no location'})`);
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Full-page shots are taken from the top, or the sticky header would be drawn mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** The focused element, looking through shadow roots. */
export function focusedElement(
  page: Page,
): Promise<{ tag: string; id: string; text: string; name: string | null; outline: string; boxShadow: string } | null> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      text: (element.textContent ?? '').trim(),
      name: element.getAttribute('name'),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
      boxShadow: style.boxShadow,
    };
  });
}

/** Creates an account directly through the API (for tests that start from "an existing user"). */
export async function registerThroughApi(baseUrl: string, account: { email: string; password: string; displayName: string; locale?: string }): Promise<void> {
  const response = await fetch(`${baseUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseUrl },
    body: JSON.stringify(account),
  });
  if (response.status !== 201) throw new Error(`register failed: ${response.status} ${await response.text()}`);
}

export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/** Signs in through the form and lands on /projects. */
export async function signInToProjects(page: Page, baseUrl: string, account: { email: string; password: string }): Promise<void> {
  // Let the start-up refresh (a guest's 401) finish first: if it lands after the sign-in it clears
  // the new access token, and the next call needs a second refresh (a race in the shell, not here).
  const restored = page.waitForResponse((response) => response.url().endsWith('/api/auth/refresh'));
  await page.goto(`${baseUrl}/sign-in?next=/projects`);
  await restored;
  await page.getByLabel('E-mail').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
}

const INTERACTIVE_ROLES = new Set(['button', 'link', 'textbox', 'combobox', 'checkbox', 'radio', 'searchbox', 'listbox', 'switch', 'slider', 'spinbutton', 'menuitem', 'tab']);

interface AxNode {
  role?: { value?: string };
  name?: { value?: string };
  ignored?: boolean;
}

/** Controls without an accessible name, from Chromium's own accessibility tree (shadow DOM included). */
export async function unnamedControls(context: BrowserContext, page: Page): Promise<string[]> {
  const cdp = await context.newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
  await cdp.detach();
  return nodes
    .filter((node) => !node.ignored && INTERACTIVE_ROLES.has(node.role?.value ?? '') && !(node.name?.value ?? '').trim())
    .map((node) => node.role?.value ?? '?');
}
