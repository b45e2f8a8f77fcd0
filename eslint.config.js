import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Lint what we write; generated catalogs and build output are not ours to style.
export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'locales/*/messages.ts', 'coverage/**', 'tests/e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
      eqeqeq: ['error', 'always'],
      // A closure may read a variable that is assigned once, later (e.g. a room that finishes loading).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Test helpers parse arbitrary JSON responses; `any` there keeps assertions readable.
    files: ['**/*.test.ts', 'api/testing/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
