/**
 * The lyrics pad's engine in a real browser: size of the data it downloads, cold and warm start of
 * its Web Worker in Chromium, and the round trip of an analysis (what the pad waits for after a
 * keystroke's debounce). Serves the built dist/ statically, with the app's CSP.
 *
 * Usage: node scripts/bench/lyrics-worker.ts   (or import { benchLyricsWorker })
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { LYRICS_DATA_FILES } from '../../web/features/lyrics/lyrics-data-files.ts';
import { percentile, printTable } from './stats.ts';

const root = join(import.meta.dirname, '../..');
const dist = join(root, 'dist');

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css', '.txt': 'text/plain; charset=utf-8', '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.png': 'image/png' };

/** dist/ over HTTP, gzipped like the API server does (hono compress), with the app's CSP. */
function serveDist(): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    let file = normalize(join(dist, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dist) || !existsSync(file) || !extname(file)) file = join(dist, 'index.html');
    const body = readFileSync(file);
    const gzip = String(request.headers['accept-encoding'] ?? '').includes('gzip');
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; connect-src 'self'; style-src 'self'",
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    response.end(gzip ? gzipSync(body) : body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

const VERSE = ['I walk alone beneath the city light', 'the engine hums a promise to the road', 'we chase the echo somewhere through the night', 'and every mile is heavy with the load'];

export async function benchLyricsWorker(options: { runs?: number } = {}): Promise<string> {
  const runs = options.runs ?? 3;
  const assets = join(dist, 'assets');
  const workerFile = existsSync(assets) ? readdirSync(assets).find((name) => /^lyrics-worker-[\w-]+\.js$/.test(name)) : undefined;
  if (!workerFile) throw new Error('dist/assets has no lyrics-worker-*.js: run `npx vite build` first');

  const sizes = [...Object.values(LYRICS_DATA_FILES).map((file) => join(dist, 'lyrics-data', file)), join(assets, workerFile)].map((file) => {
    const body = readFileSync(file);
    return { file: file.slice(dist.length + 1), 'raw KB': body.length / 1024, 'gzipped KB': gzipSync(body, { level: 9 }).length / 1024 };
  });
  sizes.push({ file: 'total', 'raw KB': sizes.reduce((sum, row) => sum + row['raw KB'], 0), 'gzipped KB': sizes.reduce((sum, row) => sum + row['gzipped KB'], 0) });
  let table = printTable('Lyrics pad data (target: index < 1,500 KB gzipped)', sizes);

  const { server, baseUrl } = await serveDist();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const rows: Array<Record<string, string | number>> = [];
    const cold: number[] = [];
    const warm: number[] = [];
    const analysis: number[] = [];
    for (let run = 0; run < runs; run++) {
      // A fresh context has empty Cache Storage: the first start downloads, the second reads the cache.
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${baseUrl}/`);
      const timings = await page.evaluate(
        async ({ url, text }) => {
          const start = (): Promise<{ worker: Worker; ms: number }> =>
            new Promise((resolve, reject) => {
              const began = performance.now();
              const worker = new Worker(url, { type: 'module' });
              worker.addEventListener('message', (event: MessageEvent<{ type: string; message?: string }>) => {
                if (event.data.type === 'ready') resolve({ worker, ms: performance.now() - began });
                if (event.data.type === 'load-failed') reject(new Error(event.data.message));
              });
            });
          const first = await start();
          first.worker.terminate();
          const second = await start();
          const roundTrips: number[] = [];
          for (let index = 0; index < 20; index++) {
            const began = performance.now();
            await new Promise<void>((resolve) => {
              second.worker.addEventListener('message', () => resolve(), { once: true });
              second.worker.postMessage({ type: 'analyze', id: index + 1, text: `${text}\n${'la '.repeat(index)}` });
            });
            roundTrips.push(performance.now() - began);
          }
          second.worker.terminate();
          return { cold: first.ms, warm: second.ms, roundTrips };
        },
        { url: `/assets/${workerFile}`, text: [...VERSE, '', ...VERSE, '', ...VERSE, '', ...VERSE].join('\n') },
      );
      cold.push(timings.cold);
      warm.push(timings.warm);
      // The first analyses warm the JIT; typing is the steady state.
      analysis.push(...timings.roundTrips.slice(5));
      await context.close();
    }
    rows.push({ measure: 'worker start → ready, cold (download + decode)', 'best ms': Math.min(...cold), 'median ms': percentile(cold, 50) });
    rows.push({ measure: 'worker start → ready, warm (Cache Storage)', 'best ms': Math.min(...warm), 'median ms': percentile(warm, 50) });
    rows.push({ measure: 'analyze 16 lines, round trip', 'best ms': Math.min(...analysis), 'median ms': percentile(analysis, 50) });
    table += printTable(`Lyrics worker in Chromium (${runs} fresh contexts, localhost)`, rows);
    return table;
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.main) await benchLyricsWorker();
