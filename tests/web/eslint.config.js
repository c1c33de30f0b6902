// ESLint (flat config) for the page's modules (serve/web/) and its tests.
// Run from the repository's root: tests/web/lint.sh.
import js from '@eslint/js';
import globals from 'globals';

export default [
  js.configs.recommended,
  {
    files: ['serve/web/**/*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser },
    },
    rules: {
      'no-unused-vars': ['error', { args: 'none' }],
      'no-shadow': 'error',
      'no-var': 'error',
      'prefer-const': 'error',
      eqeqeq: ['error', 'smart'],
      'no-implicit-globals': 'error',
      'no-restricted-globals': ['error', 'event', 'name', 'status'],
    },
  },
  {
    files: ['tests/web/**/*.mjs', 'tests/web/**/*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
    rules: { 'no-unused-vars': ['error', { args: 'none' }] },
  },
  { ignores: ['tests/web/node_modules/**'] },
];
