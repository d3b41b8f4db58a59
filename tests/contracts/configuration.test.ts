/**
 * The README's configuration tables are checked against the schemas each process parses its
 * environment with: a variable a process reads and nobody documented, or a documented one nobody
 * reads, fails here.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { botVariables } from '@portal/bot';
import { cmsVariableNames } from '@portal/cms/settings';
import { siteVariables } from '@portal/site/server';

const root = path.resolve(import.meta.dirname, '../..');
/** Read by scripts rather than by a process's schema: the seed folder and the test runner's choices. */
const scriptVariables = ['SEED_DIR', 'TEST_DATABASES', 'TEST_POSTGRES_URL'];

/** The variables named in the first column of the README tables that have a `variable` heading. */
function documented(file: string): Set<string> {
  const names = new Set<string>();
  let inTable = false;
  for (const line of fs.readFileSync(path.join(root, file), 'utf8').split('\n')) {
    if (/^\|\s*variable\s*\|/.test(line)) inTable = true;
    else if (!line.startsWith('|')) inTable = false;
    else if (inTable) for (const [, name] of line.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)) names.add(name!);
  }
  return names;
}

const read = new Set([...cmsVariableNames, ...Object.keys(siteVariables), ...Object.keys(botVariables), ...scriptVariables]);

test('every variable a process reads is in the configuration table of the root README or the assistant’s README', () => {
  const tables = new Set([...documented('README.md'), ...documented('bot/README.md')]);
  const missing = [...read].filter((name) => !tables.has(name)).sort();
  assert.deepEqual(missing, []);
});

test('every variable the README tables name is read by some process', () => {
  for (const file of ['README.md', 'bot/README.md']) {
    const unknown = [...documented(file)].filter((name) => !read.has(name)).sort();
    assert.deepEqual(unknown, [], file);
  }
});
