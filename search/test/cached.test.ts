import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CachedEngine } from '../src/engines/cached';
import { EmbeddedEngine } from '../src/engines/embedded';
import { contractSynonyms, engineContract, fixture } from './contract';
import type { SearchQuery } from '../src/types';

engineContract('embedded behind the result cache', async () => new CachedEngine(new EmbeddedEngine({ synonyms: contractSynonyms }), { max: 100 }));

/** An embedded engine that counts the searches it runs, and can be held after computing a result, before returning it. */
class Counting extends EmbeddedEngine {
  searches = 0;
  hold: Promise<void> | undefined;
  computed: () => void = () => {};
  override async search(query: SearchQuery) {
    this.searches++;
    const result = await super.search(query);
    this.computed();
    await this.hold;
    return result;
  }
}

async function engines(max = 100) {
  const inner = new Counting({ synonyms: contractSynonyms });
  await inner.upsert(fixture);
  return { inner, cached: new CachedEngine(inner, { max }) };
}

test('the same query asked again is answered from the cache, with the same hits', async () => {
  const { inner, cached } = await engines();
  const first = await cached.search({ q: 'khai sinh', locale: 'vi' });
  const again = await cached.search({ locale: 'vi', q: 'khai sinh' });
  assert.equal(inner.searches, 1);
  assert.deepEqual(again.hits, first.hits);
  assert.ok(first.hits.length > 0);
});

test('another page, filter or locale is another query', async () => {
  const { inner, cached } = await engines();
  await cached.search({ q: 'khai sinh', locale: 'vi' });
  await cached.search({ q: 'khai sinh', locale: 'vi', page: 2 });
  await cached.search({ q: 'khai sinh', locale: 'vi', type: 'faq' });
  await cached.search({ q: 'khai sinh', locale: 'en' });
  assert.equal(inner.searches, 4);
});

test('a size of 0 keeps nothing', async () => {
  const { inner, cached } = await engines(0);
  await cached.search({ q: 'khai sinh', locale: 'vi' });
  await cached.search({ q: 'khai sinh', locale: 'vi' });
  assert.equal(inner.searches, 2);
});

test('a result computed while the index changed is not kept', async () => {
  const { inner, cached } = await engines();
  let release = () => {};
  inner.hold = new Promise<void>((resolve) => (release = resolve));
  const computed = new Promise<void>((resolve) => (inner.computed = resolve));
  const during = cached.search({ q: 'thuong tru', locale: 'vi' });
  await computed;
  await cached.remove(['proc-thuong-tru-vi']);
  release();
  assert.ok((await during).hits.some((h) => h.documentId === 'proc-thuong-tru'), 'the search begun before the removal still saw it');
  inner.hold = undefined;
  const after = await cached.search({ q: 'thuong tru', locale: 'vi' });
  assert.ok(!after.hits.some((h) => h.documentId === 'proc-thuong-tru'), JSON.stringify(after.hits));
});
