/**
 * Retrieval: reciprocal rank fusion, a second retriever fused in beside the lexical one, and the
 * lexical index kept in step with the content.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SearchDocument } from '@portal/search';
import { HybridRetriever, LexicalRetriever, reciprocalRankFusion, type Retrieved, type Retriever } from '../src/retrieval';
import { Knowledge } from '../src/knowledge';
import { FixedContent, procedure, searchDocument as doc } from './helpers';

const hit = (id: string, score = 1): Retrieved => ({ id: `${id}-vi`, type: 'faq', key: id, locale: 'vi', score });

test('reciprocal rank fusion adds weight / (k + rank) from every list', () => {
  const fused = reciprocalRankFusion(
    [
      { name: 'a', hits: [hit('x'), hit('y')] },
      { name: 'b', hits: [hit('y'), hit('z')] },
    ],
    60,
  );
  assert.deepEqual(fused.map((f) => f.key), ['y', 'x', 'z']);
  assert.ok(Math.abs(fused[0]!.rrf - (1 / 62 + 1 / 61)) < 1e-12);
  assert.deepEqual(fused[0]!.signals, { a: { rank: 2, score: 1 }, b: { rank: 1, score: 1 } });
  const weighted = reciprocalRankFusion([
    { name: 'a', hits: [hit('x')] },
    { name: 'b', weight: 3, hits: [hit('z')] },
  ]);
  assert.equal(weighted[0]!.key, 'z');
});

test('the lexical retriever ranks a text once until the content changes, and gives the same list as without its cache', async () => {
  const docs = [doc('a', 'Đăng ký khai sinh cần giấy tờ gì?'), doc('b', 'Đăng ký kết hôn ở đâu?')];
  const cached = new LexicalRetriever();
  const uncached = new LexicalRetriever({ cacheSize: 0 });
  await cached.sync(docs);
  await uncached.sync(docs);
  // The engine is private to the retriever: the test counts the rankings it is asked for.
  const engine = (cached as unknown as { engine: { rank: (q: unknown) => Promise<unknown> } }).engine;
  let ranked = 0;
  const rank = engine.rank.bind(engine);
  engine.rank = (q) => ((ranked += 1), rank(q));
  const query = { text: 'dang ky khai sinh', locale: 'vi' as const };
  const first = await cached.retrieve(query);
  assert.deepEqual(await cached.retrieve(query), first);
  assert.deepEqual(first, await uncached.retrieve(query));
  await cached.retrieve({ ...query, limit: 1 });
  assert.equal(ranked, 2, 'once per text and limit');
  await cached.sync(docs);
  await cached.retrieve(query);
  assert.equal(ranked, 2, 'a sync that changes nothing keeps the results');
  await cached.sync([doc('a', 'Đăng ký khai sinh cho con'), docs[1]!]);
  await cached.retrieve(query);
  assert.equal(ranked, 3, 'a changed document: ranked again');
});

test('the lexical retriever follows the content: adds, updates only what changed, removes', async () => {
  const lexical = new LexicalRetriever();
  assert.deepEqual(await lexical.sync([doc('a', 'Đăng ký khai sinh cần giấy tờ gì?'), doc('b', 'Đăng ký kết hôn ở đâu?')]), { upserted: 2, removed: 0 });
  assert.equal((await lexical.retrieve({ text: 'khai sinh', locale: 'vi' }))[0]!.key, 'a');
  assert.deepEqual(await lexical.sync([doc('a', 'Đăng ký khai sinh cần giấy tờ gì?'), doc('b', 'Đăng ký khai tử ở đâu?')]), { upserted: 1, removed: 0 });
  assert.ok(!(await lexical.retrieve({ text: 'ket hon', locale: 'vi' })).some((h) => h.key === 'b'), 'the old title is gone');
  assert.deepEqual(await lexical.sync([doc('b', 'Đăng ký khai tử ở đâu?')]), { upserted: 0, removed: 1 });
  assert.ok(!(await lexical.retrieve({ text: 'khai sinh', locale: 'vi' })).some((h) => h.key === 'a'), 'a removed document is not found');
  const [found] = await lexical.retrieve({ text: 'dang ky khai tu o dau', locale: 'vi' });
  assert.equal(found!.key, 'b');
  assert.ok(found!.coverage! > 0.9 && found!.score > 0);
});

test('a dense retriever plugs in beside the lexical one and both count in the fused order', async () => {
  /** Stands in for an embedding retriever: it "understands" a paraphrase the lexical one cannot match. */
  class FakeDense implements Retriever {
    readonly name = 'dense';
    async sync() {
      return { upserted: 0, removed: 0 };
    }
    async retrieve(): Promise<Retrieved[]> {
      return [hit('b', 0.9), hit('a', 0.2)];
    }
  }
  const hybrid = new HybridRetriever([new LexicalRetriever(), new FakeDense()]);
  await hybrid.sync([doc('a', 'Đăng ký khai sinh'), doc('b', 'Cấp giấy phép lao động')]);
  const fused = await hybrid.retrieve({ text: 'khai sinh', locale: 'vi' });
  assert.equal(fused[0]!.key, 'a', 'found by both');
  assert.deepEqual(Object.keys(fused[0]!.signals).sort(), ['dense', 'lexical']);
  assert.deepEqual(Object.keys(fused[1]!.signals), ['dense'], 'found by the dense retriever only');
});

test('a retriever that joins later takes part only once its first sync is done; lexical answers meanwhile, and it catches up on documents synced meanwhile', async () => {
  const synced: string[][] = [];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  class SlowDense implements Retriever {
    readonly name = 'dense';
    async sync(documents: readonly SearchDocument[]) {
      if (synced.length === 0) await gate; // the first embedding of everything takes long
      synced.push(documents.map((d) => d.key));
      return { upserted: documents.length, removed: 0 };
    }
    async retrieve(): Promise<Retrieved[]> {
      return [hit('b', 0.9)];
    }
  }
  const hybrid = new HybridRetriever([new LexicalRetriever()], { log: () => {} });
  const joined = hybrid.join(new SlowDense());
  assert.deepEqual(await hybrid.sync([doc('a', 'Đăng ký khai sinh')]), { upserted: 1, removed: 0 }, 'the lexical sync does not wait for the dense one');
  assert.deepEqual(hybrid.retrievers.map((r) => r.name), ['lexical']);
  assert.deepEqual(Object.keys((await hybrid.retrieve({ text: 'khai sinh', locale: 'vi' }))[0]!.signals), ['lexical']);
  await hybrid.sync([doc('a', 'Đăng ký khai sinh'), doc('b', 'Cấp giấy phép lao động')]);
  release();
  await joined;
  assert.deepEqual(synced, [['a'], ['a', 'b']], 'the newer documents are synced before it joins');
  assert.deepEqual(hybrid.retrievers.map((r) => r.name), ['lexical', 'dense']);
  const fused = await hybrid.retrieve({ text: 'khai sinh', locale: 'vi' });
  assert.ok(fused.some((f) => f.key === 'b' && f.signals.dense), 'the dense list is fused now');
});

test('a failing secondary retriever is left out of the fusion; the lexical answer stands', async () => {
  const logs: string[] = [];
  class Broken implements Retriever {
    readonly name = 'dense';
    async sync() {
      return { upserted: 0, removed: 0 };
    }
    async retrieve(): Promise<Retrieved[]> {
      throw new Error('onnx session gone');
    }
  }
  const hybrid = new HybridRetriever([new LexicalRetriever(), new Broken()], { log: (m) => logs.push(m) });
  await hybrid.sync([doc('a', 'Đăng ký khai sinh')]);
  const fused = await hybrid.retrieve({ text: 'khai sinh', locale: 'vi' });
  assert.equal(fused[0]!.key, 'a');
  assert.match(logs.join('\n'), /dense retrieval failed.*onnx session gone/);
});

test('a refresh that finds the same content indexes nothing again; a changed document is indexed', async () => {
  const source = new FixedContent({ vi: { procedures: [procedure('1.000894', 'Đăng ký kết hôn')], faqs: [], agencies: [] }, en: { procedures: [], faqs: [], agencies: [] } });
  const hybrid = new HybridRetriever([new LexicalRetriever()]);
  let syncs = 0;
  const sync = hybrid.sync.bind(hybrid);
  hybrid.sync = (documents) => ((syncs += 1), sync(documents));
  const knowledge = new Knowledge(source, hybrid);
  assert.equal((await knowledge.refresh()).upserted, 1);
  const again = await knowledge.refresh();
  assert.deepEqual([again.upserted, again.procedures, syncs], [0, 1, 1]);
  source.content.vi.procedures[0] = procedure('1.000894', 'Đăng ký kết hôn có yếu tố nước ngoài');
  assert.equal((await knowledge.refresh()).upserted, 1);
  assert.equal(syncs, 2);
  assert.equal(knowledge.procedure('vi', '1.000894')!.name, 'Đăng ký kết hôn có yếu tố nước ngoài');
});
