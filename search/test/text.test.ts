import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fold, foldedWords, hasDiacritics, matchForm, terms } from '../src/text';

test('fold removes tones and marks and maps đ to d', () => {
  assert.equal(fold('Đăng ký khai sinh'), 'dang ky khai sinh');
  assert.equal(fold('Giấy chứng nhận quyền sử dụng đất'), 'giay chung nhan quyen su dung dat');
  assert.equal(fold('ỨNG DỤNG'), 'ung dung');
});

test('fold keeps positions, so a match in the folded text marks the original', () => {
  const text = 'Cấp đổi sổ đỏ';
  assert.equal(fold(text).length, text.length);
  assert.equal(text.slice(fold(text).indexOf('so do'), fold(text).indexOf('so do') + 5), 'sổ đỏ');
});

test('fold treats composed and decomposed input alike', () => {
  assert.equal(fold('Hộ tịch'.normalize('NFD')), fold('Hộ tịch'));
});

test('matchForm writes a syllable-final y after a consonant as i', () => {
  assert.deepEqual(['ky', 'ly', 'quy', 'my', 'tay', 'thuy', 'y'].map(matchForm), ['ki', 'li', 'qui', 'mi', 'tay', 'thuy', 'y']);
  assert.deepEqual(foldedWords('đăng kí'), foldedWords('Đăng ký'));
});

test('terms adds neighbouring word pairs to the words', () => {
  assert.deepEqual(terms('khai sinh'), ['khai', 'sinh', 'khai_sinh']);
});

test('hasDiacritics tells typed tones from plain ASCII', () => {
  assert.equal(hasDiacritics('kết hôn'), true);
  assert.equal(hasDiacritics('ket hon'), false);
  assert.equal(hasDiacritics('đ'), true);
});
