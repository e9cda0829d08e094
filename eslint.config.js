// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Import boundaries from ARCHITECTURE.md, enforced at lint time. */
const electron = { name: 'electron', message: "Only src-main/shell may import 'electron' (it cannot load under plain Node)." };
const forbid = (patterns, message) => ({ group: patterns, message });
/** Electron's own packages load only inside Electron too: the shell's, nobody else's. */
const shellOnly = [
  electron,
  { name: 'electron-updater', message: "Only src-main/shell may import 'electron-updater' (it loads 'electron')." },
  { name: 'electron-log', message: "Only src-main/shell may import 'electron-log' (its main logger loads 'electron')." },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'data/', 'migrations/', 'coverage/', 'bench/.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: shellOnly,
        patterns: [
          forbid(['**/src-main/**', '**/src-renderer/**', '**/src-server/**'], 'src-shared imports no other src-* folder.'),
          forbid(['node:*', 'better-sqlite3', 'drizzle-orm*', 'fs', 'path', 'crypto'], 'src-shared runs anywhere: no Node or database imports.'),
        ],
      }],
    },
  },
  {
    // Tests of the shared code run under Node and may read fixtures from disk.
    files: ['src-shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: shellOnly,
        patterns: [forbid(['**/src-main/**', '**/src-renderer/**', '**/src-server/**'], 'src-shared imports no other src-* folder.')],
      }],
    },
  },
  {
    files: ['src-main/core/**/*.ts', 'src-main/devbridge/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: shellOnly,
        patterns: [
          forbid(['**/src-renderer/**', '**/src-server/**', '**/shell/**'], 'The core imports only src-shared and itself.'),
          forbid(['electron/*', 'electron-log/*', 'electron-updater/*'], "Only src-main/shell may import Electron's packages."),
        ],
      }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: shellOnly,
        patterns: [forbid(['**/src-main/**', '**/src-server/**', 'node:*', 'better-sqlite3', 'drizzle-orm*'], 'The renderer talks only to the Api interface (src-shared contracts).')],
      }],
    },
  },
  {
    files: ['src-server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: shellOnly,
        patterns: [forbid(['**/src-main/**', '**/src-renderer/**'], 'The server shares only src-shared with the client.')],
      }],
    },
  },
);
