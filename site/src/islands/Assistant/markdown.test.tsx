import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderToStaticMarkup } from 'react-dom/server';
import { markdown, safeUrl } from './markdown';

const html = (source: string, tel = false) => renderToStaticMarkup(<>{markdown(source, tel)}</>);

describe('the answers’ Markdown', () => {
  test('keeps relative and http(s) links only', () => {
    assert.deepEqual([safeUrl('/thu-tuc/a'), safeUrl('https://dichvucong.gov.vn'), safeUrl('java\tscript:alert(1)'), safeUrl('data:text/html,x')], ['/thu-tuc/a', 'https://dichvucong.gov.vn', undefined, undefined]);
  });

  test('a link to a refused address shows its label as text', () => {
    assert.equal(html('[bấm](javascript:void0)'), '<p>bấm</p>');
  });

  test('escapes HTML written in an answer', () => {
    assert.equal(html('<img src=x onerror=alert(1)>'), '<p>&lt;img src=x onerror=alert(1)&gt;</p>');
  });

  test('renders bulleted and numbered lists, bold and italics', () => {
    assert.equal(html('- **Tờ khai**\n- *bản sao*\n\n1. nộp\n2. nhận'), '<ul><li><strong>Tờ khai</strong></li><li><em>bản sao</em></li></ul><ol><li>nộp</li><li>nhận</li></ol>');
  });

  test('links e-mail addresses, and phone numbers only when asked (a handoff)', () => {
    assert.equal(html('Gọi 0263 3555 036 hoặc viết mc@lamdong.gov.vn'), '<p>Gọi 0263 3555 036 hoặc viết <a href="mailto:mc@lamdong.gov.vn">mc@lamdong.gov.vn</a></p>');
    assert.match(html('Gọi 0263 3555 036', true), /<a href="tel:02633555036">0263 3555 036<\/a>/);
  });
});
