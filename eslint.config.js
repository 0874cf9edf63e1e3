// Lint enforces the layer rules of design.md: who may import what.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'child_process',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'worker_threads',
];
const electronOnly = {
  name: 'electron',
  message: "Only the desktop host (electron/main/hosts/electron/) and the preload import 'electron'.",
};
const electronStoreOnly = {
  name: 'electron-store',
  message: "electron-store imports 'electron' at load: keep it in electron/main/hosts/electron/.",
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'shared/admin-api/types.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronOnly,
            electronStoreOnly,
            { name: 'react', message: 'shared/ is runtime-neutral.' },
            { name: 'better-sqlite3-multiple-ciphers', message: 'shared/ is runtime-neutral.' },
          ],
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**', '**/sandbox/**'],
              message: 'shared/ imports nothing from electron/, renderer/ or sandbox/.',
            },
            { group: nodeBuiltins, message: 'shared/ runs in the renderer too: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronOnly,
            electronStoreOnly,
            { name: 'better-sqlite3-multiple-ciphers', message: 'The renderer reaches data through the bridge.' },
          ],
          patterns: [
            {
              group: ['**/electron/**', '**/sandbox/**'],
              message: 'The renderer reaches the main side only through the bridge.',
            },
            { group: nodeBuiltins, message: 'The renderer is a sandboxed web page: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/hosts/electron/**', 'electron/preload/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly, electronStoreOnly],
          patterns: [
            {
              group: ['**/renderer/**', '**/sandbox/**'],
              message: 'The main side shares only shared/ with the renderer and nothing with the sandbox.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly, electronStoreOnly],
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**', '@shared/contracts*', '@shared/domain*'],
              message: 'The sandbox shares nothing with the console but the OpenAPI document.',
            },
          ],
        },
      ],
    },
  },
);
