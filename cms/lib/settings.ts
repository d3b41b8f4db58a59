import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { defaultTrustedProxies, parseTrustedProxies } from './client-address';
import { ensurePrivateDir } from './private-files';

/**
 * The CMS app folder, whether this file runs from source (`cms/lib`) or compiled (`cms/dist/lib`).
 */
// __filename, not __dirname: imported from an ES module through tsx, __dirname is not this file's folder.
const here = path.dirname(__filename);
export const cmsAppDir = path.resolve(here, path.basename(path.dirname(here)) === 'dist' ? '../..' : '..');

const port = z.coerce.number().int().min(0).max(65535);
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Every environment variable the CMS reads, with its default. Parsed once, at the edge. */
const envSchema = z.object({
  CMS_PORT: port.default(1337),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Public URL of the CMS, when it runs behind a proxy (e.g. https://cms.example.gov.vn). */
  PUBLIC_URL: z.url().optional(),
  /** Folder for the SQLite file, generated secrets and the site's API token. @default cms/.data */
  DATA_DIR: z.string().min(1).optional(),
  /** postgres://user@host:port/db — PostgreSQL instead of the embedded SQLite file. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_SSL: flag.default(false),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).default(10),
  APP_KEYS: z.string().min(1).optional(),
  API_TOKEN_SALT: z.string().min(1).optional(),
  ADMIN_JWT_SECRET: z.string().min(1).optional(),
  TRANSFER_TOKEN_SALT: z.string().min(1).optional(),
  JWT_SECRET: z.string().min(1).optional(),
  ENCRYPTION_KEY: z.string().min(1).optional(),
  SITE_REBUILD_TOKEN: z.string().min(1).optional(),
  ADMIN_EMAIL: z.email().default('admin@portal.local'),
  /** When unset, a one-time password is generated and printed once, when the admin is created. */
  ADMIN_PASSWORD: z.string().min(8, 'ADMIN_PASSWORD must have at least 8 characters').optional(),
  /** Meilisearch instead of the embedded search engine. */
  MEILI_URL: z.url().optional(),
  MEILI_MASTER_KEY: z.string().min(1).optional(),
  MEILI_INDEX_PREFIX: z.string().regex(/^[a-z0-9_-]+$/, 'MEILI_INDEX_PREFIX may hold a-z, 0-9, _ and -').default('portal'),
  /** Search requests per minute from one address before 429. */
  SEARCH_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'http', 'verbose', 'debug']).default('http'),
  /** Port of the portal site server (site/server). */
  SITE_PORT: port.default(4321),
  /** Where the CMS asks for a site rebuild after a publish; `off` disables it. @default http://127.0.0.1:SITE_PORT/_rebuild */
  SITE_REBUILD_URL: z.union([z.literal('off'), z.url()]).optional(),
  /** Serve the admin panel (needs `npm run build`); tests turn it off. */
  SERVE_ADMIN: flag.default(true),
  /** Proxies whose X-Forwarded-For (and -Proto, -Host, X-Request-Id) are believed: comma-separated IPs and CIDR ranges. */
  TRUSTED_PROXIES: z
    .string()
    .default(defaultTrustedProxies)
    .transform((value, ctx) => {
      try {
        return parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `TRUSTED_PROXIES must list IP addresses or CIDR ranges, comma-separated; ${(error as Error).message}` });
        return z.NEVER;
      }
    }),
  /** Browser origins allowed to call the CMS (CORS), comma-separated. @default the portal: http://localhost:SITE_PORT, http://127.0.0.1:SITE_PORT */
  CORS_ORIGINS: z
    .string()
    .transform((value) => value.split(',').map((o) => o.trim()).filter(Boolean))
    .refine((origins) => origins.every(isOrigin), 'CORS_ORIGINS must list origins such as https://dichvucong.example.gov.vn (scheme, host, optional port; no path, no *)')
    .optional(),
  /** Days a search that found nothing is kept after it was last seen. */
  SEARCH_MISS_RETENTION_DAYS: z.coerce.number().int().min(1, 'SEARCH_MISS_RETENTION_DAYS must be at least 1').default(180),
  /**
   * Test hook, never for production: the CMS stops just before it writes committed changes to the
   * search index and waits there, so a test can kill it in that window.
   */
  TEST_PAUSE_BEFORE_INDEX_SAVE: flag.default(false),
});

/** `https://host[:port]`, exactly as a browser sends it in the Origin header. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return ['http:', 'https:'].includes(url.protocol) && url.origin === value;
  } catch {
    return false;
  }
}

const secretNames = {
  appKeys: 'APP_KEYS',
  apiTokenSalt: 'API_TOKEN_SALT',
  adminJwtSecret: 'ADMIN_JWT_SECRET',
  transferTokenSalt: 'TRANSFER_TOKEN_SALT',
  jwtSecret: 'JWT_SECRET',
  encryptionKey: 'ENCRYPTION_KEY',
  /** Shared by the CMS and the site server: the CMS sends it with each rebuild request. */
  siteRebuildToken: 'SITE_REBUILD_TOKEN',
} as const;
type SecretName = keyof typeof secretNames;
type Secrets = Record<SecretName, string>;

export type Settings = ReturnType<typeof readSettings>;

/**
 * Secrets come from the environment; those it lacks are generated once and kept (mode 600) in the
 * data folder, so a fresh clone starts without a .env file. Secrets from the environment are never written.
 */
function loadSecrets(env: z.infer<typeof envSchema>, dataDir: string): Secrets {
  const file = path.join(dataDir, 'secrets.json');
  const stored = (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {}) as Partial<Secrets>;
  const toStore: Partial<Secrets> = { ...stored };
  const secrets = {} as Secrets;
  for (const [name, variable] of Object.entries(secretNames) as [SecretName, string][]) {
    const fromEnv = env[variable as keyof typeof env] as string | undefined;
    if (fromEnv) {
      secrets[name] = fromEnv;
      continue;
    }
    const generated = name === 'appKeys' ? `${randomSecret()},${randomSecret()}` : randomSecret();
    secrets[name] = stored[name] ?? (toStore[name] = generated);
  }
  if (Object.keys(toStore).length !== Object.keys(stored).length) {
    ensurePrivateDir(dataDir);
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(toStore, null, 2), { mode: 0o600 });
    fs.renameSync(tmp, file);
  }
  return secrets;
}

const randomSecret = () => crypto.randomBytes(24).toString('base64');

function readSettings(source: NodeJS.ProcessEnv) {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid CMS configuration in the environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.DATA_DIR ?? path.join(cmsAppDir, '.data'));
  return {
    host: env.HOST,
    port: env.CMS_PORT,
    publicUrl: env.PUBLIC_URL,
    dataDir,
    database: env.DATABASE_URL
      ? { client: 'postgres' as const, url: env.DATABASE_URL, ssl: env.DATABASE_SSL, poolMax: env.DATABASE_POOL_MAX }
      : { client: 'sqlite' as const, filename: path.join(dataDir, 'portal.db') },
    secrets: loadSecrets(env, dataDir),
    admin: { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD },
    serveAdmin: env.SERVE_ADMIN,
    logLevel: env.LOG_LEVEL,
    siteTokenFile: path.join(dataDir, 'site-api-token'),
    trustedProxies: env.TRUSTED_PROXIES,
    corsOrigins: env.CORS_ORIGINS ?? [`http://localhost:${env.SITE_PORT}`, `http://127.0.0.1:${env.SITE_PORT}`],
    site: {
      port: env.SITE_PORT,
      /** Builds and the served copy of the portal. */
      dir: path.join(dataDir, 'site'),
      rebuildUrl: env.SITE_REBUILD_URL === 'off' ? undefined : (env.SITE_REBUILD_URL ?? `http://127.0.0.1:${env.SITE_PORT}/_rebuild`),
    },
    search: {
      dir: path.join(dataDir, 'search'),
      meili: env.MEILI_URL ? { url: env.MEILI_URL, apiKey: env.MEILI_MASTER_KEY, indexPrefix: env.MEILI_INDEX_PREFIX } : undefined,
      ratePerMinute: env.SEARCH_RATE_LIMIT,
      missRetentionDays: env.SEARCH_MISS_RETENTION_DAYS,
      pauseBeforeIndexSave: env.TEST_PAUSE_BEFORE_INDEX_SAVE,
    },
  };
}

let cached: { key: string; value: Settings } | undefined;

/** The CMS settings for the current environment (re-read when the environment changes, as tests do). */
export function settings(): Settings {
  const key = JSON.stringify(Object.keys(envSchema.shape).map((k) => process.env[k]));
  if (cached?.key !== key) cached = { key, value: readSettings(process.env) };
  return cached.value;
}
