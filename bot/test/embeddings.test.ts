/**
 * Dense retrieval: the embedding path (transformers.js, ONNX Runtime, tokenizer, mean pooling, L2
 * normalisation), the vector store and the fusion. The model is a tiny random BERT written at test
 * time (support/tiny-model.ts), not multilingual-e5-small, which this machine cannot download: these
 * tests prove the code runs a real model end to end, not that real embeddings retrieve well.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DenseRetriever, passageText, reciprocalRankFusion } from '../src/embeddings/dense';
import { loadEmbedder, resolveModelSource, type Embedder } from '../src/embeddings/model';
import { VectorIndex, vectorFiles } from '../src/embeddings/store';
import { searchDocument as doc } from './helpers';
import { writeTinyModel, type TinyModel } from './support/tiny-model';

const lexicalOnly = /^Embeddings: no model at .+ — the assistant answers with lexical retrieval only$/;

const norm = (v: Float32Array) => Math.hypot(...v);
const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);
function assertClose(actual: Float32Array, expected: Float32Array, tolerance = 1e-5, message?: string) {
  assert.equal(actual.length, expected.length, message);
  const worst = Math.max(...actual.map((x, i) => Math.abs(x - expected[i]!)));
  assert.ok(worst <= tolerance, `${message ?? 'vectors differ'}: max difference ${worst}`);
}

/** What the pipeline should give: the mean of the tokens' rows, L2-normalised (computed here from the weights). */
function expectedVector(model: TinyModel, tokens: string[]): Float32Array {
  const sum = new Float32Array(model.hidden);
  for (const token of tokens) {
    const row = model.vocabulary.indexOf(token);
    assert.ok(row >= 0, `${token} is in the tiny vocabulary`);
    for (let i = 0; i < model.hidden; i++) sum[i]! += model.weights[row * model.hidden + i]!;
  }
  const length = norm(sum);
  return sum.map((x) => x / length);
}


let tmp: string;
before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bot-embeddings-'));
});
after(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('embeddings with a tiny random BERT model generated at test time (not the real multilingual-e5-small)', () => {
  let model: TinyModel;
  let embedder: Embedder;
  /** Same model without prefixes, two texts per inference call. */
  let raw: Embedder;
  const logs: string[] = [];

  before(async () => {
    model = await writeTinyModel({ dir: path.join(tmp, 'tiny-random-bert') });
    const loaded = await loadEmbedder({ env: { EMBEDDINGS_MODEL_DIR: model.dir }, log: (m) => logs.push(m) });
    assert.ok(loaded, `the tiny model loads: ${logs.join(' | ')}`);
    embedder = loaded;
    const unprefixed = await loadEmbedder({ modelDir: model.dir, prefixes: { query: '', passage: '' }, batchSize: 2, log: () => {} });
    assert.ok(unprefixed);
    raw = unprefixed;
  });
  after(async () => {
    await embedder?.dispose();
    await raw?.dispose();
  });

  test('the model loads from EMBEDDINGS_MODEL_DIR with remote loading off, and says so', async () => {
    const { env } = await import('@huggingface/transformers');
    assert.equal(env.allowRemoteModels, false);
    assert.equal(embedder.modelId, 'tiny-random-bert');
    assert.equal(embedder.dimensions, model.hidden);
    assert.match(embedder.revision, /^fp32-[0-9a-f]{16}$/);
    assert.deepEqual(logs, [`Embeddings: tiny-random-bert (fp32, ${model.hidden} dimensions) from ${model.dir}`]);
  });

  test('embedQueries gives one unit vector of the model size per text, the same for the same text', async () => {
    const vectors = await embedder.embedQueries(['khai sinh', 'Giấy phép lái xe ở đâu?', 'đăng ký kết hôn']);
    assert.equal(vectors.length, 3);
    for (const v of vectors) {
      assert.equal(v.length, model.hidden);
      assert.ok(Math.abs(norm(v) - 1) < 1e-5, `norm ${norm(v)}`);
    }
    const [again] = await embedder.embedQueries(['khai sinh']);
    assert.deepEqual(again, vectors[0]);
    assert.ok(dot(vectors[0]!, vectors[1]!) < 0.99, 'different texts give different vectors');
    assert.deepEqual(await embedder.embedQueries([]), []);
  });

  test('the vector is the L2-normalised mean of the token vectors, "query: " prefix included (Vietnamese words tokenized, lowercased)', async () => {
    const [query] = await embedder.embedQueries(['Khai sinh']);
    assertClose(query!, expectedVector(model, ['[CLS]', 'query', ':', 'khai', 'sinh', '[SEP]']));
    const [passage] = await embedder.embedPassages(['Giấy phép lái xe']);
    assertClose(passage!, expectedVector(model, ['[CLS]', 'passage', ':', 'giấy', 'phép', 'lái', 'xe', '[SEP]']));
  });

  test('the query: and passage: prefixes are really applied', async () => {
    const [query] = await embedder.embedQueries(['đăng ký kết hôn']);
    const [passage] = await embedder.embedPassages(['đăng ký kết hôn']);
    const [bare, prefixedByHand, passageByHand] = await raw.embedQueries(['đăng ký kết hôn', 'query: đăng ký kết hôn', 'passage: đăng ký kết hôn']);
    assert.deepEqual(query, prefixedByHand);
    assert.deepEqual(passage, passageByHand);
    assert.notDeepEqual(query, bare);
    assert.notDeepEqual(query, passage);
  });

  test('mean pooling ignores padding: a sentence alone and in a batch with a longer one get the same vector', async () => {
    const [alone] = await embedder.embedQueries(['khai sinh']);
    const [inBatch, longer] = await embedder.embedQueries(['khai sinh', 'thủ tục đăng ký kết hôn cần gì, ở đâu, bao lâu, lệ phí bao nhiêu?']);
    assert.ok(longer);
    assertClose(inBatch!, alone!, 1e-6, 'padding changed the vector');
    // The check can fail: the model gives padded positions the (non-zero) [PAD] row, so a mean
    // that counted them would be elsewhere.
    const padded = ['[CLS]', 'query', ':', 'khai', 'sinh', '[SEP]', ...Array<string>(12).fill('[PAD]')];
    assert.ok(dot(expectedVector(model, padded), alone!) < 0.9, 'a mean over the padding would differ');
  });

  test('batching: several inference calls give the vectors of one call, in order', async () => {
    const texts = ['khai sinh', 'kết hôn', 'giấy phép lái xe', 'hộ chiếu', 'căn cước công dân'];
    const once = await embedder.embedPassages(texts);
    const inPairs = await raw.embedPassages(texts.map((t) => `passage: ${t}`));
    assert.equal(inPairs.length, 5);
    inPairs.forEach((v, i) => assertClose(v, once[i]!, 1e-6, texts[i]));
  });

  test('a dense search ranks the passage that shares the query tokens first, with the cosine of the token bags', async () => {
    // Sound for any random draw: the model's token rows are orthonormal, so the cosine of two
    // mean-pooled texts is the cosine of their token counts.
    // query:   [CLS] query   : khai sinh [SEP]             — 6 tokens
    // birth:   [CLS] passage : khai sinh [SEP]             — 5 shared → 5/6
    // licence: [CLS] passage : giấy phép lái xe [SEP]      — 3 shared → 3/√(6·8)
    const dense = new DenseRetriever(embedder, { dir: path.join(tmp, 'rank'), log: () => {} });
    await dense.sync([doc('birth', 'khai sinh'), doc('licence', 'giấy phép lái xe', { type: 'procedure', key: '1.002' })]);
    const ranked = await dense.rank('khai sinh', 'vi');
    assert.deepEqual(
      ranked.map((r) => r.id),
      ['birth-vi', 'licence-vi'],
    );
    assert.ok(Math.abs(ranked[0]!.score - 5 / 6) < 1e-5, `score ${ranked[0]!.score}`);
    assert.ok(Math.abs(ranked[1]!.score - 3 / Math.sqrt(48)) < 1e-5, `score ${ranked[1]!.score}`);

    const hits = await dense.retrieve({ text: 'khai sinh', locale: 'vi', type: 'procedure' });
    assert.deepEqual(hits.map(({ id, type, key, locale }) => ({ id, type, key, locale })), [{ id: 'licence-vi', type: 'procedure', key: '1.002', locale: 'vi' }]);
    assert.deepEqual(await dense.retrieve({ text: 'khai sinh', locale: 'en' }), [], 'no English documents');
    assert.deepEqual((await dense.rank('khai sinh', 'vi', 1)).map((r) => r.id), ['birth-vi']);
  });

  test('the vector index persists, reloads, re-embeds only changed documents and is invalidated by another model', async () => {
    const dir = path.join(tmp, 'search');
    const embedded: string[][] = [];
    const counting = (base: Embedder): Embedder => ({
      ...base,
      embedPassages: (texts) => {
        embedded.push([...texts]);
        return base.embedPassages(texts);
      },
    });
    const docs = [
      doc('birth', 'Đăng ký khai sinh', { questions: ['làm giấy khai sinh ở đâu'], body: 'Cha mẹ nộp tờ khai.' }),
      doc('marriage', 'Đăng ký kết hôn', { body: 'Hai bên nam nữ cùng có mặt.' }),
      doc('licence', 'Đổi giấy phép lái xe'),
      doc('passport', 'Passport', { locale: 'en', body: 'Apply online.' }),
    ];
    const logs: string[] = [];

    const first = new DenseRetriever(counting(embedder), { dir, log: (m) => logs.push(m) });
    assert.deepEqual(await first.sync(docs), { upserted: 4, removed: 0 });
    assert.deepEqual(embedded.map((t) => t.length).sort(), [1, 3], 'one call per locale');
    for (const locale of ['vi', 'en'] as const) {
      const files = vectorFiles(dir, locale);
      const header = JSON.parse(await fs.readFile(files.index, 'utf8'));
      assert.equal(header.formatVersion, 1);
      assert.equal(header.model, 'tiny-random-bert');
      assert.equal(header.dimensions, model.hidden);
      assert.equal((await fs.stat(files.data)).size, header.count * model.hidden * 4);
    }

    // A new process: the saved vectors are used as they are.
    embedded.length = 0;
    const second = new DenseRetriever(counting(embedder), { dir, log: (m) => logs.push(m) });
    assert.deepEqual(await second.sync(docs), { upserted: 0, removed: 0 });
    assert.equal(embedded.length, 0, 'nothing embedded again');
    const saved = await VectorIndex.load(dir, 'vi', embedder);
    assert.equal(saved.origin, 'file');
    const [birthVector] = await embedder.embedPassages([passageText(docs[0]!)]);
    assert.deepEqual(saved.get('birth-vi')?.vector, birthVector, 'vectors read back exactly');
    assert.deepEqual((await second.rank('làm giấy khai sinh ở đâu', 'vi')).map((r) => r.id)[0], 'birth-vi');

    // One passage changed, one document gone, one changed outside the passage (url): one embedding.
    embedded.length = 0;
    const next = [{ ...docs[0]!, body: 'Cha hoặc mẹ nộp tờ khai và giấy chứng sinh.' }, { ...docs[1]!, url: '/hoi-dap/ket-hon' }, docs[3]!];
    assert.deepEqual(await second.sync(next), { upserted: 1, removed: 1 });
    assert.deepEqual(embedded, [[passageText(next[0]!)]]);
    assert.deepEqual((await VectorIndex.load(dir, 'vi', embedder)).ids().sort(), ['birth-vi', 'marriage-vi']);

    // Another model: the files are discarded and every document embedded again.
    embedded.length = 0;
    logs.length = 0;
    const other = { ...counting(embedder), modelId: 'another-model' };
    assert.equal((await VectorIndex.load(dir, 'vi', other)).origin, 'discarded');
    const third = new DenseRetriever(other, { dir, log: (m) => logs.push(m) });
    assert.deepEqual(await third.sync(next), { upserted: 3, removed: 0 });
    assert.ok(logs.some((l) => /vi vectors discarded \(computed with tiny-random-bert .*, not another-model/.test(l)), logs.join('\n'));
    assert.equal(JSON.parse(await fs.readFile(vectorFiles(dir, 'vi').index, 'utf8')).model, 'another-model');

    // A vector file that does not match its index is not trusted.
    const files = vectorFiles(dir, 'vi');
    const bytes = await fs.readFile(files.data);
    bytes[0] = bytes[0]! ^ 0xff;
    await fs.writeFile(files.data, bytes);
    const corrupt = await VectorIndex.load(dir, 'vi', other);
    assert.equal(corrupt.origin, 'discarded');
    assert.match(corrupt.discarded ?? '', /checksum/);
  });

  test('a model folder under its hub id with only model_quantized.onnx loads as q8', async () => {
    const hub = path.join(tmp, 'models');
    await writeTinyModel({ dir: path.join(hub, 'Xenova', 'tiny-e5'), fileName: 'model_quantized.onnx' });
    const logs: string[] = [];
    const quantized = await loadEmbedder({ env: { EMBEDDINGS_MODEL_DIR: hub, EMBEDDINGS_MODEL: 'Xenova/tiny-e5' }, log: (m) => logs.push(m) });
    assert.ok(quantized, logs.join('\n'));
    try {
      assert.equal(quantized.modelId, 'Xenova/tiny-e5');
      assert.match(quantized.revision, /^q8-/);
      assert.match(logs[0] ?? '', /^Embeddings: Xenova\/tiny-e5 \(q8, 64 dimensions\)/);
      const [a] = await quantized.embedQueries(['khai sinh']);
      const [b] = await embedder.embedQueries(['khai sinh']);
      assertClose(a!, b!, 1e-6, 'same seed, same vectors');
    } finally {
      await quantized.dispose();
    }
  });
});

describe('without a model', () => {
  test('EMBEDDINGS_MODEL_DIR pointing to an empty folder: undefined, and one line saying lexical only', async () => {
    const empty = await fs.mkdtemp(path.join(tmp, 'empty-'));
    const logs: string[] = [];
    assert.equal(await loadEmbedder({ env: { EMBEDDINGS_MODEL_DIR: empty }, log: (m) => logs.push(m) }), undefined);
    assert.equal(logs.length, 1);
    assert.match(logs[0]!, lexicalOnly);
    assert.ok(logs[0]!.includes(empty), logs[0]);
  });

  test('no EMBEDDINGS_MODEL_DIR and remote loading off: undefined, and the same line', async () => {
    const logs: string[] = [];
    assert.equal(await loadEmbedder({ env: {}, log: (m) => logs.push(m) }), undefined);
    assert.deepEqual(logs.length, 1);
    assert.match(logs[0]!, lexicalOnly);
    assert.match(logs[0]!, /EMBEDDINGS_MODEL_DIR is not set/);
  });

  test('with EMBEDDINGS_ALLOW_REMOTE=true the hub id is asked for, quantized, cached in EMBEDDINGS_MODEL_DIR (resolution only: no network here)', async () => {
    const dir = await fs.mkdtemp(path.join(tmp, 'cache-'));
    const source = resolveModelSource({ env: { EMBEDDINGS_MODEL_DIR: dir, EMBEDDINGS_ALLOW_REMOTE: 'true' } });
    assert.deepEqual(source, {
      reference: 'Xenova/multilingual-e5-small',
      folder: path.join(dir, 'Xenova/multilingual-e5-small'),
      modelId: 'Xenova/multilingual-e5-small',
      dtype: 'q8',
      remote: true,
      localModelPath: dir,
      cacheDir: dir,
    });
    assert.deepEqual(resolveModelSource({ env: { EMBEDDINGS_MODEL_DIR: dir, EMBEDDINGS_ALLOW_REMOTE: 'false' } }), {
      missing: `${dir} (neither ${path.join(dir, 'config.json')} nor ${path.join(dir, 'Xenova/multilingual-e5-small/config.json')} with its ONNX file; EMBEDDINGS_ALLOW_REMOTE is off)`,
    });
  });

  test('a folder with config.json but no ONNX file is no model either', async () => {
    const dir = await fs.mkdtemp(path.join(tmp, 'no-onnx-'));
    await fs.writeFile(path.join(dir, 'config.json'), '{"model_type":"bert"}');
    const logs: string[] = [];
    assert.equal(await loadEmbedder({ env: { EMBEDDINGS_MODEL_DIR: dir }, log: (m) => logs.push(m) }), undefined);
    assert.match(logs[0]!, lexicalOnly);
    assert.match(logs[0]!, /no onnx\/model_quantized\.onnx or onnx\/model\.onnx/);
  });
});

describe('reciprocalRankFusion', () => {
  test('orders by the sum of 1 / (k + rank) over the lists', () => {
    const fused = reciprocalRankFusion([
      ['a', 'b', 'c'],
      ['b', 'c', 'd'],
    ]);
    assert.deepEqual(
      fused.map((f) => f.id),
      ['b', 'c', 'a', 'd'],
    );
    assert.equal(fused[0]!.score, 1 / 62 + 1 / 61);
    assert.equal(fused[3]!.score, 1 / 63);
  });

  test('equal scores keep the order the ids were first met (first list first)', () => {
    assert.deepEqual(
      reciprocalRankFusion([
        ['x', 'y'],
        ['y', 'x'],
      ]).map((f) => f.id),
      ['x', 'y'],
    );
    assert.deepEqual(
      reciprocalRankFusion([['p'], ['q'], ['r']]).map((f) => f.id),
      ['p', 'q', 'r'],
    );
  });

  test('takes ids or { id } items, counts an id once per list, honours k, leaves its inputs alone', () => {
    const lexical = [{ id: 'faq-1', score: 9 }, { id: 'faq-2', score: 3 }];
    const dense = ['faq-2', 'faq-2', 'faq-3'];
    const fused = reciprocalRankFusion([lexical, dense], 1);
    assert.deepEqual(fused, [
      { id: 'faq-2', score: 1 / 3 + 1 / 2 },
      { id: 'faq-1', score: 1 / 2 },
      { id: 'faq-3', score: 1 / 4 },
    ]);
    assert.deepEqual(lexical, [{ id: 'faq-1', score: 9 }, { id: 'faq-2', score: 3 }]);
    assert.deepEqual(dense, ['faq-2', 'faq-2', 'faq-3']);
    assert.deepEqual(reciprocalRankFusion([]), []);
  });
});

describe('passageText', () => {
  test('title, other questions, then the start of the body cut at a word', () => {
    const text = passageText({ title: ' Đăng ký  khai sinh ', questions: ['làm giấy khai sinh'], body: 'một hai ba bốn năm sáu bảy tám' }, 12);
    assert.equal(text, 'Đăng ký khai sinh\nlàm giấy khai sinh\nmột hai ba');
  });
});
