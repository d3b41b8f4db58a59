/**
 * The assistant's own data on a real database (a fresh SQLite file, or a fresh PostgreSQL database
 * dropped afterwards): its migrations, the conversation store, masking before storage, the
 * retention purge. No CMS: the assistant's tables stand alone.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Knex } from 'knex';
import type { DatabaseSettings } from '@portal/cms/environment';
import {
  appliedMigrations,
  connect,
  ConversationNotFound,
  conversationsTable,
  KnexConversationStore,
  migrate,
  migrationsTable,
  secretHash,
  startPurging,
  turnsTable,
  type TurnRecord,
} from '@portal/bot';
import { createPostgresDatabase, describeOnDatabase, type TestDatabase } from '../support/databases';
import { createOldSchema } from './fixtures/old-schema';

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
  steps: [
    { step: 'switch', status: 'ok', reason: 'answering-on', ms: 0.01 },
    { step: 'decide', status: 'ok', reason: 'faq', ms: 3.2 },
  ],
  ...over,
});
const hash = () => secretHash(crypto.randomBytes(32).toString('base64url'));
const count = async (db: Knex, table: string) => Number((await db(table).count({ n: '*' }))[0]!.n);

export function conversationsSuite(database: TestDatabase): void {
  describeOnDatabase('the assistant’s conversations', database, () => {
    const cleanups: (() => Promise<void>)[] = [];
    /** A connection to a new, empty database of the kind under test. */
    async function emptyDatabase(): Promise<Knex> {
      let settings: DatabaseSettings;
      if (database === 'postgres') {
        const created = await createPostgresDatabase();
        settings = { client: 'postgres', url: created.url, ssl: false, poolMax: 5 };
        cleanups.push(created.drop);
      } else {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-conversations-'));
        settings = { client: 'sqlite', filename: path.join(dir, 'portal.db') };
        cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
      }
      const db = connect(settings);
      cleanups.unshift(() => db.destroy());
      return db;
    }
    let db: Knex;
    let store: KnexConversationStore;
    before(async () => {
      db = await emptyDatabase();
      await migrate(db);
      store = new KnexConversationStore(db);
    });
    after(async () => {
      for (const cleanup of cleanups) await cleanup();
    });

    test('a fresh database is brought to the latest version under the assistant’s own migrations table; running again changes nothing', async () => {
      const fresh = await emptyDatabase();
      const ran = await migrate(fresh);
      assert.deepEqual(ran, ['0001_conversations', '0002_conversation_secrets', '0003_mask_stored_questions', '0004_turn_steps']);
      assert.deepEqual(await appliedMigrations(fresh), ran);
      assert.equal(await fresh.schema.hasTable(migrationsTable), true);
      assert.equal(await fresh.schema.hasTable('knex_migrations'), false, 'not the default table another tool might use');
      assert.equal(await fresh.schema.hasColumn(conversationsTable, 'token_hash'), true);
      assert.deepEqual(await migrate(fresh), []);
      assert.equal(await count(fresh, migrationsTable), 4);
    });

    test('a database created by the old ensureSchema is migrated without losing a row, and its stored questions are masked', async () => {
      const old = await emptyDatabase();
      const ids = await createOldSchema(old);
      const before = { conversations: await count(old, conversationsTable), turns: await count(old, turnsTable) };
      assert.deepEqual(await migrate(old), ['0001_conversations', '0002_conversation_secrets', '0003_mask_stored_questions', '0004_turn_steps']);
      assert.deepEqual({ conversations: await count(old, conversationsTable), turns: await count(old, turnsTable) }, before);
      const rows = await old(turnsTable).orderBy('id');
      assert.deepEqual(
        rows.map((r) => r.question),
        ['Tôi ở [địa chỉ], số [số điện thoại], làm khai sinh cần gì?', 'còn lệ phí thì sao?'],
      );
      assert.equal(Number(rows[1].feedback), 1, 'other columns kept');
      const conversation = await old(conversationsTable).where({ id: ids[0] }).first();
      assert.equal(conversation.token_hash, null, 'an old id, stored as it was, opens nothing any more');
      const snapshot = JSON.stringify(await old(turnsTable).orderBy('id'));
      assert.deepEqual(await migrate(old), []);
      assert.equal(JSON.stringify(await old(turnsTable).orderBy('id')), snapshot, 'running twice changes nothing');
    });

    if (database === 'sqlite') {
      test('SQLite is opened in WAL mode with a busy timeout, and commits without waiting for an fsync (synchronous = NORMAL)', async () => {
        const pragma = async (name: string) => Object.values((await db.raw<Record<string, unknown>[]>(`pragma ${name}`))[0]!)[0];
        assert.equal(await pragma('journal_mode'), 'wal');
        assert.ok(Number(await pragma('busy_timeout')) >= 5000);
        assert.equal(await pragma('synchronous'), 1);
      });
    }

    test('a turn opens a conversation known by the hash of its secret; later turns append in order and carry the context', async () => {
      const tokenHash = hash();
      const first = await store.start(tokenHash, turn());
      const id = first.conversationId;
      assert.match(id, /^[0-9a-f-]{36}$/, 'an internal UUID');
      assert.match(first.turnId, /^\d+$/);
      assert.deepEqual(await store.find(tokenHash), { id, status: 'open', locale: 'vi', context: { topic: '1.000894' }, turns: 1 });
      assert.equal(await store.find(hash()), undefined);
      await store.record(id, turn({ question: 'còn lệ phí?', context: { topic: '1.000894', aspects: ['fee'] } }));
      const third = await store.record(id, turn({ question: 'thời tiết?', kind: 'refuse', reason: 'refuse:outOfScope', sources: [], context: undefined }));
      const turns = await store.turns(id);
      assert.equal(turns[2]!.id, third.turnId);
      assert.deepEqual(turns.map((t) => [t.position, t.question, t.kind]), [
        [1, 'Đăng ký kết hôn cần giấy tờ gì?', 'answer'],
        [2, 'còn lệ phí?', 'answer'],
        [3, 'thời tiết?', 'refuse'],
      ]);
      assert.deepEqual((await store.find(tokenHash))!.context, { topic: '1.000894', aspects: ['fee'] }, 'a refusal keeps the context');
      assert.deepEqual(turns[0]!.steps, turn().steps, 'the pipeline’s steps come back as stored');
    });

    test('personal data in a question is masked before it is written', async () => {
      const { conversationId } = await store.start(hash(), turn({ question: 'CCCD 001234567890, sđt 0912345678, mail an@example.vn: cấp lại căn cước?' }));
      const [row] = await db(turnsTable).where({ conversation_id: conversationId });
      assert.equal(row.question, 'CCCD [số định danh], sđt [số điện thoại], mail [email]: cấp lại căn cước?');
    });

    test('a handoff marks the conversation waiting for staff, with the time', async () => {
      const tokenHash = hash();
      const { conversationId: id } = await store.start(tokenHash, turn());
      await store.record(id, turn({ kind: 'handoff', reason: 'handoff:requested', sources: [] }));
      assert.equal((await store.find(tokenHash))!.status, 'waiting_for_staff');
      assert.ok((await db(conversationsTable).where({ id }).first()).waiting_since);
    });

    test('a turn for an unknown conversation is refused and writes nothing', async () => {
      const stored = await count(db, turnsTable);
      await assert.rejects(store.record(crypto.randomUUID(), turn()), ConversationNotFound);
      assert.equal(await count(db, turnsTable), stored);
    });

    test('turns recorded at the same time in one conversation get distinct positions', async () => {
      const { conversationId: id } = await store.start(hash(), turn());
      await Promise.all(Array.from({ length: 8 }, (_, i) => store.record(id, turn({ question: `q${i}` }))));
      assert.deepEqual((await store.turns(id)).map((t) => t.position), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    test('feedback is stored on a turn of its conversation only, and a second vote replaces the first', async () => {
      const { conversationId: id, turnId } = await store.start(hash(), turn());
      const other = await store.start(hash(), turn());
      assert.equal(await store.feedback(id, turnId, 1), true);
      assert.equal(await store.feedback(id, turnId, -1), true);
      const row = await db(turnsTable).where({ id: Number(turnId) }).first();
      assert.equal(Number(row.feedback), -1);
      assert.ok(row.feedback_at);
      assert.equal(await store.feedback(other.conversationId, turnId, 1), false, 'a turn of another conversation');
      assert.equal(await store.feedback(id, 'abc', 1), false);
      assert.equal((await store.turns(other.conversationId))[0]!.feedback, null);
    });

    test('the retention purge deletes conversations older than the period with their turns, and keeps recent ones', async () => {
      const old = await store.start(hash(), turn());
      await store.record(old.conversationId, turn({ question: 'còn lệ phí?' }));
      const recent = await store.start(hash(), turn());
      const longAgo = new Date(Date.now() - 91 * 24 * 3600 * 1000).toISOString();
      await db(conversationsTable).where({ id: old.conversationId }).update({ created_at: longAgo, updated_at: longAgo });
      const logs: string[] = [];
      const stop = startPurging(store, 90, (m) => logs.push(m));
      await stop();
      assert.equal(await db(conversationsTable).where({ id: old.conversationId }).first(), undefined);
      assert.deepEqual(await db(turnsTable).where({ conversation_id: old.conversationId }), []);
      assert.ok(await db(conversationsTable).where({ id: recent.conversationId }).first(), 'a recent conversation stays');
      assert.equal((await store.turns(recent.conversationId)).length, 1);
      assert.ok(logs.some((l) => /^Retention: deleted 1 conversations \(2 turns\) older than 90 days$/.test(l)), logs.join('\n'));
    });
  });
}
