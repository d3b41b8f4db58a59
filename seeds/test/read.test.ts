import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { readSeedDir, SeedError } from '../src/index';
import { problemsOf, seedDir } from './support';
import { slugify } from '../src/slug';

const procedure = (overrides: Record<string, unknown> = {}) => ({
  nationalCode: '1.001193',
  code: '1.001193.000.00.00.H36',
  slug: 'dang-ky-khai-sinh',
  serviceLevel: 'mot-phan',
  levels: ['cap-xa'],
  field: 'ho-tich',
  vi: { name: 'Thủ tục đăng ký khai sinh' },
  ...overrides,
});

test('reads records from <type>.json and from every file of a <type>/ folder', () => {
  const dir = seedDir({
    'procedures.json': [procedure()],
    'procedures/more.json': [procedure({ nationalCode: '1.000894', code: '1.000894.000.00.00.H36', slug: 'dang-ky-ket-hon', vi: { name: 'Thủ tục đăng ký kết hôn' } })],
  });
  assert.deepEqual(readSeedDir(dir).get('procedures')!.map((r) => r.key), ['1.001193', '1.000894']);
});

test('names the file, the record and the attribute of a schema error', () => {
  const dir = seedDir({ 'procedures.json': [procedure(), procedure({ nationalCode: '1.000894', slug: 'ket-hon', levels: ['cap-trung-uong'] })] });
  const [problem] = problemsOf(dir);
  assert.match(problem!, /procedures\.json › record 2 \(nationalCode 1\.000894\) › levels\.0: /);
});

test('refuses text that is not Unicode NFC', () => {
  const dir = seedDir({ 'procedures.json': [procedure({ vi: { name: 'Thủ tục đăng ký khai sinh'.normalize('NFD') } })] });
  assert.match(problemsOf(dir)[0]!, /vi\.name: is not Unicode NFC/);
});

test('refuses unknown attributes instead of ignoring them', () => {
  const dir = seedDir({ 'procedures.json': [procedure({ fee: 0 })] });
  assert.match(problemsOf(dir)[0]!, /record 1 .*Unrecognized key/);
});

test('refuses two records with the same key, naming both', () => {
  const dir = seedDir({ 'procedures.json': [procedure(), procedure({ slug: 'khai-sinh-2' })] });
  assert.match(problemsOf(dir)[0]!, /record 2 \(nationalCode 1\.001193\): nationalCode 1\.001193 is also used by .*record 1/);
});

test('refuses a reference to a record that does not exist', () => {
  const dir = seedDir({ 'procedures.json': [procedure({ field: 'dat-dai' })] });
  assert.match(problemsOf(dir)[0]!, /› field: no fields record has slug dat-dai/);
});

test('refuses an English version that links to a record without English text', () => {
  const dir = seedDir({ 'procedures.json': [procedure({ en: { name: 'Birth registration' } })] });
  assert.match(problemsOf(dir)[0]!, /fields ho-tich has no "en" text/);
});

test('refuses a FAQ that names neither its procedure nor its field', () => {
  const faq = { slug: 'cau-hoi', vi: { question: 'Hỏi?', answer: 'Đáp.', alternativeQuestions: ['hoi'] } };
  const dir = seedDir({ 'faqs.json': [faq] });
  assert.match(problemsOf(dir)[0]!, /faqs\.json › record 1 \(slug cau-hoi\) › procedure: must name its procedure or its field/);
});

test('reports a file that is not JSON', () => {
  const dir = seedDir({ 'news.json': '[{"slug": ' });
  assert.match(problemsOf(dir)[0]!, /news\.json: not valid JSON/);
});

test('refuses a folder without seed files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-empty-'));
  assert.throws(() => readSeedDir(dir), (error: unknown) => error instanceof SeedError && /No seed files in/.test(error.message));
});

test('slugify drops tones and maps đ to d', () => {
  assert.equal(slugify('Thủ tục đăng ký khai sinh'), 'thu-tuc-dang-ky-khai-sinh');
  assert.equal(slugify('Đất đai'), 'dat-dai');
  assert.equal(slugify('Thi đua - khen thưởng'), slugify('Thi đua, khen thưởng'));
});
