/**
 * The configuration every process of the portal shares (the CMS, the site server, the assistant,
 * the seed and start scripts): where the data lives, the database, the ports and URLs by which
 * they reach each other, logging and the trusted proxies. Each process parses its own variables
 * with its own schema (`cms/lib/settings.ts`, `site/server/config.ts`, `bot/src/config.ts`) and
 * takes these from here, so a shared variable has one name, one default and one message.
 *
 * Reading configuration never writes anything: secrets missing from the environment are generated
 * by `ensureSecrets` (called by `npm start`, the seed command and the tests), not on first read.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { defaultTrustedProxies, parseTrustedProxies, type TrustedProxies } from './client-address';
import { ensurePrivateDir } from './private-files';

// __filename, not __dirname: imported from an ES module through tsx, __dirname is not this file's folder.
const here = path.dirname(__filename);
/** The CMS app folder, whether this file runs from source (`cms/lib`) or compiled (`cms/dist/lib`). */
export const cmsAppDir = path.resolve(here, path.basename(path.dirname(here)) === 'dist' ? '../..' : '..');

export const portVariable = z.coerce.number().int().min(0).max(65535);
export const flagVariable = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** `https://host[:port]`, exactly as a browser sends it in the Origin header. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return ['http:', 'https:'].includes(url.protocol) && url.origin === value;
  } catch {
    return false;
  }
}

/** Variables shared by several processes, with their defaults. */
export const sharedVariables = {
  /** Folder for the SQLite file, generated secrets, the site's API token, uploads, site builds, the assistant's files. @default cms/.data */
  DATA_DIR: z.string().min(1).optional(),
  /** postgres://user@host:port/db — PostgreSQL instead of the embedded SQLite file (the CMS's content and the assistant's conversations). */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  /** Verify the PostgreSQL server's certificate (TLS). */
  DATABASE_SSL: flagVariable.default(false),
  /** Connections per process in the PostgreSQL pool. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).default(10),
  /** Listen address of every server. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** CMS port. */
  CMS_PORT: portVariable.default(1337),
  /** Portal (site server) port. */
  SITE_PORT: portVariable.default(4321),
  /** Assistant port. */
  BOT_PORT: portVariable.default(3001),
  /** Where the site server and the assistant reach the CMS. @default http://127.0.0.1:CMS_PORT */
  CMS_URL: z.url().optional(),
  /** Where the site server reaches the assistant. @default http://127.0.0.1:BOT_PORT */
  BOT_URL: z.url().optional(),
  /** Read-only API token of the CMS for the site build and the assistant. @default the one the seed step writes to DATA_DIR/site-api-token */
  CMS_TOKEN: z.string().min(1).optional(),
  /** Browser origins allowed to call the APIs (CORS, no credentials), comma-separated. @default the portal: http://localhost:SITE_PORT, http://127.0.0.1:SITE_PORT */
  CORS_ORIGINS: z
    .string()
    .transform((value) => value.split(',').map((o) => o.trim()).filter(Boolean))
    .refine((origins) => origins.every(isOrigin), 'CORS_ORIGINS must list origins such as https://dichvucong.example.gov.vn (scheme, host, optional port; no path, no *)')
    .optional(),
  /** `error`, `warn`, `info`, `http` (one line per request), `verbose`, `debug`. */
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'http', 'verbose', 'debug']).default('http'),
  /**
   * Proxies whose `X-Forwarded-For` (and -Proto, -Host, `X-Request-Id`) are believed: comma-separated
   * IPs and CIDR ranges. Requests from anywhere else are counted by their own address.
   */
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
};

/**
 * Parses `source` with `shape`, or throws one error naming every variable at fault.
 * @example parseEnvironment({ ...sharedVariables, BOT_RATE_LIMIT: z.coerce.number() }, process.env, 'assistant')
 */
export function parseEnvironment<Shape extends z.ZodRawShape>(shape: Shape, source: NodeJS.ProcessEnv, who: string): z.infer<z.ZodObject<Shape>> {
  const parsed = z.object(shape).safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new Error(`Invalid ${who} configuration in the environment:\n${lines.join('\n')}`);
}

export type DatabaseSettings =
  | { client: 'postgres'; url: string; ssl: boolean; poolMax: number }
  | { client: 'sqlite'; filename: string };

export type LogLevel = z.infer<typeof sharedVariables.LOG_LEVEL>;

/** The shared settings, resolved: absolute folders, the database, the URLs between processes. */
export type SharedSettings = {
  dataDir: string;
  database: DatabaseSettings;
  host: string;
  ports: { cms: number; site: number; bot: number };
  urls: { cms: string; bot: string };
  /** The CMS's read-only token from CMS_TOKEN, else the file the seed step writes (read when asked: it may appear later). */
  cmsToken: () => string | undefined;
  logLevel: LogLevel;
  trustedProxies: TrustedProxies;
  /** Origins allowed to call the APIs from a browser (never `*`). */
  corsOrigins: string[];
};

type SharedEnv = z.infer<z.ZodObject<typeof sharedVariables>>;

export function sharedSettings(env: SharedEnv): SharedSettings {
  const dataDir = path.resolve(env.DATA_DIR ?? path.join(cmsAppDir, '.data'));
  const tokenFile = path.join(dataDir, 'site-api-token');
  return {
    dataDir,
    database: env.DATABASE_URL
      ? { client: 'postgres', url: env.DATABASE_URL, ssl: env.DATABASE_SSL, poolMax: env.DATABASE_POOL_MAX }
      : { client: 'sqlite', filename: path.join(dataDir, 'portal.db') },
    host: env.HOST,
    ports: { cms: env.CMS_PORT, site: env.SITE_PORT, bot: env.BOT_PORT },
    urls: {
      cms: (env.CMS_URL ?? `http://127.0.0.1:${env.CMS_PORT}`).replace(/\/$/, ''),
      bot: (env.BOT_URL ?? `http://127.0.0.1:${env.BOT_PORT}`).replace(/\/$/, ''),
    },
    cmsToken: () => env.CMS_TOKEN ?? (fs.existsSync(tokenFile) ? fs.readFileSync(tokenFile, 'utf8').trim() || undefined : undefined),
    logLevel: env.LOG_LEVEL,
    trustedProxies: env.TRUSTED_PROXIES,
    corsOrigins: env.CORS_ORIGINS ?? [`http://localhost:${env.SITE_PORT}`, `http://127.0.0.1:${env.SITE_PORT}`],
  };
}

/** The secrets of the system: the environment variable of each, and how a missing one is generated. */
export const secretVariables = {
  appKeys: 'APP_KEYS',
  apiTokenSalt: 'API_TOKEN_SALT',
  adminJwtSecret: 'ADMIN_JWT_SECRET',
  transferTokenSalt: 'TRANSFER_TOKEN_SALT',
  jwtSecret: 'JWT_SECRET',
  encryptionKey: 'ENCRYPTION_KEY',
  /** Shared by the CMS and the site server: the CMS sends it with each rebuild request. */
  siteRebuildToken: 'SITE_REBUILD_TOKEN',
} as const;
export type SecretName = keyof typeof secretVariables;
/** The secrets as environment variables, all optional (missing ones come from DATA_DIR/secrets.json). */
export const secretVariablesShape = Object.fromEntries(Object.values(secretVariables).map((name) => [name, z.string().min(1).optional()])) as Record<
  (typeof secretVariables)[SecretName],
  z.ZodOptional<z.ZodString>
>;
export type Secrets = Record<SecretName, string>;

const secretsFile = (dataDir: string) => path.join(dataDir, 'secrets.json');
const randomSecret = () => crypto.randomBytes(24).toString('base64');

/**
 * Generates, once, the secrets the environment does not set, into `DATA_DIR/secrets.json` (mode 600,
 * the folder 700), so a fresh clone starts without a .env file. Secrets from the environment are
 * never written. Called by `npm start`, the seed command and the tests before anything reads them.
 */
export function ensureSecrets(dataDir: string, source: NodeJS.ProcessEnv = process.env): void {
  const file = secretsFile(dataDir);
  const stored = readStoredSecrets(dataDir);
  const missing = (Object.entries(secretVariables) as [SecretName, string][]).filter(([name, variable]) => !source[variable] && !stored[name]);
  if (missing.length === 0) return;
  const next: Partial<Secrets> = { ...stored };
  for (const [name] of missing) next[name] = name === 'appKeys' ? `${randomSecret()},${randomSecret()}` : randomSecret();
  ensurePrivateDir(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(next, null, 2), { mode: 0o600 });
  fs.renameSync(tmp, file);
}

function readStoredSecrets(dataDir: string): Partial<Secrets> {
  const file = secretsFile(dataDir);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Secrets>) : {};
}

/**
 * The secrets, from the environment or from `DATA_DIR/secrets.json`; never writes. A secret that is
 * in neither is an error naming its variable.
 */
export function readSecrets(dataDir: string, source: Partial<Record<string, unknown>> = process.env): Secrets {
  const stored = readStoredSecrets(dataDir);
  const secrets = {} as Secrets;
  const absent: string[] = [];
  for (const [name, variable] of Object.entries(secretVariables) as [SecretName, string][]) {
    const fromEnv = source[variable];
    const value = (typeof fromEnv === 'string' && fromEnv) || stored[name];
    if (value) secrets[name] = value;
    else absent.push(variable);
  }
  if (absent.length > 0) {
    throw new Error(`Missing secrets: ${absent.join(', ')}. Set them in the environment, or run \`npm start\` (or \`npm run seed\`) once to generate them into ${secretsFile(dataDir)}.`);
  }
  return secrets;
}
