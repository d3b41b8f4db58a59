/**
 * Conversations and their turns, in the CMS's database (SQLite file or PostgreSQL), in two tables
 * the assistant owns and creates itself. Strapi leaves tables it never created alone.
 *
 * - `assistant_conversations`: id (UUID), status (`open` | `waiting_for_staff`), locale, the context
 *   carried to the next turn, number of turns, created/updated/waiting-since times.
 * - `assistant_turns`: one row per question: position in the conversation, question, answer, kind
 *   (the decision), reason, confidence, sources (JSON), locale, latency, `feedback` (+1 / −1, set
 *   later by the widget) and its time, created time.
 *
 * SQLite is shared with the Strapi process: the connection uses WAL (readers never wait for the
 * writer) and a busy timeout, and every write starts with the statement that takes the write lock.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import knex, { type Knex } from 'knex';
import type { Locale } from '@portal/search';
import type { Kind, TurnContext } from './assistant';
import type { Source } from './compose';

export type ConversationStatus = 'open' | 'waiting_for_staff';

export type Conversation = { id: string; status: ConversationStatus; locale: Locale; context: TurnContext; turns: number };

export type TurnRecord = {
  question: string;
  answer: string;
  kind: Kind;
  reason: string;
  confidence: number;
  sources: Source[];
  locale: Locale;
  latencyMs: number;
  /** What the next turn inherits; undefined keeps the conversation's current context. */
  context?: TurnContext;
};

export type StoredTurn = TurnRecord & { id: string; position: number; feedback: number | null; createdAt: string };

/** Where a turn was stored: its conversation (new or given) and the turn's own id. */
export type RecordedTurn = { conversationId: string; turnId: string };

/** A citizen's rating of a reply: +1 (helpful) or −1 (not helpful). */
export type FeedbackValue = 1 | -1;

export interface ConversationStore {
  find(id: string): Promise<Conversation | undefined>;
  /**
   * Stores a turn in one transaction: creates the conversation when `id` is undefined, appends
   * the turn, updates the context and, for a handoff, marks the conversation waiting for staff.
   * @returns the conversation id and the new turn's id
   */
  record(id: string | undefined, turn: TurnRecord): Promise<RecordedTurn>;
  /**
   * Sets (or replaces) the feedback of a turn of this conversation.
   * @returns false when the conversation has no turn with this id
   */
  feedback(conversationId: string, turnId: string, value: FeedbackValue): Promise<boolean>;
  turns(id: string): Promise<StoredTurn[]>;
  close(): Promise<void>;
}

export type DatabaseSettings = { client: 'sqlite'; filename: string } | { client: 'postgres'; url: string; ssl?: boolean; poolMax?: number };

export const conversationsTable = 'assistant_conversations';
export const turnsTable = 'assistant_turns';

/** A knex connection to the CMS database as `settings().database` describes it. */
export function connect(database: DatabaseSettings): Knex {
  if (database.client === 'postgres') {
    return knex({
      client: 'pg',
      connection: { connectionString: database.url, ssl: database.ssl ? { rejectUnauthorized: true } : false },
      pool: { min: 0, max: Math.max(1, Math.min(database.poolMax ?? 5, 5)) },
    });
  }
  fs.mkdirSync(path.dirname(database.filename), { recursive: true });
  return knex({
    client: 'better-sqlite3',
    connection: { filename: database.filename },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate: (connection: { pragma: (sql: string) => unknown }, done: (error: Error | null, connection: unknown) => void) => {
        try {
          connection.pragma('busy_timeout = 10000');
          connection.pragma('journal_mode = WAL');
          done(null, connection);
        } catch (error) {
          done(error as Error, connection);
        }
      },
    },
  });
}

const json = (value: unknown): string => JSON.stringify(value ?? null);
const parse = <T>(value: unknown, fallback: T): T => {
  if (value === null || value === undefined) return fallback;
  if (typeof value !== 'string') return value as T;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
};
const isoNow = (): string => new Date().toISOString();
const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString());

export class KnexConversationStore implements ConversationStore {
  private ready: Promise<void> | undefined;

  constructor(readonly db: Knex) {}

  /** Creates the tables if they are missing (several instances may race: the loser's error is ignored when the table exists). */
  ensureSchema(): Promise<void> {
    this.ready ??= (async () => {
      // A schema builder collects statements: each call needs a fresh one.
      const schema = () => this.db.schema;
      if (!(await schema().hasTable(conversationsTable))) {
        await schema()
          .createTable(conversationsTable, (t) => {
            t.string('id', 36).primary();
            t.string('status', 32).notNullable().defaultTo('open');
            t.string('locale', 8).notNullable();
            t.text('context');
            t.integer('turn_count').notNullable().defaultTo(0);
            t.timestamp('created_at', { useTz: true }).notNullable();
            t.timestamp('updated_at', { useTz: true }).notNullable();
            t.timestamp('waiting_since', { useTz: true });
            t.index(['status', 'updated_at'], `${conversationsTable}_status_idx`);
          })
          .catch(async (error: Error) => {
            if (!(await schema().hasTable(conversationsTable))) throw error;
          });
      }
      if (!(await schema().hasTable(turnsTable))) {
        await schema()
          .createTable(turnsTable, (t) => {
            t.increments('id').primary();
            t.string('conversation_id', 36).notNullable().references('id').inTable(conversationsTable).onDelete('CASCADE');
            t.integer('position').notNullable();
            t.text('question').notNullable();
            t.text('answer').notNullable();
            t.string('kind', 16).notNullable();
            t.string('reason', 64).notNullable();
            t.float('confidence').notNullable();
            t.text('sources').notNullable();
            t.string('locale', 8).notNullable();
            t.integer('latency_ms').notNullable();
            t.smallint('feedback');
            t.timestamp('feedback_at', { useTz: true });
            t.timestamp('created_at', { useTz: true }).notNullable();
            t.unique(['conversation_id', 'position'], { indexName: `${turnsTable}_position_unique` });
          })
          .catch(async (error: Error) => {
            if (!(await schema().hasTable(turnsTable))) throw error;
          });
      }
    })().catch((error: Error) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  async find(id: string): Promise<Conversation | undefined> {
    await this.ensureSchema();
    const row = await this.db(conversationsTable).where({ id }).first();
    if (!row) return undefined;
    return { id: row.id, status: row.status, locale: row.locale, context: parse<TurnContext>(row.context, {}), turns: Number(row.turn_count) };
  }

  async record(id: string | undefined, turn: TurnRecord): Promise<RecordedTurn> {
    await this.ensureSchema();
    return this.db.transaction(async (trx) => {
      const now = isoNow();
      const conversationId = id ?? crypto.randomUUID();
      const handoff = turn.kind === 'handoff';
      if (id === undefined) {
        await trx(conversationsTable).insert({
          id: conversationId,
          status: handoff ? 'waiting_for_staff' : 'open',
          locale: turn.locale,
          context: json(turn.context ?? {}),
          turn_count: 1,
          created_at: now,
          updated_at: now,
          waiting_since: handoff ? now : null,
        });
      } else {
        // The first statement writes: it takes SQLite's write lock (or PostgreSQL's row lock) at once.
        const changes: Record<string, unknown> = { turn_count: trx.raw('turn_count + 1'), updated_at: now };
        if (turn.context !== undefined) changes.context = json(turn.context);
        if (handoff) changes.status = 'waiting_for_staff';
        const updated = await trx(conversationsTable).where({ id }).update(changes);
        if (updated === 0) throw new ConversationNotFound(id);
        if (handoff) await trx(conversationsTable).where({ id }).whereNull('waiting_since').update({ waiting_since: now });
      }
      const { turn_count: position } = (await trx(conversationsTable).where({ id: conversationId }).first('turn_count')) as { turn_count: number };
      const [inserted] = await trx(turnsTable)
        .insert({
          conversation_id: conversationId,
          position: Number(position),
          question: turn.question,
          answer: turn.answer,
          kind: turn.kind,
          reason: turn.reason,
          confidence: turn.confidence,
          sources: json(turn.sources),
          locale: turn.locale,
          latency_ms: Math.round(turn.latencyMs),
          created_at: now,
        })
        .returning('id');
      // PostgreSQL and SQLite (RETURNING) give { id }; older drivers a bare id.
      const turnId = String(typeof inserted === 'object' && inserted !== null ? (inserted as { id: unknown }).id : inserted);
      return { conversationId, turnId };
    });
  }

  async feedback(conversationId: string, turnId: string, value: FeedbackValue): Promise<boolean> {
    await this.ensureSchema();
    if (!/^\d{1,15}$/.test(turnId)) return false;
    const updated = await this.db(turnsTable)
      .where({ id: Number(turnId), conversation_id: conversationId })
      .update({ feedback: value, feedback_at: isoNow() });
    return updated > 0;
  }

  async turns(id: string): Promise<StoredTurn[]> {
    await this.ensureSchema();
    const rows = await this.db(turnsTable).where({ conversation_id: id }).orderBy('position');
    return rows.map((r) => ({
      id: String(r.id),
      position: Number(r.position),
      question: r.question,
      answer: r.answer,
      kind: r.kind,
      reason: r.reason,
      confidence: Number(r.confidence),
      sources: parse<Source[]>(r.sources, []),
      locale: r.locale,
      latencyMs: Number(r.latency_ms),
      feedback: r.feedback === null || r.feedback === undefined ? null : Number(r.feedback),
      createdAt: iso(r.created_at),
    }));
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

export class ConversationNotFound extends Error {
  constructor(readonly id: string) {
    super(`No conversation ${id}`);
  }
}

/** Conversations in memory: for the evaluation and tests that need no database. */
export class MemoryConversationStore implements ConversationStore {
  private readonly conversations = new Map<string, Conversation & { log: StoredTurn[] }>();
  private lastTurnId = 0;

  async find(id: string): Promise<Conversation | undefined> {
    const c = this.conversations.get(id);
    return c ? { id: c.id, status: c.status, locale: c.locale, context: c.context, turns: c.turns } : undefined;
  }

  async record(id: string | undefined, turn: TurnRecord): Promise<RecordedTurn> {
    if (id !== undefined && !this.conversations.has(id)) throw new ConversationNotFound(id);
    const conversationId = id ?? crypto.randomUUID();
    const c = this.conversations.get(conversationId) ?? { id: conversationId, status: 'open' as ConversationStatus, locale: turn.locale, context: {}, turns: 0, log: [] };
    c.turns += 1;
    if (turn.context !== undefined) c.context = turn.context;
    if (turn.kind === 'handoff') c.status = 'waiting_for_staff';
    const turnId = String(++this.lastTurnId);
    c.log.push({ ...turn, id: turnId, position: c.turns, feedback: null, createdAt: isoNow() });
    this.conversations.set(conversationId, c);
    return { conversationId, turnId };
  }

  async feedback(conversationId: string, turnId: string, value: FeedbackValue): Promise<boolean> {
    const turn = this.conversations.get(conversationId)?.log.find((t) => t.id === turnId);
    if (!turn) return false;
    turn.feedback = value;
    return true;
  }

  async turns(id: string): Promise<StoredTurn[]> {
    return this.conversations.get(id)?.log ?? [];
  }

  async close(): Promise<void> {}
}
