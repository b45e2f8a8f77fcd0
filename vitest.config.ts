import { defineConfig } from 'vitest/config';

// Unit and integration suites: Node only, no installed service needed.
// Database suites run on PGlite always and on PostgreSQL too when DATABASE_URL is set.
export default defineConfig({
  test: {
    include: ['api/**/*.test.ts', 'shared/**/*.test.ts', 'web/**/*.test.ts', 'sw/**/*.test.ts', 'tests/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['tests/setup/fast-check.ts'],
  },
});
