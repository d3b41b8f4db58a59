/**
 * The assistant's settings from the environment, parsed once, naming the variable at fault. What
 * every process shares (data folder, database, ports and URLs, logging, trusted proxies, CORS
 * origins) comes from `@portal/cms/environment`; the rest is the assistant's own.
 */
import path from 'node:path';
import { z } from 'zod';
import type { TrustedProxies } from '@portal/cms/client-address';
import { flagVariable, parseEnvironment, sharedSettings, sharedVariables, type DatabaseSettings, type LogLevel } from '@portal/cms/environment';
import { llmProviders, type LlmConfig } from './wording/types';

export const botVariables = {
  ...sharedVariables,
  /** Questions, ratings and handoffs per minute from one client address before 429. */
  BOT_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  /** Seconds between two loads of the content from the CMS. */
  BOT_REFRESH_SECONDS: z.coerce.number().int().min(5).default(60),
  /** Slug of the agency whose hotline, e-mail and hours a handoff gives. */
  BOT_HANDOFF_AGENCY: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'BOT_HANDOFF_AGENCY must be an agency slug')
    .default('trung-tam-phuc-vu-hanh-chinh-cong'),
  /** Whether the assistant answers by itself; false hands every question to staff (the kill switch). */
  BOT_ANSWERING: flagVariable.default(true),
  /** Texts whose lexical retrieval results are kept in memory until the content changes (0: none). */
  BOT_RETRIEVAL_CACHE: z.coerce.number().int().min(0).default(5000),
  /** Days a conversation is kept after its last turn; older ones are deleted with their turns. */
  CONVERSATION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Folder of the dense retriever's vectors. @default DATA_DIR/assistant/vectors */
  BOT_VECTORS_DIR: z.string().min(1).optional(),
  /** Folder holding the sentence model (EMBEDDINGS.md); unset: lexical retrieval only. */
  EMBEDDINGS_MODEL_DIR: z.string().min(1).optional(),
  /** Hub id of the model, and the name stored with the vectors. */
  EMBEDDINGS_MODEL: z.string().min(1).optional(),
  /** Download the model from the Hugging Face Hub when the folder lacks it. */
  EMBEDDINGS_ALLOW_REMOTE: flagVariable.default(false),
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
};

export type EmbeddingsConfig = { modelDir?: string; model?: string; allowRemote: boolean; vectorsDir: string };

export type BotConfig = {
  port: number;
  host: string;
  cmsUrl: string;
  /** The CMS's read-only token, read when asked (the seed step may write its file later). */
  cmsToken: () => string | undefined;
  ratePerMinute: number;
  refreshSeconds: number;
  /** Whether the assistant answers by itself at start (BOT_ANSWERING); staff may switch it later. */
  answering: boolean;
  /** Texts whose lexical retrieval results are kept (BOT_RETRIEVAL_CACHE). */
  retrievalCacheSize: number;
  handoffAgency: string;
  retentionDays: number;
  database: DatabaseSettings;
  logLevel: LogLevel;
  trustedProxies: TrustedProxies;
  corsOrigins: string[];
  embeddings: EmbeddingsConfig;
  llm: LlmConfig;
};

export function readBotConfig(source: NodeJS.ProcessEnv = process.env): BotConfig {
  const env = parseEnvironment(botVariables, source, 'assistant');
  if (env.LLM_PROVIDER !== 'off' && !env.LLM_MODEL) throw new Error('Invalid assistant configuration in the environment:\n  LLM_MODEL: required when LLM_PROVIDER is not off');
  const shared = sharedSettings(env);
  return {
    port: shared.ports.bot,
    host: shared.host,
    cmsUrl: shared.urls.cms,
    cmsToken: shared.cmsToken,
    ratePerMinute: env.BOT_RATE_LIMIT,
    refreshSeconds: env.BOT_REFRESH_SECONDS,
    answering: env.BOT_ANSWERING,
    retrievalCacheSize: env.BOT_RETRIEVAL_CACHE,
    handoffAgency: env.BOT_HANDOFF_AGENCY,
    retentionDays: env.CONVERSATION_RETENTION_DAYS,
    database: shared.database,
    logLevel: shared.logLevel,
    trustedProxies: shared.trustedProxies,
    corsOrigins: shared.corsOrigins,
    embeddings: {
      modelDir: env.EMBEDDINGS_MODEL_DIR,
      model: env.EMBEDDINGS_MODEL,
      allowRemote: env.EMBEDDINGS_ALLOW_REMOTE,
      vectorsDir: path.resolve(env.BOT_VECTORS_DIR ?? path.join(shared.dataDir, 'assistant', 'vectors')),
    },
    llm: { provider: env.LLM_PROVIDER, baseUrl: env.LLM_BASE_URL, model: env.LLM_MODEL, apiKey: env.LLM_API_KEY, timeoutMs: env.LLM_TIMEOUT_MS },
  };
}
