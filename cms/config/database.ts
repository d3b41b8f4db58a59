import path from 'node:path';
import { ensurePrivateDir, ensurePrivateFile, makePrivate } from '../lib/private-files';
import { settings } from '../lib/settings';

export default () => {
  const { database } = settings();
  if (database.client === 'postgres') {
    return {
      connection: {
        client: 'postgres',
        connection: {
          connectionString: database.url,
          ssl: database.ssl ? { rejectUnauthorized: true } : false,
        },
        pool: { min: 0, max: database.poolMax },
      },
    };
  }
  ensurePrivateDir(path.dirname(database.filename));
  // Created here, mode 0600, before SQLite opens it; a file from an older install is tightened too.
  ensurePrivateFile(database.filename);
  makePrivate(...['-wal', '-shm', '-journal'].map((suffix) => `${database.filename}${suffix}`));
  return {
    connection: {
      client: 'sqlite',
      connection: { filename: database.filename },
      useNullAsDefault: true,
      // SQLite has one connection: a query outside a long transaction (the seed loader's) waits
      // for it to end instead of failing after knex's default 60 s.
      acquireConnectionTimeout: 10 * 60_000,
    },
  };
};
