/**
 * The assistant as a running service: content from the CMS (or another source), the retrieval
 * index refreshed in the background, conversations in the CMS database, the HTTP API.
 */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Assistant } from './assistant';
import { readBotConfig, type BotConfig } from './config';
import { RestContentSource } from './content/rest';
import type { ContentSource } from './content/types';
import { Knowledge } from './knowledge';
import { createBotServer } from './server';
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
  close: () => Promise<void>;
};

export async function startBot(options: BotOptions = {}): Promise<RunningBot> {
  const config: BotConfig = { ...readBotConfig(), ...options.config };
  const log = options.log ?? ((m: string) => console.error(`[bot] ${m}`));
  const source = options.content ?? new RestContentSource({ url: config.cmsUrl, token: config.cmsToken, tokenFile: config.tokenFile });
  const knowledge = new Knowledge(source);
  const store = options.store ?? new KnexConversationStore(connect(config.database));
  if (store instanceof KnexConversationStore) await store.ensureSchema();
  const assistant = new Assistant(knowledge, { handoffAgency: config.handoffAgency });

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
    close: async () => {
      knowledge.stopRefreshing();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.close();
    },
  };
}
