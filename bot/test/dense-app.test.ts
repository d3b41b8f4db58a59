/**
 * Dense retrieval wired into the running assistant, end to end, with a TINY RANDOM model generated
 * at test time (support/tiny-model.ts), not multilingual-e5-small: `startBot` finds the model
 * through EMBEDDINGS_MODEL_DIR, embeds the sample content (seeds/data) in the background, writes its
 * vectors to the data folder and fuses the dense list with the lexical one. The random vectors mean
 * nothing: this proves the wiring, not the quality of real embeddings.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startBot, type RunningBot } from '../src/app';
import { vectorFiles } from '../src/embeddings/store';
import { temporaryDatabase } from './helpers';
import { SeedContentSource } from './support/seed-content';
import { writeTinyModel, type TinyModel } from './support/tiny-model';

let tmp: string;
const database = temporaryDatabase();
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-dense-app-'));
});
after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  database.remove();
});

const start = (modelDir: string, vectorsDir: string, logs: string[]): Promise<RunningBot> =>
  startBot({
    config: { port: 0, host: '127.0.0.1', refreshSeconds: 3600, database: database.database, embeddings: { modelDir, allowRemote: false, vectorsDir } },
    content: new SeedContentSource(),
    waitForContent: true,
    log: (m) => logs.push(m),
  });

describe('the assistant with dense retrieval, using a tiny random model generated at test time', () => {
  let model: TinyModel;
  let bot: RunningBot | undefined;
  const dir = () => path.join(tmp, 'assistant', 'vectors');

  before(async () => {
    model = await writeTinyModel({ dir: path.join(tmp, 'tiny-random-bert') });
  });
  after(async () => {
    await bot?.close();
  });

  test('with EMBEDDINGS_MODEL_DIR set, the content is embedded into the data folder and questions are retrieved through the fusion', async () => {
    const logs: string[] = [];
    bot = await start(model.dir, dir(), logs);
    // Listening and answering does not wait for the first dense sync.
    const early = await fetch(`${bot.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'Đăng ký khai sinh cần giấy tờ gì?' }) });
    assert.equal(early.status, 200);

    const dense = await bot.dense;
    assert.ok(dense, `the dense retriever joined: ${logs.join(' | ')}`);
    assert.deepEqual(bot.knowledge.retriever.retrievers.map((r) => r.name), ['lexical', 'dense']);
    assert.ok(logs.some((l) => /^Embeddings: tiny-random-bert \(fp32, 64 dimensions\) from /.test(l)), logs.join('\n'));
    assert.ok(logs.some((l) => /^Embeddings: vi: \d+ embedded, 0 removed, 0 unchanged/.test(l)), logs.join('\n'));
    assert.ok(logs.some((l) => l.startsWith('Embeddings: dense retrieval fused with the lexical one')));

    const files = vectorFiles(dir(), 'vi');
    assert.ok(fs.existsSync(files.data) && fs.existsSync(files.index), 'the vectors file is in the assistant’s own folder');
    const index = JSON.parse(fs.readFileSync(files.index, 'utf8')) as { model: string; dimensions: number; count: number };
    assert.equal(index.model, 'tiny-random-bert');
    assert.equal(index.dimensions, 64);
    assert.equal(index.count, bot.knowledge.counts().faqs.vi + bot.knowledge.counts().procedures.vi, 'one vector per Vietnamese document');
    assert.equal(fs.statSync(files.data).size, index.count * 64 * 4);

    // The dense retriever is really asked, and its hits are in the fused list.
    let calls = 0;
    const retrieve = dense.retrieve.bind(dense);
    dense.retrieve = async (query) => {
      calls += 1;
      return retrieve(query);
    };
    const fused = await bot.knowledge.retrieve('đăng ký khai sinh cho con', 'vi');
    assert.equal(calls, 1);
    assert.ok(fused.some((h) => h.signals.dense), 'dense hits are fused');
    assert.ok(fused.some((h) => h.signals.lexical && h.signals.dense), 'documents both retrievers found');

    const response = await fetch(`${bot.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'Đăng ký khai sinh cần giấy tờ gì?' }) });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { kind: string; sources: { url: string }[]; turnId: string };
    assert.ok(calls > 1, 'answering a question goes through the dense retriever');
    assert.equal(body.kind, 'answer');
    assert.ok(body.turnId);

    await bot.close();
    bot = undefined;
    const again: string[] = [];
    bot = await start(model.dir, dir(), again);
    assert.ok(await bot.dense);
    assert.ok(!again.some((l) => /embedded/.test(l)), `a restart reuses the saved vectors: ${again.join(' | ')}`);
  });

  test('without a model, one log line says lexical only and nothing else changes', async () => {
    await bot?.close();
    const logs: string[] = [];
    const empty = path.join(tmp, 'no-model');
    fs.mkdirSync(empty);
    bot = await start(empty, path.join(tmp, 'vectors-lexical'), logs);
    assert.equal(await bot.dense, undefined);
    assert.deepEqual(bot.knowledge.retriever.retrievers.map((r) => r.name), ['lexical']);
    assert.deepEqual(logs.filter((l) => l.startsWith('Embeddings:')), [logs.find((l) => /^Embeddings: no model at .+ — the assistant answers with lexical retrieval only$/.test(l))]);
    assert.ok(!fs.existsSync(path.join(tmp, 'vectors-lexical')), 'no vectors written');
    const fused = await bot.knowledge.retrieve('đăng ký khai sinh', 'vi');
    assert.ok(fused.length > 0 && fused.every((h) => Object.keys(h.signals).join() === 'lexical'));
  });
});
