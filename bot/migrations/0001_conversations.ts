/**
 * The conversation tables as the assistant first created them (with `ensureSchema`, before it had
 * migrations). A database that already holds them is adopted as it is, rows and all: nothing is
 * created twice.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasTable('assistant_conversations'))) {
    await knex.schema.createTable('assistant_conversations', (t) => {
      t.string('id', 36).primary();
      t.string('status', 32).notNullable().defaultTo('open');
      t.string('locale', 8).notNullable();
      t.text('context');
      t.integer('turn_count').notNullable().defaultTo(0);
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable();
      t.timestamp('waiting_since', { useTz: true });
      t.index(['status', 'updated_at'], 'assistant_conversations_status_idx');
    });
  }
  if (!(await knex.schema.hasTable('assistant_turns'))) {
    await knex.schema.createTable('assistant_turns', (t) => {
      t.increments('id').primary();
      t.string('conversation_id', 36).notNullable().references('id').inTable('assistant_conversations').onDelete('CASCADE');
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
      t.unique(['conversation_id', 'position'], { indexName: 'assistant_turns_position_unique' });
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('assistant_turns');
  await knex.schema.dropTableIfExists('assistant_conversations');
}
