// Lint rules that catch bugs, not taste (prettier owns layout): the recommended
// sets plus the type-aware promise rules, since a floating promise here is an
// unhandled rejection or a write that lands after its response. Type information
// comes from tsconfig.json (server, tests, bench) and admin/tsconfig.json
// (console) through the project service.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      '**/node_modules/',
      'prisma/generated/',
      'admin/src/generated/',
      'admin/dist/',
      'dist/',
      '.data/',
      'coverage/',
      'bench/results/',
    ],
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `any` appears only as deliberate casts (react-admin's generic DataProvider, GraphQL JSON in
      // tests); strict mode already rejects implicit any.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Server code logs through services/platform/log.ts (levels, request ids, redaction) and
    // command-line tools print through services/platform/terminal.ts.
    files: ['services/**', 'prisma/**', 'kernel/**', 'scripts/**', 'bench/**'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['services/**'],
    ignores: ['services/platform/terminal.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.object.name='process'][object.property.name=/^std(out|err)$/][property.name='write']",
          message: 'Log through services/platform/log.ts or print through services/platform/terminal.ts.',
        },
      ],
    },
  },
  {
    files: ['admin/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // react-admin's authProvider contract: checkAuth and checkError reject with `{ message }` objects.
    files: ['admin/src/auth/authProvider.ts'],
    rules: { '@typescript-eslint/only-throw-error': 'off' },
  },
);
