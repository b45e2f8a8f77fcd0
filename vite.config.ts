import { readFile } from 'node:fs/promises';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { catalogPartsPlugin } from './web/build/catalog-parts.ts';

/**
 * The policy the API server sends with every page. `vite preview` sends it too, so a production build
 * can be checked against it without the API (inline scripts or styles would show up as violations).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const API_PROXY = {
  '/api': { target: 'http://127.0.0.1:8787', ws: true },
};

export default defineConfig({
  root: import.meta.dirname,
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The PWA ships as a handful of hashed files; the service worker precaches all of them.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Name the shared vendor chunks after what they hold, so the bundle report reads clearly.
        codeSplitting: {
          groups: [
            { name: 'lit', test: /node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]/ },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]|web[\\/]app[\\/]zod-config\.ts$/ },
            { name: 'dexie', test: /node_modules[\\/]dexie[\\/]/ },
          ],
        },
      },
    },
  },
  server: { proxy: API_PROXY },
  preview: { proxy: API_PROXY, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  plugins: [
    // English strings of lazy areas load with those areas (see web/build/catalog-parts.ts).
    catalogPartsPlugin((path) => readFile(path, 'utf8')),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      // Registration and the update prompt are ours (web/app/app-updates.ts, through workbox-window).
      injectRegister: false,
      // The manifest is a static file in public/, linked from index.html.
      manifest: false,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
      },
      devOptions: { enabled: false },
    }),
  ],
});
