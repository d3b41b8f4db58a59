/**
 * The id a citizen holds becomes a bearer secret kept only as its SHA-256 (`token_hash`); `id`
 * stays the internal id staff and logs use. Conversations from before have no secret: their ids
 * were stored and shown as they were, so they can no longer be continued from the portal (staff
 * still see them). `updated_at` gets an index for the retention purge.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('assistant_conversations', (t) => {
    t.string('token_hash', 64);
  });
  await knex.schema.alterTable('assistant_conversations', (t) => {
    t.unique(['token_hash'], { indexName: 'assistant_conversations_token_unique' });
    t.index(['updated_at'], 'assistant_conversations_updated_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('assistant_conversations', (t) => {
    t.dropIndex(['updated_at'], 'assistant_conversations_updated_idx');
    t.dropUnique(['token_hash'], 'assistant_conversations_token_unique');
  });
  await knex.schema.alterTable('assistant_conversations', (t) => {
    t.dropColumn('token_hash');
  });
}
