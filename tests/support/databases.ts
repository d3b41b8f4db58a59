import { describe, test } from 'node:test';
import pg from 'pg';

export type TestDatabase = 'sqlite' | 'postgres';

/** Server the PostgreSQL tests create their throw-away databases on. */
export const postgresServerUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Which databases the integration tests run on: `TEST_DATABASES=sqlite,postgres` (the default).
 * A database named in TEST_DATABASES is required: if PostgreSQL is unreachable the tests fail.
 * Without TEST_DATABASES, PostgreSQL runs when reachable and is reported as not run otherwise.
 */
export function databaseRequested(db: TestDatabase): 'required' | 'if-available' | 'no' {
  const list = process.env.TEST_DATABASES;
  if (!list) return db === 'sqlite' ? 'required' : 'if-available';
  return list.split(',').map((s) => s.trim()).includes(db) ? 'required' : 'no';
}

export async function postgresReachable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: postgresServerUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates an empty database for one test run and returns its URL and a function that drops it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `portal_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: postgresServerUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  await admin.end();
  const url = new URL(postgresServerUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresServerUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * `describe(`${title} on ${database}`)` when that database is under test and reachable; when
 * PostgreSQL is optional and absent, one skipped test that says plainly the suite did not run.
 */
export function describeOnDatabase(title: string, database: TestDatabase, body: () => void): void {
  const requested = databaseRequested(database);
  if (requested === 'no') return;
  describe(`${title} on ${database}`, async () => {
    if (database === 'postgres' && requested === 'if-available') {
      const unreachable = await postgresReachable();
      if (unreachable) {
        test(`PostgreSQL tests: NOT RUN, no server at ${postgresServerUrl} (${unreachable})`, { skip: 'PostgreSQL unreachable' }, () => {});
        return;
      }
    }
    body();
  });
}
