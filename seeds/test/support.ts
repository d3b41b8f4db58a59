/** What the seed loader's tests share: a throw-away seed folder, and the problems it is refused for. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSeedDir, SeedValidationError } from '../src/index';

/** Writes `files` (name → JSON value or raw text) into a new temporary folder, with one field `ho-tich` unless `fields.json` is given. */
export function seedDir(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-test-'));
  const base = { 'fields.json': [{ slug: 'ho-tich', vi: { name: 'Hộ tịch' } }] };
  for (const [name, content] of Object.entries({ ...base, ...files })) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

/** The problems `readSeedDir` refuses the folder for; fails the test if it accepts it. */
export function problemsOf(dir: string): string[] {
  try {
    readSeedDir(dir);
  } catch (error) {
    if (error instanceof SeedValidationError) return error.problems;
    throw error;
  }
  assert.fail('the seed folder was accepted');
}
