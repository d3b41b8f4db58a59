/**
 * The assistant's own database migrations (knex), in order. They run when the assistant starts
 * (`migrate(db)`), under their own bookkeeping tables, so the CMS's (Strapi's) and the assistant's
 * migrations never mix. A new migration is a new file here and a line below; a released one never changes.
 */
import type { Knex } from 'knex';
import * as conversations from './0001_conversations';
import * as conversationSecrets from './0002_conversation_secrets';
import * as maskStoredQuestions from './0003_mask_stored_questions';
import * as turnSteps from './0004_turn_steps';

type Migration = { up: (knex: Knex) => Promise<void>; down: (knex: Knex) => Promise<void> };

const migrations: Record<string, Migration> = {
  '0001_conversations': conversations,
  '0002_conversation_secrets': conversationSecrets,
  '0003_mask_stored_questions': maskStoredQuestions,
  '0004_turn_steps': turnSteps,
};

/** The assistant's bookkeeping tables (knex adds `_lock` for the second). */
export const migrationsTable = 'assistant_migrations';

/** The migrations as knex's migrator reads them: listed here, not found by scanning a folder. */
const source: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name]!,
};

/**
 * Brings the database to the latest version; several instances starting together take turns
 * (knex's lock table). @returns the names of the migrations it ran
 */
export async function migrate(db: Knex): Promise<string[]> {
  const [, ran] = (await db.migrate.latest({ migrationSource: source, tableName: migrationsTable })) as [number, string[]];
  return ran;
}

/** The migrations applied to this database, in order. */
export async function appliedMigrations(db: Knex): Promise<string[]> {
  const [completed] = (await db.migrate.list({ migrationSource: source, tableName: migrationsTable })) as [{ name: string }[], unknown];
  return completed.map((m) => (typeof m === 'string' ? m : m.name));
}
