/**
 * The assistant as a running service: content from the CMS (or another source), the retrieval
 * index refreshed in the background, conversations in the CMS database, the HTTP API. With a
 * sentence model (EMBEDDINGS_MODEL_DIR, see EMBEDDINGS.md) dense retrieval joins the lexical one
 * once it has embedded the content, in the background: lexical answers meanwhile.
 */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { settings } from '@portal/cms/settings';
import { Assistant } from './assistant';
import { readBotConfig, type BotConfig } from './config';
import { RestContentSource } from './content/rest';
import type { ContentSource } from './content/types';
import { DenseRetriever } from './embeddings/dense';
import { loadEmbedder, type Embedder } from './embeddings/model';
import { Knowledge } from './knowledge';
import { HybridRetriever, LexicalRetriever } from './retrieval';
import { createBotServer } from './server';
import { createWording } from './wording/llm';
import { KnexConversationStore, connect, type ConversationStore } from './store';

export type BotOptions = {
  /** Overrides of the settings read from the environment (port 0: any free port). */
  config?: Partial<BotConfig>;
  /** Where the content comes from. @default the CMS REST API at config.cmsUrl */
  content?: ContentSource;
  /** Where conversations are kept. @default the CMS database (config.database) */
  store?: ConversationStore;
  /** Wait for the first content load before listening (tests); otherwise /api/ask answers 503 until it is done. */
  waitForContent?: boolean;
  /**
   * Dense retrieval: `dir` where the vectors are kept (default `settings().search.dir`), `env` where
   * the model variables are read (default `process.env`); `false`: lexical only, no model looked for.
   */
  embeddings?: false | { dir?: string; env?: NodeJS.ProcessEnv };
  log?: (message: string) => void;
};

export type RunningBot = {
  url: string;
  port: number;
  server: http.Server;
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
  const source = options.content ?? new RestContentSource({ url: config.cmsUrl, token: config.cmsToken, tokenFile: config.tokenFile });
  const retriever = new HybridRetriever([new LexicalRetriever()], { log });
  const knowledge = new Knowledge(source, retriever);

  // The model is looked for at once, in the background; answers are lexical until the dense retriever joins.
  let closed = false;
  let embedder: Embedder | undefined;
  const embeddings = options.embeddings ?? {};
  const dense: Promise<DenseRetriever | undefined> = (async () => {
    if (embeddings === false) return undefined;
    const loaded = await loadEmbedder({ env: embeddings.env, log });
    if (!loaded) return undefined;
    if (closed) {
      await loaded.dispose();
      return undefined;
    }
    embedder = loaded;
    const denseRetriever = new DenseRetriever(loaded, { dir: embeddings.dir ?? settings().search.dir, log });
    await retriever.join(denseRetriever);
    log(`Embeddings: dense retrieval fused with the lexical one (${loaded.modelId})`);
    return denseRetriever;
  })().catch((error: unknown) => {
    log(`Embeddings: dense retrieval not started: ${error instanceof Error ? error.message : String(error)} — the assistant answers with lexical retrieval only`);
    return undefined;
  });

  const store = options.store ?? new KnexConversationStore(connect(config.database));
  if (store instanceof KnexConversationStore) await store.ensureSchema();
  // Optional LLM wording (LLM_PROVIDER, off by default): rephrases answers, checked against their sources.
  const assistant = new Assistant(knowledge, { handoffAgency: config.handoffAgency, wording: createWording(config.llm, { log }) });

  if (options.waitForContent) await knowledge.refresh();
  let lastError = '';
  knowledge.startRefreshing(config.refreshSeconds * 1000, (error) => {
    // The same failure every minute is logged once.
    if (error.message !== lastError) log(`could not load the content from ${source.name}: ${error.message}`);
    lastError = error.message;
  });

  const server = createBotServer({
    assistant,
    knowledge,
    store,
    ratePerMinute: config.ratePerMinute,
    trustProxy: config.trustProxy,
    corsOrigin: config.corsOrigin,
    handoffAgency: config.handoffAgency,
    log,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    server,
    knowledge,
    assistant,
    store,
    config,
    dense,
    close: async () => {
      closed = true;
      knowledge.stopRefreshing();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      // A first dense sync under way finishes writing its vectors; one still waiting for content never starts.
      if (knowledge.ready) await dense;
      await embedder?.dispose();
      await store.close();
    },
  };
}
