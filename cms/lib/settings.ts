/**
 * The CMS process's configuration: the shared variables of `environment.ts` and the CMS's own,
 * parsed once per environment with defaults and messages naming the variable. Reading it never
 * writes: the secrets must exist (environment or DATA_DIR/secrets.json, see `ensureSecrets`).
 */
import path from 'node:path';
import { z } from 'zod';
import { flagVariable, parseEnvironment, readSecrets, secretVariablesShape, sharedSettings, sharedVariables } from './environment';

export { cmsAppDir } from './environment';

/** Every environment variable the CMS reads, with its default. */
const cmsVariables = {
  ...sharedVariables,
  ...secretVariablesShape,
  /** Public URL of the CMS, when it runs behind a proxy (e.g. https://cms.example.gov.vn): admin cookies are Secure when it is https. */
  PUBLIC_URL: z.url().optional(),
  ADMIN_EMAIL: z.email().default('admin@portal.local'),
  /** When unset, a one-time password is generated and printed once, when the admin is created. */
  ADMIN_PASSWORD: z.string().min(8, 'ADMIN_PASSWORD must have at least 8 characters').optional(),
  /** Meilisearch instead of the embedded search engine. */
  MEILI_URL: z.url().optional(),
  MEILI_MASTER_KEY: z.string().min(1).optional(),
  MEILI_INDEX_PREFIX: z.string().regex(/^[a-z0-9_-]+$/, 'MEILI_INDEX_PREFIX may hold a-z, 0-9, _ and -').default('portal'),
  /** Search requests per minute from one address before 429. */
  SEARCH_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
  /** Distinct search queries (and suggestion prefixes) whose results are kept in memory for a minute; 0 turns the cache off. */
  SEARCH_CACHE: z.coerce.number().int().min(0).default(2000),
  /** Where the CMS asks for a site rebuild after a publish; `off` disables it. @default http://127.0.0.1:SITE_PORT/_rebuild */
  SITE_REBUILD_URL: z.union([z.literal('off'), z.url()]).optional(),
  /** Serve the admin panel (needs `npm run build`); tests turn it off. */
  SERVE_ADMIN: flagVariable.default(true),
  /** Days a search that found nothing is kept after it was last seen. */
  SEARCH_MISS_RETENTION_DAYS: z.coerce.number().int().min(1, 'SEARCH_MISS_RETENTION_DAYS must be at least 1').default(180),
  /**
   * Test hook, never for production: the CMS stops just before it writes committed changes to the
   * search index and waits there, so a test can kill it in that window.
   */
  TEST_PAUSE_BEFORE_INDEX_SAVE: flagVariable.default(false),
};
/** The names of the CMS's variables (the README's configuration table is checked against them). */
export const cmsVariableNames = Object.keys(cmsVariables);

export type Settings = ReturnType<typeof readSettings>;

function readSettings(source: NodeJS.ProcessEnv) {
  const env = parseEnvironment(cmsVariables, source, 'CMS');
  const shared = sharedSettings(env);
  const { dataDir } = shared;
  return {
    host: shared.host,
    port: shared.ports.cms,
    publicUrl: env.PUBLIC_URL,
    dataDir,
    database: shared.database,
    /** Read when asked, so that a process that never needs them (the seed's check) runs before they exist. */
    get secrets() {
      return readSecrets(dataDir, env);
    },
    admin: { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD },
    serveAdmin: env.SERVE_ADMIN,
    logLevel: shared.logLevel,
    siteTokenFile: path.join(dataDir, 'site-api-token'),
    trustedProxies: shared.trustedProxies,
    corsOrigins: shared.corsOrigins,
    site: {
      port: shared.ports.site,
      /** Builds and the served copy of the portal. */
      dir: path.join(dataDir, 'site'),
      rebuildUrl: env.SITE_REBUILD_URL === 'off' ? undefined : (env.SITE_REBUILD_URL ?? `http://127.0.0.1:${shared.ports.site}/_rebuild`),
    },
    search: {
      dir: path.join(dataDir, 'search'),
      meili: env.MEILI_URL ? { url: env.MEILI_URL, apiKey: env.MEILI_MASTER_KEY, indexPrefix: env.MEILI_INDEX_PREFIX } : undefined,
      ratePerMinute: env.SEARCH_RATE_LIMIT,
      cacheSize: env.SEARCH_CACHE,
      missRetentionDays: env.SEARCH_MISS_RETENTION_DAYS,
      pauseBeforeIndexSave: env.TEST_PAUSE_BEFORE_INDEX_SAVE,
    },
  };
}

let cached: { key: string; value: Settings } | undefined;

/** The CMS settings for the current environment (re-read when the environment changes, as tests do). */
export function settings(): Settings {
  const key = JSON.stringify(cmsVariableNames.map((k) => process.env[k]));
  if (cached?.key !== key) cached = { key, value: readSettings(process.env) };
  return cached.value;
}
