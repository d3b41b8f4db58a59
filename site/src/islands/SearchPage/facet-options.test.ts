import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FacetCache } from './facet-cache';
import { facetOptions, type FacetInput } from './facet-options';
import type { Params } from './url-state';

const input = (params: Params, field: Record<string, number>, cache = new FacetCache()): FacetInput => ({
  params,
  result: { hits: [], total: 5, facets: { field } },
  cache,
  names: { a: 'Ánh', b: 'Bình', c: 'Cúc' },
  locale: 'vi',
});

describe('the values a filter offers', () => {
  test('most results first, then by Vietnamese name', () => {
    assert.deepEqual(facetOptions('field', 'field', input({ q: 'x', page: 1 }, { c: 2, b: 5, a: 2 }))?.options, [['b', 5], ['a', 2], ['c', 2]]);
  });

  test('values that are not codes, or have no results, are left out', () => {
    assert.deepEqual(facetOptions('field', 'field', input({ q: 'x', page: 1 }, { a: 1, 'Hộ tịch': 3, b: 0 }))?.options, [['a', 1]]);
  });

  test('nothing to offer gives null', () => {
    assert.equal(facetOptions('field', 'field', input({ q: 'x', page: 1 }, {})), null);
  });

  test('only the dozen largest fields until all are asked for, keeping the chosen one', () => {
    const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, 100 - i]));
    const chosen = input({ q: 'x', page: 1, field: 'f19' }, many);
    assert.deepEqual([facetOptions('field', 'field', chosen)?.options.length, facetOptions('field', 'field', chosen)?.total], [13, 20]);
    assert.equal(facetOptions('field', 'field', chosen, true)?.options.length, 20);
  });

  test('with a value chosen, the counts are those of the search without it', () => {
    const cache = new FacetCache();
    cache.set({ q: 'x', page: 1 }, { field: { a: 9, b: 4 } });
    assert.deepEqual(facetOptions('field', 'field', input({ q: 'x', page: 1, field: 'a' }, { a: 9 }, cache))?.options, [['a', 9], ['b', 4]]);
  });
});
