import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');

test('every `as unknown as` cast in the code says why on the line before it', () => {
  const files = execFileSync('git', ['ls-files', '*.ts', '*.tsx'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
  const unexplained: string[] = [];
  for (const file of files) {
    if (file === 'tests/contracts/casts.test.ts') continue;
    const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line.includes('as unknown as') && !/^\s*\/\//.test(lines[i - 1] ?? '')) unexplained.push(`${file}:${i + 1}`);
    });
  }
  assert.deepEqual(unexplained, []);
});
