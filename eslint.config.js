// Flat config. TypeScript gets the type-checked rules (through the project service, i.e. the
// nearest tsconfig.json); plain .js/.mjs config files and scripts get the JS rules only.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['dist/', 'storybook-static/', 'node_modules/', 'coverage/', 'custom-elements.json', '.shot.*', 'tmp/', 'examples/*/dist/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  {
    // `_name` marks a parameter an override's signature needs but the body does not use.
    rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }] },
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended']],
    languageOptions: { globals: globals.browser },
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
  },
  {
    // Lit binds `@event=${this.method}` listeners to the host itself, so passing a method
    // unbound is the idiom there, not a bug.
    files: ['src/components/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // Tooling that runs in Node.
    files: ['*.{js,mjs,ts}', 'scripts/**', 'test/node/**', '.storybook/**'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['demo/**/*.{js,mjs}', 'bench/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    // @open-wc/testing's chai types make every `expect()` look like a floating promise.
    // Tests also poke deliberately at broken, untyped JSON (that is what they test).
    files: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
