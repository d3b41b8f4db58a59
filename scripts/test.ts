/**
 * `npm test`: what CI runs. Type check, lint, build the CMS when its sources changed, then every workspace's tests
 * in one Node test runner, whose closing summary CI reads. Extra arguments go to the runner
 * (e.g. `npm test -- --test-name-pattern=seed`).
 *
 * TEST_DATABASES=sqlite,postgres picks the databases of the integration tests (see tests/README.md).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureCmsBuilt } from './lib/cms-build';
import { root, runStep } from './lib/run-step';

const workspaces = ['cms', 'seeds', 'search', 'platform', 'bot', 'site', 'tests'];

function testFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'fixtures', 'dist'].includes(entry.name) ? [] : testFiles(full);
    return /\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

runStep('Type check', 'npx', ['tsc', '-p', 'tsconfig.check.json']);
// --noSync: the content sync would read the CMS; the collections' types do not depend on it.
runStep('Type check of the site (templates, islands and their tests: astro check)', 'npx', ['astro', 'check', '--noSync'], { cwd: path.join(root, 'site') });
// Type-aware lint reads the search library's declarations (search/dist), which a fresh clone lacks.
ensureCmsBuilt('search');
runStep('Lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
ensureCmsBuilt();

const files = workspaces.flatMap((w) => testFiles(path.join(root, w))).map((f) => path.relative(root, f));
console.log(`\n▶ ${files.length} test files`);
const runner = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...process.argv.slice(2), ...files],
  { cwd: root, stdio: 'inherit' },
);
process.exit(runner.status ?? 1);
