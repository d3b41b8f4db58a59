/**
 * The conversation store on a real SQLite file (PostgreSQL is covered by tests/bot/bot-http.postgres.test.ts).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ConversationNotFound, KnexConversationStore, MemoryConversationStore, connect, conversationsTable, turnsTable, type TurnRecord } from '../src/store';

let dir: string;
let store: KnexConversationStore;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-store-'));
  store = new KnexConversationStore(connect({ client: 'sqlite', filename: path.join(dir, 'portal.db') }));
  await store.ensureSchema();
});
after(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const turn = (over: Partial<TurnRecord> = {}): TurnRecord => ({
  question: 'Đăng ký kết hôn cần giấy tờ gì?',
  answer: 'Tờ khai, căn cước.',
  kind: 'answer',
  reason: 'faq',
  confidence: 0.9,
  sources: [{ type: 'faq', documentId: 'd1', code: null, title: 'Hỏi', url: '/hoi-dap/x', key: 'x' }],
  locale: 'vi',
  latencyMs: 12.4,
  context: { topic: '1.000894' },
  ...over,
});

test('the tables are created once, in WAL mode with a busy timeout, and creating them again is harmless', async () => {
  assert.equal(await store.db.schema.hasTable(conversationsTable), true);
  assert.equal(await store.db.schema.hasTable(turnsTable), true);
  const [mode] = (await store.db.raw('pragma journal_mode')) as { journal_mode: string }[];
  assert.equal(mode!.journal_mode, 'wal');
  const [timeout] = (await store.db.raw('pragma busy_timeout')) as { timeout: number }[];
  assert.ok(Object.values(timeout!)[0]! >= 5000);
  const again = new KnexConversationStore(store.db);
  await again.ensureSchema();
});

test('a turn opens a conversation; later turns append in order and carry the context', async () => {
  const first = await store.record(undefined, turn());
  const id = first.conversationId;
  assert.match(id, /^[0-9a-f-]{36}$/);
  assert.match(first.turnId, /^\d+$/);
  assert.deepEqual(await store.find(id), { id, status: 'open', locale: 'vi', context: { topic: '1.000894' }, turns: 1 });
  await store.record(id, turn({ question: 'còn lệ phí?', context: { topic: '1.000894', aspects: ['fee'] } }));
  const third = await store.record(id, turn({ question: 'thời tiết?', kind: 'refuse', reason: 'refuse:outOfScope', sources: [], context: undefined }));
  assert.equal(third.conversationId, id);
  const turns = await store.turns(id);
  assert.equal(turns[0]!.id, first.turnId);
  assert.equal(turns[2]!.id, third.turnId);
  assert.deepEqual(turns.map((t) => [t.position, t.question, t.kind]), [
    [1, 'Đăng ký kết hôn cần giấy tờ gì?', 'answer'],
    [2, 'còn lệ phí?', 'answer'],
    [3, 'thời tiết?', 'refuse'],
  ]);
  assert.deepEqual(turns[0]!.sources[0]!.url, '/hoi-dap/x');
  assert.equal(turns[0]!.feedback, null);
  assert.ok(!Number.isNaN(Date.parse(turns[0]!.createdAt)));
  assert.deepEqual((await store.find(id))!.context, { topic: '1.000894', aspects: ['fee'] }, 'a refusal keeps the context');
});

test('a handoff marks the conversation waiting for staff, with the time', async () => {
  const { conversationId: id } = await store.record(undefined, turn());
  await store.record(id, turn({ kind: 'handoff', reason: 'handoff:requested', sources: [] }));
  assert.equal((await store.find(id))!.status, 'waiting_for_staff');
  const row = await store.db(conversationsTable).where({ id }).first();
  assert.ok(row.waiting_since);
  const { conversationId: opened } = await store.record(undefined, turn({ kind: 'handoff', reason: 'handoff:low-confidence' }));
  assert.equal((await store.find(opened))!.status, 'waiting_for_staff');
});

test('a turn for an unknown conversation is refused and writes nothing', async () => {
  const before = Number((await store.db(turnsTable).count({ n: '*' }))[0]!.n);
  await assert.rejects(store.record('00000000-0000-4000-8000-000000000000', turn()), ConversationNotFound);
  assert.equal(Number((await store.db(turnsTable).count({ n: '*' }))[0]!.n), before);
});

test('turns recorded at the same time in one conversation get distinct positions', async () => {
  const { conversationId: id } = await store.record(undefined, turn());
  await Promise.all(Array.from({ length: 8 }, (_, i) => store.record(id, turn({ question: `q${i}` }))));
  const positions = (await store.turns(id)).map((t) => t.position);
  assert.deepEqual(positions, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

test('the in-memory store behaves the same way', async () => {
  const memory = new MemoryConversationStore();
  const { conversationId: id, turnId } = await memory.record(undefined, turn());
  await memory.record(id, turn({ kind: 'handoff', reason: 'handoff:requested', context: undefined }));
  assert.equal((await memory.find(id))!.status, 'waiting_for_staff');
  assert.deepEqual((await memory.turns(id)).map((t) => t.position), [1, 2]);
  await assert.rejects(memory.record('nope', turn()), ConversationNotFound);
  assert.equal(await memory.feedback(id, turnId, -1), true);
  assert.equal((await memory.turns(id))[0]!.feedback, -1);
  assert.equal(await memory.feedback(id, '999', 1), false);
});

test('feedback is stored on a turn of its conversation only, and a second vote replaces the first', async () => {
  const { conversationId: id, turnId } = await store.record(undefined, turn());
  const other = await store.record(undefined, turn());
  assert.equal(await store.feedback(id, turnId, 1), true);
  let row = await store.db(turnsTable).where({ id: Number(turnId) }).first();
  assert.equal(Number(row.feedback), 1);
  assert.ok(row.feedback_at);
  assert.equal(await store.feedback(id, turnId, -1), true);
  row = await store.db(turnsTable).where({ id: Number(turnId) }).first();
  assert.equal(Number(row.feedback), -1);
  assert.equal((await store.turns(id))[0]!.feedback, -1);
  assert.equal(await store.feedback(other.conversationId, turnId, 1), false, 'a turn of another conversation');
  assert.equal(await store.feedback(id, 'abc', 1), false);
  assert.equal((await store.turns(other.conversationId))[0]!.feedback, null);
});
