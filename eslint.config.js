import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/', 'cms/dist/', 'cms/.strapi/', 'cms/.tmp/', 'cms/.cache/', 'cms/types/generated/', 'cms/public/', 'search/dist/', 'site/dist/', 'site/.astro/', '**/.data/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', __dirname: 'readonly', URL: 'readonly', fetch: 'readonly', performance: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['tests/**/*.ts', '*/test/**/*.ts'],
    rules: {
      // HTTP bodies and content records in tests are checked by assertions, not by types.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // The islands' hooks: called unconditionally, with every value an effect reads in its dependencies.
    files: ['site/src/**/*.tsx', 'site/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
