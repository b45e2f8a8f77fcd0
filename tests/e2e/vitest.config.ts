import { defineConfig } from 'vitest/config';

/**
 * The Chromium suite: the real product (`node scripts/start.ts`, which builds dist/ when stale) on a
 * free port with a fresh data directory, driven by playwright-core through Debian's Chromium.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 90_000,
    // The first run builds the app before the server answers.
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
