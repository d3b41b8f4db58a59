import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const workspaces = '{cms,seeds,search,platform,bot,site,tests}';
const browserOnly = [
  { name: '@portal/cms/contracts', message: 'Islands import @portal/cms/contracts/browser (no zod in the bundle).' },
  { name: '@portal/bot/contracts', message: 'Islands import @portal/bot/contracts/browser (no zod in the bundle).' },
  { name: 'zod', message: 'No zod in the islands: the search page has an 80 KB JavaScript budget.' },
];

/**
 * Workspaces meet only through each other's package exports (`@portal/<name>[/<entry>]`): a file
 * `depth` folders inside its workspace may not climb `depth` levels up with a relative import.
 * The islands also run in the browser: they import only the zod-free contract entries.
 */
function workspaceBoundaries() {
  return [1, 2, 3, 4, 5, 6].flatMap((depth) => {
    const patterns = [{ regex: `^(\\.\\./){${depth}}`, message: 'Import another workspace through its package exports (@portal/…), not by a relative path.' }];
    const files = [`${workspaces}/${'*/'.repeat(depth - 1)}*.{ts,tsx}`];
    const islands = depth >= 3 ? [`site/src/islands/${'*/'.repeat(depth - 3)}*.{ts,tsx}`] : [];
    return [
      { files, rules: { 'no-restricted-imports': ['error', { patterns }] } },
      ...(islands.length ? [{ files: islands, rules: { 'no-restricted-imports': ['error', { patterns, paths: browserOnly }] } }] : []),
    ];
  });
}

export default tseslint.config(
  {
    ignores: ['**/node_modules/', 'cms/dist/', 'cms/.strapi/', 'cms/.tmp/', 'cms/.cache/', 'cms/types/generated/', 'cms/public/', 'search/dist/', 'site/dist/', 'site/.astro/', '**/.data/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...tseslint.configs.recommendedTypeCheckedOnly.map((config) => ({ ...config, files: ['**/*.{ts,tsx}'] })),
  {
    // Type-aware rules read each file's TypeScript project (the workspace's tsconfig.json).
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Async functions implement promise-returning interfaces (Fastify handlers and hooks, content sources) without awaiting.
      '@typescript-eslint/require-await': 'off',
      // node:test's test() and describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] }] }],
    },
  },
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', __dirname: 'readonly', URL: 'readonly', fetch: 'readonly', performance: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['tests/**/*.ts', '*/test/**/*.ts', '**/*.test.{ts,tsx}'],
    rules: {
      // HTTP bodies and content records in tests are checked by assertions, not by types.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
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
  ...workspaceBoundaries(),
);
