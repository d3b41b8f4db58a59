import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ensureSecrets } from '../lib/environment';
import { settings } from '../lib/settings';

function withEnv<T>(env: Record<string, string | undefined>, run: () => T): T {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  try {
    return run();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cms-settings-'));

test('uses a SQLite file in the data folder when DATABASE_URL is unset', () => {
  const dir = tempDir();
  const s = withEnv({ DATA_DIR: dir, DATABASE_URL: undefined }, settings);
  assert.deepEqual(s.database, { client: 'sqlite', filename: path.join(dir, 'portal.db') });
});

test('uses PostgreSQL when DATABASE_URL is set', () => {
  const s = withEnv({ DATA_DIR: tempDir(), DATABASE_URL: 'postgres://portal@db:5432/portal' }, settings);
  assert.equal(s.database.client, 'postgres');
});

test('explains which variable is wrong', () => {
  assert.throws(
    () => withEnv({ DATA_DIR: tempDir(), CMS_PORT: 'eighty', DATABASE_URL: 'mysql://x' }, settings),
    /DATABASE_URL: DATABASE_URL must start with postgres:\/\/(.|\n)*CMS_PORT: |CMS_PORT: (.|\n)*DATABASE_URL: DATABASE_URL must start/,
  );
});

test('ensureSecrets generates missing secrets once, keeps them across restarts, and never writes secrets from the environment', () => {
  const dir = tempDir();
  const env = { DATA_DIR: dir, APP_KEYS: undefined, JWT_SECRET: 'from-the-environment' };
  withEnv(env, () => ensureSecrets(dir));
  const first = withEnv(env, settings);
  const file = path.join(dir, 'secrets.json');
  assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(stored.jwtSecret, undefined);
  assert.equal(first.secrets.jwtSecret, 'from-the-environment');
  assert.equal(first.secrets.appKeys.split(',').length, 2);
  withEnv(env, () => ensureSecrets(dir));
  const again = withEnv({ ...env, CMS_PORT: '1400' }, settings);
  assert.equal(again.secrets.appKeys, first.secrets.appKeys);
});

test('reading the settings writes nothing, and a missing secret is an error naming its variable and how to make it', () => {
  const dir = path.join(tempDir(), 'data');
  const s = withEnv({ DATA_DIR: dir, APP_KEYS: undefined }, settings);
  assert.equal(fs.existsSync(dir), false);
  assert.throws(() => withEnv({ APP_KEYS: undefined }, () => s.secrets), /Missing secrets: APP_KEYS.*npm start/s);
});

test('trusts loopback proxies by default, and reads TRUSTED_PROXIES, CORS_ORIGINS and SEARCH_MISS_RETENTION_DAYS', () => {
  const defaults = withEnv({ DATA_DIR: tempDir(), TRUSTED_PROXIES: undefined, CORS_ORIGINS: undefined, SITE_PORT: '4400', SEARCH_MISS_RETENTION_DAYS: undefined }, settings);
  assert.deepEqual(defaults.trustedProxies.entries, ['127.0.0.0/8', '::1']);
  assert.deepEqual(defaults.corsOrigins, ['http://localhost:4400', 'http://127.0.0.1:4400']);
  assert.equal(defaults.search.missRetentionDays, 180);
  const set = withEnv(
    { DATA_DIR: tempDir(), TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.7', CORS_ORIGINS: 'https://dichvucong.example.gov.vn', SEARCH_MISS_RETENTION_DAYS: '30' },
    settings,
  );
  assert.deepEqual(set.trustedProxies.entries, ['10.0.0.0/8', '192.0.2.7']);
  assert.deepEqual(set.corsOrigins, ['https://dichvucong.example.gov.vn']);
  assert.equal(set.search.missRetentionDays, 30);
});

test('names TRUSTED_PROXIES, CORS_ORIGINS and SEARCH_MISS_RETENTION_DAYS when they are wrong', () => {
  assert.throws(() => withEnv({ DATA_DIR: tempDir(), TRUSTED_PROXIES: '10.0.0.0/8,proxy.local' }, settings), /TRUSTED_PROXIES: .*proxy\.local/);
  for (const origins of ['*', 'https://portal.example/path', 'portal.example']) {
    assert.throws(() => withEnv({ DATA_DIR: tempDir(), CORS_ORIGINS: origins }, settings), /CORS_ORIGINS: /, origins);
  }
  assert.throws(() => withEnv({ DATA_DIR: tempDir(), SEARCH_MISS_RETENTION_DAYS: '0' }, settings), /SEARCH_MISS_RETENTION_DAYS: /);
});

test('creates the data folder 0700 and secrets.json 0600, whatever the umask', () => {
  const dir = path.join(tempDir(), 'data');
  const umask = process.umask(0o022);
  try {
    withEnv({ APP_KEYS: undefined }, () => ensureSecrets(dir));
  } finally {
    process.umask(umask);
  }
  assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
  assert.equal(fs.statSync(path.join(dir, 'secrets.json')).mode & 0o777, 0o600);
});
