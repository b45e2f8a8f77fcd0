import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { etag } from 'hono/etag';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppEnv } from './app-env.ts';

/**
 * Serves the built PWA. Fingerprinted files under /assets/ never change, so browsers keep them a
 * year; the entry points (index.html, sw.js, the manifest) must be revalidated every time, or an
 * update would never reach installed apps. Paths without a file extension are app routes
 * (client-side routing) and get index.html.
 */
export function staticFiles(root: string) {
  const app = new Hono<AppEnv>();
  const absoluteRoot = path.resolve(root);

  // index.html and sw.js are revalidated on every visit: an ETag turns that into a cheap 304.
  app.use('*', etag({ weak: true }));
  app.use(
    '*',
    serveStatic({
      root: path.relative(process.cwd(), absoluteRoot) || '.',
      onFound: (filePath, c) => {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`) || filePath.includes('/assets/');
        c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        if (filePath.endsWith('.webmanifest')) c.header('Content-Type', 'application/manifest+json');
        if (filePath.endsWith('sw.js')) c.header('Service-Worker-Allowed', '/');
      },
    }),
  );

  app.get('*', async (c, next) => {
    if (path.extname(c.req.path) !== '') return next();
    let html: string;
    try {
      html = await readFile(path.join(absoluteRoot, 'index.html'), 'utf8');
    } catch {
      return next();
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(html);
  });

  return app;
}
