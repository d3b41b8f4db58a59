/**
 * The assistant's settings from the environment, parsed once, naming the variable at fault. The
 * database and the CMS's read-only token file are the CMS's own (`settings()` of @portal/cms):
 * the assistant stores its conversations next to the content.
 */
import { z } from 'zod';
import { settings } from '@portal/cms/settings';
import type { DatabaseSettings } from './store';
import { llmProviders, type LlmConfig } from './wording/types';

const port = z.coerce.number().int().min(0).max(65535);
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  /** Port of the assistant's HTTP API. */
  BOT_PORT: port.default(3001),
  /** Listen address. */
  BOT_HOST: z.string().min(1).default('0.0.0.0'),
  /** Where the CMS answers; default http://127.0.0.1:CMS_PORT. */
  CMS_URL: z.url().optional(),
  /** Read-only API token for the CMS; default: the one the seed step writes to DATA_DIR/site-api-token. */
  CMS_TOKEN: z.string().min(1).optional(),
  /** Questions per minute from one address before 429. */
  BOT_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  /** Seconds between two loads of the content from the CMS. */
  BOT_REFRESH_SECONDS: z.coerce.number().int().min(5).default(60),
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For. */
  BOT_TRUST_PROXY: flag.default(false),
  /** Origin allowed to call the API from a browser (the portal), or *. */
  BOT_CORS_ORIGIN: z.string().min(1).default('*'),
  /** Slug of the agency whose hotline, e-mail and hours a handoff gives. */
  BOT_HANDOFF_AGENCY: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'BOT_HANDOFF_AGENCY must be an agency slug')
    .default('trung-tam-phuc-vu-hanh-chinh-cong'),
  /** Optional LLM wording of answers (src/wording/llm.ts): off, openai (any OpenAI-compatible server) or ollama. */
  LLM_PROVIDER: z.enum(llmProviders).default('off'),
  /** The model server's root (OpenAI-compatible: …/v1; Ollama: http://host:11434). */
  LLM_BASE_URL: z.url().optional(),
  /** Model name; required unless LLM_PROVIDER is off. */
  LLM_MODEL: z.string().min(1).optional(),
  /** API key for an OpenAI-compatible server that needs one. */
  LLM_API_KEY: z.string().min(1).optional(),
  /** Milliseconds to wait for the model before answering with the extractive text. */
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(4000),
}).refine((env) => env.LLM_PROVIDER === 'off' || env.LLM_MODEL, { path: ['LLM_MODEL'], message: 'LLM_MODEL is required when LLM_PROVIDER is not off' });

export type BotConfig = {
  port: number;
  host: string;
  cmsUrl: string;
  cmsToken: string | undefined;
  tokenFile: string;
  ratePerMinute: number;
  refreshSeconds: number;
  trustProxy: boolean;
  corsOrigin: string;
  handoffAgency: string;
  database: DatabaseSettings;
  llm: LlmConfig;
};

export function readBotConfig(source: NodeJS.ProcessEnv = process.env): BotConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid assistant configuration in the environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const cms = settings();
  return {
    port: env.BOT_PORT,
    host: env.BOT_HOST,
    cmsUrl: (env.CMS_URL ?? `http://127.0.0.1:${cms.port}`).replace(/\/$/, ''),
    cmsToken: env.CMS_TOKEN,
    tokenFile: cms.siteTokenFile,
    ratePerMinute: env.BOT_RATE_LIMIT,
    refreshSeconds: env.BOT_REFRESH_SECONDS,
    trustProxy: env.BOT_TRUST_PROXY,
    corsOrigin: env.BOT_CORS_ORIGIN,
    handoffAgency: env.BOT_HANDOFF_AGENCY,
    database: cms.database,
    llm: { provider: env.LLM_PROVIDER, baseUrl: env.LLM_BASE_URL, model: env.LLM_MODEL, apiKey: env.LLM_API_KEY, timeoutMs: env.LLM_TIMEOUT_MS },
  };
}
