import assert from 'node:assert/strict';
import { test } from 'node:test';
import { snippet } from '../src/snippet';

test('marks the query words in the original text, found without diacritics', () => {
  assert.equal(snippet('Nộp tờ khai đăng ký khai sinh.', ['khai', 'sinh']), 'Nộp tờ <mark>khai</mark> đăng ký <mark>khai</mark> <mark>sinh</mark>.');
});

test('escapes HTML in the text', () => {
  assert.equal(snippet('Mẫu <b>TK1</b> & khai sinh', ['sinh']), 'Mẫu &lt;b&gt;TK1&lt;/b&gt; &amp; khai <mark>sinh</mark>');
});

test('cuts a long text around the first match, on word boundaries', () => {
  const text = `${'Phần mở đầu dài. '.repeat(30)}Giấy khai sinh được cấp ngay.${' Phần cuối.'.repeat(30)}`;
  const out = snippet(text, ['khai'], 120);
  assert.match(out, /^… .*<mark>khai<\/mark> sinh.* …$/);
  assert.ok(out.length < 200);
});
