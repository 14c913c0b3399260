import js from '@eslint/js';
import globals from 'globals';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import mge from './scripts/eslint-rules/no-import-cycle.mjs';

export default tseslint.config(
  // out/ holds generated projects: MGE's output, never checked as MGE's own code
  { ignores: ['**/dist/**', '**/node_modules/**', '.jest-cache/**', 'contracts/schemas/**', 'out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // No import cycles (type-only imports included): shared parts move down into leaf modules.
    files: ['**/*.ts', '**/*.mjs'],
    plugins: { mge },
    rules: { 'mge/no-import-cycle': 'error' },
  },
  {
    // Domain cores are pure: no I/O, no runtime kit, no SDKs.
    files: ['**/src/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'http', 'child_process', 'crypto', 'os'],
              message: 'domain code does no I/O',
            },
            {
              group: ['@nats-io/*', '@anthropic-ai/*', 'pino', 'typescript'],
              message: 'domain code is pure',
            },
            {
              regex: '^@mge/kit(?!/errors$)',
              message: 'domain code is pure: of the kit, only @mge/kit/errors',
            },
            {
              group: ['../adapters/*', '../handlers/*', '../service*', '../main*'],
              message: 'domain code does not reach outward',
            },
          ],
        },
      ],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { globals: globals.node } },
  prettier,
);
