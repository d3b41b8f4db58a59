import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { EmbeddedEngine } from '../src/engines/embedded';
import { Synonyms } from '../src/synonyms';
import type { SearchDocument } from '../src/types';

const doc = (id: string, type: SearchDocument['type'], title: string, extra: Partial<SearchDocument> = {}): SearchDocument => ({
  id: `${id}-vi`, type, locale: 'vi', documentId: id, code: null, key: id, title, questions: [], keywords: [], body: '', url: `/x/${id}`,
  field: '', levels: [], serviceLevel: '', audiences: [], agencies: [], complete: true, ...extra,
});

const docs = [
  doc('p1', 'procedure', 'Thủ tục đăng ký hộ kinh doanh'),
  doc('f1', 'faq', 'Đăng ký hộ kinh doanh cần những giấy tờ gì?', { questions: ['dang ky ho kinh doanh can giay to gi', 'ho so dang ky ho kinh doanh'] }),
  doc('f2', 'faq', 'Lệ phí đăng ký hộ kinh doanh là bao nhiêu?'),
  doc('b1', 'procedure', 'Cấp giấy phép bán lẻ rượu'),
  doc('b2', 'procedure', 'Cấp bản sao trích lục hộ tịch'),
];

async function engine(dir?: string) {
  const e = new EmbeddedEngine({ dir, synonyms: new Synonyms({}) });
  return e;
}

test('a query naming a procedure ranks the procedure above the FAQs about it', async () => {
  const e = await engine();
  await e.upsert(docs);
  const { hits } = await e.search({ q: 'dang ky ho kinh doanh', locale: 'vi' });
  assert.equal(hits[0]!.key, 'p1');
});

test('a question about a procedure ranks the FAQ that answers it first', async () => {
  const e = await engine();
  await e.upsert(docs);
  assert.equal((await e.search({ q: 'le phi dang ky ho kinh doanh', locale: 'vi' })).hits[0]!.key, 'f2');
  assert.equal((await e.search({ q: 'đăng ký hộ kinh doanh cần giấy tờ gì', locale: 'vi' })).hits[0]!.key, 'f1');
});

test('prefers the document whose diacritics match what the user typed', async () => {
  const e = await engine();
  await e.upsert(docs);
  assert.equal((await e.search({ q: 'bán', locale: 'vi' })).hits[0]!.key, 'b1');
  assert.equal((await e.search({ q: 'bản', locale: 'vi' })).hits[0]!.key, 'b2');
});

test('drops candidates that match only a small part of the query', async () => {
  const e = await engine();
  await e.upsert(docs);
  const { hits, total } = await e.search({ q: 'giay phep ban le ruou', locale: 'vi' });
  assert.deepEqual(hits.map((h) => h.key), ['b1']);
  assert.equal(total, 1);
});

test('keeps the index on disk: a restart finds the documents without re-indexing', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-persist-'));
  const first = await engine(dir);
  await first.upsert(docs.map((d) => ({ ...d, version: `v-${d.documentId}` })));
  await first.close();
  assert.ok(fs.existsSync(path.join(dir, 'search-vi.json')));
  const second = await engine(dir);
  assert.equal((await second.ids('vi')).length, docs.length);
  assert.equal((await second.versions('vi')).get('b1-vi'), 'v-b1', 'the content version of each document is kept too');
  assert.equal((await second.search({ q: 'ruou', locale: 'vi' })).hits[0]!.key, 'b1');
});

test('ignores an index file written in an older format and starts empty', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-persist-'));
  fs.writeFileSync(path.join(dir, 'search-vi.json'), JSON.stringify({ version: 0, orama: {} }));
  const e = await engine(dir);
  assert.deepEqual(await e.ids('vi'), []);
});
