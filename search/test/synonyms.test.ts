import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Synonyms } from '../src/synonyms';

const synonyms = new Synonyms({
  vi: [
    ['giấy phép lái xe', 'gplx', 'bằng lái'],
    ['lái xe', 'tài xế'],
    ['giấy chứng nhận quyền sử dụng đất', 'sổ đỏ', 'sổ hồng'],
  ],
  en: [['birth registration', 'birth certificate']],
});

test('expands an abbreviation to its group', () => {
  const e = synonyms.expand('GPLX hết hạn', 'vi');
  assert.deepEqual(e.groups.length, 1);
  assert.ok(e.groups[0]!.some((p) => p.join(' ') === 'giay phep lai xe'));
  assert.deepEqual([...e.covered], [0]);
});

test('matches without diacritics and prefers the longest phrase', () => {
  const e = synonyms.expand('doi giay phep lai xe', 'vi');
  assert.equal(e.groups.length, 1, 'the shorter "lái xe" group is not added inside "giấy phép lái xe"');
  assert.ok(e.groups[0]!.some((p) => p.join(' ') === 'gplx'));
});

test('finds several groups in one query and leaves other words alone', () => {
  const e = synonyms.expand('cap doi so do cho tai xe', 'vi');
  assert.equal(e.groups.length, 2);
  assert.deepEqual(e.words, ['cap', 'doi', 'so', 'do', 'cho', 'tai', 'xe']);
  assert.deepEqual([...e.covered].sort(), [2, 3, 5, 6]);
});

test('keeps locales apart', () => {
  assert.equal(synonyms.expand('birth certificate', 'vi').groups.length, 0);
  assert.equal(synonyms.expand('birth certificate', 'en').groups.length, 1);
});

test('the shipped list loads and knows the abbreviations citizens type', () => {
  const shipped = Synonyms.fromFile();
  for (const q of ['cccd', 'gplx', 'hkd', 'lltp', 'so do']) assert.ok(shipped.expand(q, 'vi').groups.length > 0, q);
});
