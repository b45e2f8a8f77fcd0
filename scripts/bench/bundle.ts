import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { printTable } from './stats.ts';

export const INITIAL_JS_BUDGET_BYTES = 60 * 1024;

/**
 * The JavaScript the first screen needs: the entry script in dist/index.html plus every chunk it
 * imports statically (Vite lists those as modulepreload links). Lazily loaded pages are not counted.
 */
export function initialScripts(distDir: string): string[] {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)) sources.add(match[1]!);
  for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) sources.add(match[1]!);
  // Follow static imports too, in case a chunk was not preloaded.
  const queue = [...sources];
  while (queue.length) {
    const source = queue.pop()!;
    const file = path.join(distDir, source.replace(/^\//, ''));
    if (!existsSync(file)) continue;
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
      const resolved = path.posix.join(path.posix.dirname(source), match[1]!);
      if (!sources.has(resolved)) {
        sources.add(resolved);
        queue.push(resolved);
      }
    }
  }
  return [...sources];
}

export function benchBundle(distDir = 'dist') {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    console.log('\n(no dist/index.html: run `npm run build` to measure the shell size)');
    return;
  }
  const size = (files: string[]) => {
    const buffers = files.map((file) => readFileSync(path.join(distDir, file.replace(/^\//, ''))));
    return {
      raw: buffers.reduce((sum, b) => sum + b.length, 0),
      gzip: buffers.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0),
      brotli: buffers.reduce((sum, b) => sum + brotliCompressSync(b).length, 0),
    };
  };
  const assets = existsSync(path.join(distDir, 'assets')) ? readdirSync(path.join(distDir, 'assets')).map((f) => `/assets/${f}`) : [];
  const initial = initialScripts(distDir);
  const allJs = assets.filter((f) => f.endsWith('.js'));
  const css = assets.filter((f) => f.endsWith('.css'));
  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  const rows = [
    { what: `first screen JS (${initial.length} files)`, ...size(initial) },
    { what: `all app JS (${allJs.length} files)`, ...size(allJs) },
    { what: `CSS (${css.length} files)`, ...size(css) },
  ].map((row) => ({ what: row.what, 'raw KB': kb(row.raw), 'gzip KB': kb(row.gzip), 'brotli KB': kb(row.brotli) }));
  rows.push({ what: 'target: first screen JS', 'raw KB': Number.NaN, 'gzip KB': kb(INITIAL_JS_BUDGET_BYTES), 'brotli KB': Number.NaN });
  printTable('App shell size', rows);
  const initialGzip = size(initial).gzip;
  console.log(
    initialGzip <= INITIAL_JS_BUDGET_BYTES
      ? `first screen JS is ${kb(initialGzip)} KB gzipped: within the ${kb(INITIAL_JS_BUDGET_BYTES)} KB target`
      : `first screen JS is ${kb(initialGzip)} KB gzipped: OVER the ${kb(INITIAL_JS_BUDGET_BYTES)} KB target`,
  );
}
