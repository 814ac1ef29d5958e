// Flat config with type-aware rules (typescript-eslint) and Prettier for formatting.
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const libs = ['domain', 'application', 'persistence', 'jobs', 'platform', 'testing', 'web'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'bench/results/**',
      '**/*.mjs',
      '**/*.cjs',
      'libs/web/src/api/*.schema.d.ts',
      'apps/*/src/openapi-views.schemas.ts',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Nest's class-based DI and decorators need these patterns.
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/require-await': 'off',
      'no-restricted-imports': [
        'error',
        {
          // Imports between libs and apps go through each lib's entry point, never deep paths.
          patterns: [
            { group: ['@redress/*/*'], message: 'Import a lib through its entry point (@redress/<lib>).' },
            {
              group: libs.map((lib) => `**/libs/${lib}/src/**`),
              message: 'Import a lib through its entry point (@redress/<lib>).',
            },
          ],
        },
      ],
    },
  },
  {
    // The domain is pure TypeScript: no framework, no database, no queue, no validation library, no other lib.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.{1,2}/|node:assert|@redress/domain$)',
              message:
                'libs/domain is pure: import only its own files (no NestJS, TypeORM, BullMQ, class-validator or other libs).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The domain reads no environment: pass values in.' },
      ],
    },
  },
  {
    // Tests may use the test-only conveniences of jest matchers and reach into apps.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'no-restricted-imports': 'off',
    },
  },
  prettier,
);
