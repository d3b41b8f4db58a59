import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderToStaticMarkup } from 'react-dom/server';
import { messages } from '../../i18n';
import { translator } from '../../i18n/translate';
import { attr, render, text } from '../../testing/html';
import { labelsExample, nothingFoundExample, resultsExample, tooManyExample, unavailableExample } from './examples';
import { FacetCache } from './facet-cache';
import { FailureMessage } from './FailureMessage';
import { Results } from './Results';
import SearchPage from './SearchPage';
import type { Shown } from './useSearch';

const t = (locale: 'vi' | 'en') => translator(locale, messages(locale, 'searchPage'));
const noop = () => undefined;
const results = (shown: Shown, locale: 'vi' | 'en' = 'vi') =>
  render(
    renderToStaticMarkup(
      <Results shown={shown} heading="—" loading={false} focus={false} assistantHint params={shown.params} cache={new FacetCache()} labels={labelsExample} t={t(locale)} go={noop} />,
    ),
  );
const page = results(resultsExample);

describe('the search page’s examples, rendered on the server', () => {
  test('before hydration it is a labelled GET search form to the search page, with a hint', () => {
    const shell = render(renderToStaticMarkup(<SearchPage locale="vi" messages={messages('vi', 'searchPage')} labels={labelsExample} />));
    const [form] = shell.byRole('search');
    assert.deepEqual([shell.name(form!), attr(form!, 'action'), attr(form!, 'method')], ['Tìm thủ tục, hỏi đáp và tin tức', '/tim-kiem', 'get']);
    assert.equal(shell.name(shell.byRole('searchbox')[0]!), 'Từ khóa tìm kiếm');
    assert.match(text(shell.all[0]!), /Gõ không dấu cũng được/);
    assert.equal(shell.byRole('status').length, 1, 'a live region waits for the results');
  });

  test('hits are a list named "Kết quả tìm kiếm", numbered from the page’s first', () => {
    const [hits] = page.byRole('list').filter((l) => page.name(l) === 'Kết quả tìm kiếm');
    assert.deepEqual([attr(hits!, 'start'), hits!.childNodes.length], ['11', 10]);
    assert.match(text(hits!), /Thủ tục số 11 về khai sinhThủ tụcMã thủ tục: 1\.0011/);
  });

  test('each filter is a group with a legend, and the chosen value is marked current', () => {
    const legends = page.all.filter((el) => el.tagName === 'legend').map(text);
    assert.deepEqual(legends, ['Loại nội dung', 'Lĩnh vực', 'Cấp thực hiện']);
    const current = page.byRole('link').filter((a) => attr(a, 'aria-current') === 'true').map((a) => page.name(a));
    assert.deepEqual(current, ['Tất cả', 'Hộ tịch 23(23 kết quả)', 'Tất cả']);
  });

  test('pagination is a navigation named "Các trang kết quả" with the current page marked', () => {
    const [nav] = page.byRole('navigation');
    assert.equal(page.name(nav!), 'Các trang kết quả');
    const current = page.byRole('link').find((a) => attr(a, 'aria-current') === 'page')!;
    assert.deepEqual([page.name(current), attr(current, 'href')], ['Trang 2', '?q=khai+sinh&field=ho-tich&page=2']);
  });

  test('nothing found offers the search without filters, examples and the FAQ', () => {
    const empty = results(nothingFoundExample);
    const links = empty.byRole('link').map((a) => [empty.name(a), attr(a, 'href')]);
    assert.ok(links.some(([name, href]) => name === 'Tìm “xyzzy” mà không dùng bộ lọc' && href === '?q=xyzzy'));
    assert.ok(links.some(([name, href]) => name === 'khai sinh' && href === '?q=khai+sinh'));
    assert.ok(links.some(([name, href]) => name === 'các câu hỏi thường gặp' && href === '/hoi-dap'));
    assert.ok(links.some(([name, href]) => name === 'danh mục thủ tục hành chính' && href === '/thu-tuc'));
  });

  test('every link and button has a name, in both languages', () => {
    for (const rendered of [page, results(resultsExample, 'en'), results(nothingFoundExample, 'en')]) {
      const unnamed = [...rendered.byRole('link'), ...rendered.byRole('button')].filter((el) => !rendered.name(el));
      assert.deepEqual(unnamed, []);
    }
  });
});

describe('a failed search', () => {
  const failure = (locale: 'vi' | 'en', example = tooManyExample) => render(renderToStaticMarkup(<FailureMessage failure={example} t={t(locale)} onRetry={noop} />));

  test('on a Vietnamese page says the server’s message and when to try again', () => {
    assert.deepEqual(failure('vi').all.filter((el) => el.tagName === 'p').map(text), ['Bạn tìm kiếm quá nhiều lần.', 'Có thể thử lại sau 30 giây.']);
  });

  test('on an English page says ours, then the server’s marked as Vietnamese', () => {
    const en = failure('en');
    assert.equal(text(en.all[0]!), 'Too many searches in one minute. Please wait a few seconds and try again.');
    const quoted = en.all.find((el) => attr(el, 'lang') === 'vi')!;
    assert.equal(text(quoted), 'Bạn tìm kiếm quá nhiều lần.');
  });

  test('without a message from the server, says ours and offers to try again', () => {
    const down = failure('vi', unavailableExample);
    assert.match(text(down.all[0]!), /Chưa tìm kiếm được/);
    assert.deepEqual(down.byRole('button').map(down.name), ['Thử lại']);
  });
});
