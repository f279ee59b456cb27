// ESLint: the recommended rules of ESLint and typescript-eslint, plus the type-aware rules that
// catch a forgotten await (cheap enough: one shared TypeScript program for all files).
// Formatting is Prettier's alone (`npm run lint` checks it, `npm run format` writes it).
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'coverage/', 'test-artifacts/', 'node_modules/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  comments.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A rule is switched off only with its reason on the same line: `-- why`.
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: ['eslint-enable'] }],
      // `const { dropped: _dropped, ...kept } = x` is how a key is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // The chat page's and the figures page's scripts run in the browser as plain scripts (the
    // figures page's with Chart.js's global).
    files: ['src/web/static/**/*.js', 'src/metrics/static/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, Chart: 'readonly' } },
  },
  {
    // The Web Chat build's entry points: browser modules that esbuild bundles.
    files: ['src/web/client/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.browser } },
  },
  {
    files: ['*.js', '*.mjs', 'scripts/*.js'],
    ignores: ['src/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Plain Node scripts (jest's config, the test prerequisites) are CommonJS.
    files: ['*.js', 'scripts/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
