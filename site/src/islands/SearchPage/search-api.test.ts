import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pageItems } from './pages';
import { searchUrl, toFailure, toResult } from './search-api';

describe('asking the search API', () => {
  test('asks for the page’s language, ten results and the page', () => {
    assert.equal(searchUrl({ q: 'khai sinh', page: 3, field: 'ho-tich' }, 'en'), '/api/search?q=khai+sinh&field=ho-tich&locale=en&limit=10&page=3');
  });

  test('asks for facets only with one result and no page', () => {
    assert.equal(searchUrl({ q: 'khai sinh', page: 3 }, 'vi', 1), '/api/search?q=khai+sinh&locale=vi&limit=1');
  });

  test('keeps only hits that link into the portal', () => {
    const hit = { type: 'faq', documentId: 'd', code: null, title: 'A', url: '/hoi-dap/a', snippet: '', key: 'a' };
    const result = toResult({ hits: [hit, { ...hit, url: 'javascript:alert(1)' }, { title: 'no url' }], total: 2, facets: { field: { 'ho-tich': 2 } } });
    assert.deepEqual(result, { hits: [hit], total: 2, facets: { field: { 'ho-tich': 2 } } });
  });

  test('an answer of another shape is an empty result', () => {
    assert.deepEqual(toResult('<html>'), { hits: [], total: 0, facets: {} });
  });

  test('a refusal carries the server’s Vietnamese message and Retry-After', async () => {
    const body = { error: { status: 429, name: 'TooManyRequestsError', message: 'Bạn tìm quá nhiều.', details: {} } };
    const failure = await toFailure(new Response(JSON.stringify(body), { status: 429, headers: { 'Retry-After': '7' } }));
    assert.deepEqual([failure.status, failure.message, failure.retryAfterSeconds], [429, 'Bạn tìm quá nhiều.', 7]);
  });

  test('a failure without the envelope has no message, so the page says its own', async () => {
    const failure = await toFailure(new Response('<h1>Bad gateway</h1>', { status: 502 }));
    assert.deepEqual([failure.status, failure.message], [502, '']);
  });
});

describe('page numbers', () => {
  test('show the first, the last and the neighbours of the current page, with gaps', () => {
    assert.deepEqual(pageItems(5, 12), [1, 'gap', 4, 5, 6, 'gap', 12]);
  });

  test('show the page itself instead of a gap of one page', () => {
    assert.deepEqual(pageItems(4, 12), [1, 2, 3, 4, 5, 'gap', 12]);
  });

  test('show every page when there are few', () => {
    assert.deepEqual(pageItems(1, 3), [1, 2, 3]);
  });
});
