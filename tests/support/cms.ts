import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { listen, loadCms } from '@portal/cms';
import { createPostgresDatabase, type TestDatabase } from './databases';

export type RunningCms = {
  strapi: Core.Strapi;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  dataDir: string;
  stop: () => Promise<void>;
};

export const testAdmin = { email: 'admin@test.local', password: 'Test-admin-2026' };

/**
 * Boots the real, compiled CMS on a fresh database (a new SQLite file, or a new PostgreSQL
 * database dropped afterwards), listening on a free loopback port. `npm test` compiles the CMS first.
 * `env` is merged last (e.g. SITE_REBUILD_URL pointing at a test site server).
 */
export async function startCms(database: TestDatabase, env: Record<string, string> = {}): Promise<RunningCms> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `portal-cms-${database}-`));
  const postgres = database === 'postgres' ? await createPostgresDatabase() : undefined;
  Object.assign(process.env, {
    DATA_DIR: dataDir,
    SERVE_ADMIN: 'false',
    LOG_LEVEL: 'error',
    ADMIN_EMAIL: testAdmin.email,
    ADMIN_PASSWORD: testAdmin.password,
    // Behind a (pretend) proxy, so a test can give its requests their own client address.
    PUBLIC_URL: 'http://127.0.0.1',
    SEARCH_RATE_LIMIT: '40',
    // No site server runs in these tests, unless `env` names one.
    SITE_REBUILD_URL: 'off',
    ...env,
  });
  if (postgres) process.env.DATABASE_URL = postgres.url;
  else delete process.env.DATABASE_URL;
  const strapi = await loadCms();
  const port = await listen(strapi);
  return {
    strapi,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    stop: async () => {
      await strapi.destroy();
      await postgres?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** JSON over HTTP against the running CMS; returns status and parsed body. */
export async function request(
  cms: RunningCms,
  method: string,
  pathname: string,
  options: { token?: string; body?: unknown; clientIp?: string } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${cms.url}${pathname}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.clientIp ? { 'x-forwarded-for': options.clientIp } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

export const fixtureSeedDir = path.resolve(import.meta.dirname, '../fixtures/seed');
