/**
 * The assistant as a running service: content from the CMS (or another source), the retrieval
 * index refreshed in the background, conversations in the shared database (its own tables, brought
 * to the latest version by its migrations at start, old ones purged), the HTTP API. With a sentence
 * model (EMBEDDINGS_MODEL_DIR, see EMBEDDINGS.md) dense retrieval joins the lexical one once it has
 * embedded the content, in the background: lexical answers meanwhile.
 */
import type { AddressInfo } from 'node:net';
import { createLimiter } from '@portal/cms/limits';
import type { Server } from '@portal/platform';
import { migrate } from '../migrations';
import { Assistant } from './assistant';
import { readBotConfig, type BotConfig } from './config';
import { cmsContentSource } from './content/cms';
import type { ContentSource } from './content/types';
import { connect } from './database';
import { startDense } from './embeddings/start';
import { buildBotApp } from './http/app';
import { Knowledge } from './knowledge';
import { startPurging } from './retention';
import { HybridRetriever, LexicalRetriever } from './retrieval';
import { AnsweringSwitch } from './pipeline';
import { KnexConversationStore, type ConversationStore } from './store';
import { createWording } from './wording/llm';
import type { DenseRetriever } from './embeddings/dense';

export type BotOptions = {
  /** Overrides of the settings read from the environment (port 0: any free port). */
  config?: Partial<BotConfig>;
  /** Where the content comes from. @default the CMS REST API at config.cmsUrl */
  content?: ContentSource;
  /** Wait for the first content load before listening (tests); otherwise /api/ask answers 503 until it is done. */
  waitForContent?: boolean;
  /** `false`: lexical retrieval only, no model looked for. @default config.embeddings */
  embeddings?: false;
  /** Where the assistant's own messages go. @default standard error */
  log?: (message: string) => void;
  /** Where the request log lines go (tests). @default standard error */
  logStream?: NodeJS.WritableStream;
};

export type RunningBot = {
  url: string;
  port: number;
  app: Server;
  knowledge: Knowledge;
  assistant: Assistant;
  store: ConversationStore;
  config: BotConfig;
  /** The dense retriever once it has joined the fusion; undefined without a model (or if it failed to load). */
  dense: Promise<DenseRetriever | undefined>;
  close: () => Promise<void>;
};

export async function startBot(options: BotOptions = {}): Promise<RunningBot> {
  const config: BotConfig = { ...readBotConfig(), ...options.config };
  const log = options.log ?? ((m: string) => console.error(`[bot] ${m}`));
  const source = options.content ?? cmsContentSource({ url: config.cmsUrl, token: config.cmsToken });
  const retriever = new HybridRetriever([new LexicalRetriever({ cacheSize: config.retrievalCacheSize })], { log });
  const knowledge = new Knowledge(source, retriever);
  const dense = startDense(retriever, options.embeddings === false ? false : config.embeddings, log);

  const db = connect(config.database);
  const applied = await migrate(db);
  if (applied.length > 0) log(`Database: applied ${applied.join(', ')}`);
  const store = new KnexConversationStore(db);
  const stopPurging = startPurging(store, config.retentionDays, log);
  // Optional LLM wording (LLM_PROVIDER, off by default): rephrases answers, checked against their sources.
  const assistant = new Assistant(knowledge, {
    handoffAgency: config.handoffAgency,
    wording: createWording(config.llm, { log }),
    answering: new AnsweringSwitch(config.answering),
  });
  if (!config.answering) log('Automatic answering is off (BOT_ANSWERING=false): every question goes to staff');

  if (options.waitForContent) await knowledge.refresh();
  let lastError = '';
  knowledge.startRefreshing(config.refreshSeconds * 1000, (error) => {
    // The same failure every minute is logged once.
    if (error.message !== lastError) log(`could not load the content from ${source.name}: ${error.message}`);
    lastError = error.message;
  });

  // Counted in PostgreSQL when the database is, so that every instance counts together (as the CMS does).
  const { database } = config;
  const limiter = createLimiter({
    keyPrefix: 'assistant',
    points: config.ratePerMinute,
    durationSeconds: 60,
    ...(database.client === 'postgres' ? { postgres: { url: database.url, ssl: database.ssl } } : {}),
  });
  const app = await buildBotApp({
    assistant,
    knowledge,
    store,
    limiter,
    handoffAgency: config.handoffAgency,
    server: { logLevel: config.logLevel, trustedProxies: config.trustedProxies, corsOrigins: config.corsOrigins, logStream: options.logStream },
  });
  await app.listen({ port: config.port, host: config.host });
  const port = (app.server.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    app,
    knowledge,
    assistant,
    store,
    config,
    dense: dense.joined,
    close: async () => {
      knowledge.stopRefreshing();
      await app.close();
      await dense.stop(knowledge.ready);
      await stopPurging();
      await limiter.close();
      await store.close();
    },
  };
}
