import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { facetKey, filtersOf, readParams, toQuery } from './url-state';

describe('the search in the address', () => {
  test('a search with every filter and a page survives the round trip', () => {
    const query = 'q=khai+sinh&type=procedure&field=ho-tich&level=cap-xa&serviceLevel=toan-trinh&page=3';
    assert.equal(toQuery(readParams(`?${query}`)), query);
  });

  test('parameters come out in one order whatever order they came in', () => {
    assert.equal(toQuery(readParams('?page=2&field=ho-tich&q=ket%20hon')), 'q=ket+hon&field=ho-tich&page=2');
  });

  test('page 1 is left out of the address', () => {
    assert.equal(toQuery({ q: 'khai sinh', page: 1 }), 'q=khai+sinh');
  });

  test('the query is trimmed', () => {
    assert.equal(readParams('?q=%20%20khai%20sinh%20').q, 'khai sinh');
  });

  test('a page beyond the API’s last page is brought back to it, and nonsense to page 1', () => {
    assert.deepEqual([readParams('?q=a&page=5000').page, readParams('?q=a&page=0').page, readParams('?q=a&page=abc').page], [100, 1, 1]);
  });

  test('an unknown content type and a filter that is not a code are dropped', () => {
    assert.deepEqual(readParams('?q=a&type=video&field=H%E1%BB%99%20t%E1%BB%8Bch&level=cap-xa'), { q: 'a', page: 1, level: 'cap-xa' });
  });

  test('parameters the page does not offer are ignored', () => {
    assert.deepEqual(readParams('?q=a&agency=so-tu-phap&limit=50'), { q: 'a', page: 1 });
  });

  test('counts the chosen filters', () => {
    assert.equal(filtersOf({ q: 'a', page: 1, type: 'faq', level: 'cap-xa' }), 2);
  });

  test('the facet key ignores the page but not the filters', () => {
    assert.equal(facetKey({ q: 'a', page: 1, field: 'ho-tich' }), facetKey({ q: 'a', page: 4, field: 'ho-tich' }));
    assert.notEqual(facetKey({ q: 'a', page: 1, field: 'ho-tich' }), facetKey({ q: 'a', page: 1 }));
  });
});
