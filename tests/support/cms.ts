import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { listen, loadCms } from '@portal/cms';
import { createPostgresDatabase, type TestDatabase } from './databases';

/** Where a test CMS keeps its data: a fresh folder, and a fresh PostgreSQL database when on PostgreSQL. */
export type CmsData = { database: TestDatabase; dataDir: string; postgresUrl?: string; remove: () => Promise<void> };

export type RunningCms = {
  strapi: Core.Strapi;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  dataDir: string;
  data: CmsData;
  /** Stops the CMS and keeps its data, for a restart on it (`startCms(database, env, cms.data)`). */
  halt: () => Promise<void>;
  /** Stops the CMS and deletes its data. */
  stop: () => Promise<void>;
};

export const testAdmin = { email: 'admin@test.local', password: 'Test-admin-2026' };

export async function createCmsData(database: TestDatabase): Promise<CmsData> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `portal-cms-${database}-`));
  const postgres = database === 'postgres' ? await createPostgresDatabase() : undefined;
  return {
    database,
    dataDir,
    postgresUrl: postgres?.url,
    remove: async () => {
      await postgres?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Boots the real, compiled CMS on a fresh database (a new SQLite file, or a new PostgreSQL
 * database dropped afterwards), or on the `data` of an earlier run, listening on a free loopback
 * port. `npm test` compiles the CMS first. `env` is merged last (e.g. SITE_REBUILD_URL pointing at a
 * test site server). Tests reach it from 127.0.0.1, a trusted proxy by default (TRUSTED_PROXIES),
 * so a request may pose as another client with X-Forwarded-For (`clientIp`).
 */
export async function startCms(database: TestDatabase, env: Record<string, string> = {}, data?: CmsData): Promise<RunningCms> {
  const owned = data ?? (await createCmsData(database));
  delete process.env.TRUSTED_PROXIES;
  Object.assign(process.env, {
    DATA_DIR: owned.dataDir,
    SERVE_ADMIN: 'false',
    LOG_LEVEL: 'error',
    ADMIN_EMAIL: testAdmin.email,
    ADMIN_PASSWORD: testAdmin.password,
    SEARCH_RATE_LIMIT: '40',
    // No site server runs in these tests, unless `env` names one.
    SITE_REBUILD_URL: 'off',
    ...env,
  });
  if (owned.postgresUrl) process.env.DATABASE_URL = owned.postgresUrl;
  else delete process.env.DATABASE_URL;
  const strapi = await loadCms();
  const port = await listen(strapi);
  return {
    strapi,
    url: `http://127.0.0.1:${port}`,
    dataDir: owned.dataDir,
    data: owned,
    halt: async () => {
      await strapi.destroy();
    },
    stop: async () => {
      await strapi.destroy();
      await owned.remove();
    },
  };
}

/** Runs `body` with the CMS trusting only `proxies` (TRUSTED_PROXIES): the test's own 127.0.0.1 is then an ordinary client. */
export async function asUntrustedPeer<T>(body: () => Promise<T>, proxies = '10.255.255.1'): Promise<T> {
  process.env.TRUSTED_PROXIES = proxies;
  try {
    return await body();
  } finally {
    delete process.env.TRUSTED_PROXIES;
  }
}

/** JSON over HTTP against the running CMS; returns status and parsed body. */
export async function request(
  cms: RunningCms,
  method: string,
  pathname: string,
  options: { token?: string; body?: unknown; clientIp?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${cms.url}${pathname}`, {
    method,
    headers: {
      ...options.headers,
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
