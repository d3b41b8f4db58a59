import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderToStaticMarkup } from 'react-dom/server';
import { attr, render } from '../../testing/html';
import { searchBoxExamples } from './examples';
import SearchBox from './SearchBox';
import { toSuggestions } from './useSuggestions';

const header = render(renderToStaticMarkup(<SearchBox {...searchBoxExamples.header!} />));

describe('the search box before its code loads', () => {
  test('is a search landmark with a plain GET form to the search page', () => {
    const [form] = header.byRole('search');
    assert.equal(header.name(form!), 'Tìm kiếm trên cổng');
    assert.deepEqual([attr(form!, 'action'), attr(form!, 'method')], ['/tim-kiem', 'get']);
  });

  test('has a labelled search field named q and a submit button', () => {
    const [box] = header.byRole('searchbox');
    assert.deepEqual([header.name(box!), attr(box!, 'name'), attr(box!, 'id')], ['Tìm thủ tục, hỏi đáp, tin tức', 'q', 'header-search-input']);
    assert.deepEqual(header.byRole('button').map(header.name), ['Tìm kiếm']);
  });

  test('is not yet a combobox: no listbox, no ARIA state that nothing would keep up to date', () => {
    const [box] = header.byRole('searchbox');
    assert.equal(attr(box!, 'aria-expanded'), undefined);
    assert.equal(header.byRole('listbox').length, 0);
  });

  test('speaks English on English pages and keeps the given query', () => {
    const page = render(renderToStaticMarkup(<SearchBox {...searchBoxExamples.englishWithQuery!} />));
    const [box] = page.byRole('searchbox');
    assert.deepEqual([page.name(page.byRole('search')[0]!), page.name(box!), attr(box!, 'value')], ['Site search', 'Search procedures, questions and news', 'birth']);
  });
});

describe('suggestions from the API', () => {
  test('keeps distinct, non-blank texts, at most eight', () => {
    const many = Array.from({ length: 12 }, (_, i) => `khai sinh ${i}`);
    assert.deepEqual(toSuggestions({ suggestions: ['khai sinh', 'khai sinh', ' ', 7, ...many] }), ['khai sinh', ...many.slice(0, 7)]);
  });

  test('an answer of another shape gives no suggestions', () => {
    assert.deepEqual(toSuggestions({ hits: [] }), []);
    assert.deepEqual(toSuggestions(null), []);
  });
});
