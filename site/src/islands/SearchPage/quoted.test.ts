import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quoted } from './SearchPage';

test('a query is repeated whole in the heading when short, a pasted letter cut at a word with an ellipsis', () => {
  assert.equal(quoted('đăng ký khai sinh'), 'đăng ký khai sinh');
  const letter = 'Chào anh chị cán bộ. Ông bà tôi mất để lại mảnh đất cho bốn anh em, giấy chứng nhận vẫn đứng tên ông bà.';
  const cut = quoted(letter);
  assert.ok(cut.length <= 81, cut);
  assert.ok(cut.endsWith('…'));
  assert.ok(letter.startsWith(cut.slice(0, -1)), 'a prefix of the query');
  assert.match(cut, /\S…$/, 'no space before the ellipsis');
  assert.ok(letter.charAt(cut.length - 1) === ' ', 'cut at a word boundary');
});
