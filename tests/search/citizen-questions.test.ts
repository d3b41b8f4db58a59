/**
 * The evaluations' reading of real citizens' questions (tests/support/citizen-questions.ts): how a
 * hit is judged right, and, where the shared file is on this machine, that it is read whole and that
 * every procedure it names is in the sample catalogue (so a miss is the search's, not the data's).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { sampleDataDir } from '@portal/seeds';
import { codeMatches, questionGroups, readCitizenQuestions } from '../support/citizen-questions';

test('a hit is right when its full code, or its FAQ procedure code, extends a national code asked for', () => {
  assert.equal(codeMatches('1.001193.000.00.00.H36', ['1.001193']), true);
  assert.equal(codeMatches('1.001193', ['1.001193']), true);
  assert.equal(codeMatches('1.0011930.000.00.00.H36', ['1.001193']), false, 'a longer number is another procedure');
  assert.equal(codeMatches(null, ['1.001193']), false);
  assert.equal(codeMatches('2.000488.000.00.00.H36', ['1.001193', '2.000488']), true);
});

test('questions fall in a length band and, typed without diacritics, in that group too', () => {
  assert.deepEqual(questionGroups('Làm khai sinh cần gì?'), ['length ≤ 200']);
  assert.deepEqual(questionGroups(`lam khai sinh ${'can gi '.repeat(40)}`), ['length > 200', 'no diacritics']);
});

test('the shared development set is read whole, and every procedure it names is in the sample catalogue', (t) => {
  const real = readCitizenQuestions();
  if (typeof real === 'string') {
    t.skip(real); // says plainly that it did not run, as the Meilisearch contract does without MEILI_URL
    return;
  }
  assert.ok(real.inScope.length > 0 && real.outOfScope.length > 0);
  const codes = new Set(fs.readFileSync(path.join(sampleDataDir, 'catalogue.csv'), 'utf8').split('\n').map((line) => line.split(/[.,]/).slice(0, 2).join('.')));
  const missing = real.inScope.flatMap((c) => c.codes.filter((code) => !codes.has(code)).map((code) => `${c.id}:${code}`));
  assert.deepEqual(missing, []);
});
