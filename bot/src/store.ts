/**
 * Conversations and their turns, in the database the assistant shares with the CMS (SQLite file or
 * PostgreSQL), in tables only the assistant writes, created and changed by its own migrations
 * (`bot/migrations`, docs/decisions/0006-assistant-data.md).
 *
 * - `assistant_conversations`: internal id (a UUID, for staff and logs), `token_hash` (SHA-256 of
 *   the secret the citizen holds; the secret itself is never stored), status (`open` |
 *   `waiting_for_staff`), locale, the context carried to the next turn, number of turns,
 *   created/updated/waiting-since times.
 * - `assistant_turns`: one row per question: position, the question with personal data masked,
 *   answer, kind, reason, confidence, sources (JSON), locale, latency, `feedback` (+1 / −1) and its
 *   time, created time, and `steps` (JSON): the pipeline's steps with their status and reason.
 */
import crypto from 'node:crypto';
import type { Knex } from 'knex';
import type { Locale } from '@portal/search';
import type { Kind, TurnContext } from './assistant';
import type { Source } from './compose';
import type { StepRecord } from './pipeline';
import { maskPersonalData } from './privacy';

export { connect, type DatabaseSettings } from './database';

export type ConversationStatus = 'open' | 'waiting_for_staff';

/** A conversation as the assistant sees it; `id` is the internal id, never the citizen's secret. */
export type Conversation = { id: string; status: ConversationStatus; locale: Locale; context: TurnContext; turns: number };

export type TurnRecord = {
  /** As typed: the store masks personal data before writing it. */
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
  /** The assistant's steps and why it stopped where it did (none for a turn staff were asked for). */
  steps?: StepRecord[];
};

export type StoredTurn = TurnRecord & { id: string; position: number; feedback: number | null; createdAt: string };

/** Where a turn was stored: its conversation's internal id and the turn's own id. */
export type RecordedTurn = { conversationId: string; turnId: string };

/** A citizen's rating of a reply: +1 (helpful) or −1 (not helpful). */
export type FeedbackValue = 1 | -1;

export interface ConversationStore {
  /** The conversation whose citizen secret has this SHA-256 (`secretHash`). */
  find(tokenHash: string): Promise<Conversation | undefined>;
  /** Opens a conversation, known by `tokenHash`, with its first turn, in one transaction. */
  start(tokenHash: string, turn: TurnRecord): Promise<RecordedTurn>;
  /**
   * Appends a turn to conversation `id` in one transaction, updates the context and, for a handoff,
   * marks it waiting for staff. @throws ConversationNotFound
   */
  record(id: string, turn: TurnRecord): Promise<RecordedTurn>;
  /** Sets (or replaces) the feedback of a turn of conversation `id`. @returns false when it has no such turn */
  feedback(id: string, turnId: string, value: FeedbackValue): Promise<boolean>;
  turns(id: string): Promise<StoredTurn[]>;
  /** Deletes the conversations not updated since `before`, with their turns. */
  purge(before: Date): Promise<{ conversations: number; turns: number }>;
  close(): Promise<void>;
}

export const conversationsTable = 'assistant_conversations';
export const turnsTable = 'assistant_turns';

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

/** A row of `assistant_conversations` as the drivers give it (PostgreSQL's bigint counts come as strings, JSON as text). */
type ConversationRow = { id: string; token_hash: string | null; status: ConversationStatus; locale: Locale; context: string | null; turn_count: number | string };
/** A row of `assistant_turns`, as the drivers give it. */
type TurnRow = {
  id: number | string;
  conversation_id: string;
  position: number | string;
  question: string;
  answer: string;
  kind: Kind;
  reason: string;
  confidence: number | string;
  sources: string | null;
  locale: Locale;
  latency_ms: number | string;
  feedback: number | string | null;
  created_at: string | Date;
  steps: string | null;
};

export class KnexConversationStore implements ConversationStore {
  /** The tables must exist: run `migrate(db)` (bot/migrations) first, as `startBot` does. */
  constructor(readonly db: Knex) {}

  async find(tokenHash: string): Promise<Conversation | undefined> {
    const row = await this.db<ConversationRow>(conversationsTable).where({ token_hash: tokenHash }).first();
    if (!row) return undefined;
    return { id: row.id, status: row.status, locale: row.locale, context: parse<TurnContext>(row.context, {}), turns: Number(row.turn_count) };
  }

  start(tokenHash: string, turn: TurnRecord): Promise<RecordedTurn> {
    return this.db.transaction(async (trx) => {
      const now = isoNow();
      const id = crypto.randomUUID();
      const handoff = turn.kind === 'handoff';
      await trx(conversationsTable).insert({
        id,
        token_hash: tokenHash,
        status: handoff ? 'waiting_for_staff' : 'open',
        locale: turn.locale,
        context: json(turn.context ?? {}),
        turn_count: 1,
        created_at: now,
        updated_at: now,
        waiting_since: handoff ? now : null,
      });
      return { conversationId: id, turnId: await this.insertTurn(trx, id, 1, turn, now) };
    });
  }

  record(id: string, turn: TurnRecord): Promise<RecordedTurn> {
    return this.db.transaction(async (trx) => {
      const now = isoNow();
      const handoff = turn.kind === 'handoff';
      // The first statement writes: it takes SQLite's write lock (or PostgreSQL's row lock) at once.
      const changes: Record<string, unknown> = { turn_count: trx.raw('turn_count + 1'), updated_at: now };
      if (turn.context !== undefined) changes.context = json(turn.context);
      if (handoff) changes.status = 'waiting_for_staff';
      const updated = await trx(conversationsTable).where({ id }).update(changes);
      if (updated === 0) throw new ConversationNotFound();
      if (handoff) await trx(conversationsTable).where({ id }).whereNull('waiting_since').update({ waiting_since: now });
      const { turn_count: position } = (await trx<ConversationRow>(conversationsTable).where({ id }).first('turn_count'))!;
      return { conversationId: id, turnId: await this.insertTurn(trx, id, Number(position), turn, now) };
    });
  }

  private async insertTurn(trx: Knex.Transaction, conversationId: string, position: number, turn: TurnRecord, now: string): Promise<string> {
    const [inserted] = await trx<TurnRow>(turnsTable)
      .insert({
        conversation_id: conversationId,
        position,
        question: maskPersonalData(turn.question),
        answer: turn.answer,
        kind: turn.kind,
        reason: turn.reason,
        confidence: turn.confidence,
        sources: json(turn.sources),
        locale: turn.locale,
        latency_ms: Math.round(turn.latencyMs),
        created_at: now,
        steps: json(turn.steps ?? []),
      })
      .returning('id');
    // PostgreSQL and SQLite (RETURNING) give { id }; older drivers a bare id.
    return String(typeof inserted === 'object' && inserted !== null ? (inserted as { id: unknown }).id : inserted);
  }

  async feedback(id: string, turnId: string, value: FeedbackValue): Promise<boolean> {
    if (!/^\d{1,15}$/.test(turnId)) return false;
    const updated = await this.db(turnsTable).where({ id: Number(turnId), conversation_id: id }).update({ feedback: value, feedback_at: isoNow() });
    return updated > 0;
  }

  async turns(id: string): Promise<StoredTurn[]> {
    const rows: TurnRow[] = await this.db<TurnRow>(turnsTable).where({ conversation_id: id }).orderBy('position');
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
      steps: parse<StepRecord[]>(r.steps, []),
    }));
  }

  purge(before: Date): Promise<{ conversations: number; turns: number }> {
    // Turns first and explicitly: SQLite enforces the foreign key's cascade only when asked to.
    return this.db.transaction(async (trx) => {
      const old = trx(conversationsTable).where('updated_at', '<', before.toISOString()).select('id');
      const turns = await trx(turnsTable).whereIn('conversation_id', old).delete();
      const conversations = await trx(conversationsTable).where('updated_at', '<', before.toISOString()).delete();
      return { conversations, turns };
    });
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/** No conversation has that id (it was purged meanwhile, or never existed). */
export class ConversationNotFound extends Error {
  override readonly name = 'ConversationNotFound';
  constructor() {
    super('No such conversation');
  }
}
