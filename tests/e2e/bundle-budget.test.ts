import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';

/**
 * The first screen's JavaScript budget: what index.html loads up front (the entry and its modulepreloads)
 * must stay under 60 KB gzipped. Other pages, Dexie, workbox-window and non-English catalogs load later.
 */

const BUDGET_BYTES = 60 * 1024;
const baseUrl = inject('baseUrl');

function initialScripts(html: string): string[] {
  const sources = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((match) => match[1] ?? '');
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((match) => match[1] ?? '');
  return [...new Set([...sources, ...preloads])];
}

describe('initial JavaScript', () => {
  it(`stays under ${BUDGET_BYTES / 1024} KB gzipped, with other pages split out`, async () => {
    const html = await (await fetch(`${baseUrl}/`)).text();
    const scripts = initialScripts(html);
    expect(scripts.length).toBeGreaterThan(0);
    let total = 0;
    for (const path of scripts) {
      const body = Buffer.from(await (await fetch(new URL(path, baseUrl))).arrayBuffer());
      const size = gzipSync(body, { level: 9 }).length;
      total += size;
      // Lazy pages and heavy libraries must not be preloaded for the first screen.
      expect(path, 'eagerly loaded').not.toMatch(/cs-(sign-in|sign-up|profile|settings)-page|dexie|workbox-window/);
    }
    console.log(`initial JS: ${scripts.length} files, ${(total / 1024).toFixed(1)} KB gzipped`);
    expect(total).toBeLessThan(BUDGET_BYTES);
  });
});
