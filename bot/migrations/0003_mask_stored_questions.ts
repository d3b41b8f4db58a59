/**
 * Questions stored before masking existed hold identity numbers, phone numbers, e-mail and street
 * addresses as typed: they are masked in place, as new questions are (`maskPersonalData`). Masking
 * twice changes nothing, so a later, better masker may run again in a migration of its own.
 */
import type { Knex } from 'knex';
import { maskPersonalData } from '../src/privacy';

const batch = 500;

export async function up(knex: Knex): Promise<void> {
  for (let after = 0; ; ) {
    const rows = await knex<{ id: number; question: string }>('assistant_turns').where('id', '>', after).orderBy('id').limit(batch).select('id', 'question');
    if (rows.length === 0) return;
    for (const row of rows) {
      const masked = maskPersonalData(row.question);
      if (masked !== row.question) await knex('assistant_turns').where({ id: row.id }).update({ question: masked });
    }
    after = rows.at(-1)!.id;
  }
}

/** What was typed is gone: nothing to restore. */
export async function down(): Promise<void> {}
