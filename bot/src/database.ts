/**
 * The assistant's connection to the database it shares with the CMS: the SQLite file of the data
 * folder (opened in WAL mode with a busy timeout, as Strapi's own connection is busy beside it) or
 * PostgreSQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import knex, { type Knex } from 'knex';
import type { DatabaseSettings } from '@portal/cms/environment';

export type { DatabaseSettings };

/** A knex connection as `sharedSettings().database` describes it. */
export function connect(database: DatabaseSettings): Knex {
  // Without this knex writes each failed statement with its bound values (a citizen's question)
  // into the error message, which ends up in the log.
  const common = { compileSqlOnError: false };
  if (database.client === 'postgres') {
    return knex({
      ...common,
      client: 'pg',
      connection: { connectionString: database.url, ssl: database.ssl ? { rejectUnauthorized: true } : false },
      pool: { min: 0, max: Math.max(1, Math.min(database.poolMax, 5)) },
    });
  }
  fs.mkdirSync(path.dirname(database.filename), { recursive: true });
  return knex({
    ...common,
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
          // better-sqlite3 is synchronous: with FULL every commit waits for an fsync of the WAL while
          // the event loop stands still (1.9 ms a turn, against 0.8 ms). In WAL mode NORMAL cannot
          // corrupt the file; a power cut may lose the last turns (docs/decisions/0006).
          connection.pragma('synchronous = NORMAL');
          done(null, connection);
        } catch (error) {
          done(error as Error, connection);
        }
      },
    },
  });
}
