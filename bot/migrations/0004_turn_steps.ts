/**
 * Each turn keeps the assistant's steps (switch, normalise, focus, rules, retrieve, decide, compose,
 * check) with their status and reason, as JSON, so staff see why a reply is what it is. Older turns
 * have none.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('assistant_turns', (t) => {
    t.text('steps');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('assistant_turns', (t) => {
    t.dropColumn('steps');
  });
}
