import { defineConfig } from '@lingui/conf';
import { formatter } from '@lingui/format-json';

// Catalogs are written by hand with explicit, stable message ids (e.g. "auth.signIn.title"),
// one file per area so the web app and the API can grow their own strings without stepping on each other.
// `npm run i18n:compile` (run before build, test and typecheck) turns them into locales/<locale>/messages.ts;
// --strict makes a missing translation fail the build.
export default defineConfig({
  sourceLocale: 'en',
  locales: ['en', 'es', 'fr', 'pt-BR'],
  fallbackLocales: { default: 'en' },
  catalogs: [
    { path: '<rootDir>/locales/{locale}/app', include: ['<rootDir>/web'] },
    { path: '<rootDir>/locales/{locale}/errors', include: ['<rootDir>/api'] },
    { path: '<rootDir>/locales/{locale}/mail', include: ['<rootDir>/api/features/auth', '<rootDir>/api/features/projects', '<rootDir>/api/features/payments', '<rootDir>/api/features/moderation', '<rootDir>/api/features/messages'] },
  ],
  catalogsMergePath: '<rootDir>/locales/{locale}/messages',
  format: formatter({ style: 'minimal' }),
});
