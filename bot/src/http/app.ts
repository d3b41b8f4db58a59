/**
 * The assistant's HTTP API as a Fastify app (`@portal/platform`), built without listening: for
 * `startBot`, the tests (`inject`) and the OpenAPI document (`app.swagger()`). Every route declares
 * its body and answers with the schemas of `@portal/bot/contracts`.
 */
import type { Limiter } from '@portal/cms/limits';
import { createServer, type Server, type ServerOptions } from '@portal/platform';
import { askRoute } from './ask';
import type { Conversations } from './conversation';
import { serverMessages } from './errors';
import { feedbackRoute } from './feedback';
import { handoffRoute } from './handoff';
import { healthRoute } from './health';
import { streamRoute } from './stream';

export type BotAppOptions = Conversations & {
  /** Counts questions, ratings and handoffs per client address, together. */
  limiter: Limiter;
  /** Slug of the agency whose hotline, e-mail and hours a handoff gives. */
  handoffAgency: string;
  /** LOG_LEVEL, TRUSTED_PROXIES, CORS_ORIGINS (and where log lines go, for tests). */
  server: Pick<ServerOptions, 'logLevel' | 'trustedProxies' | 'corsOrigins' | 'logStream'>;
};

export async function buildBotApp(options: BotAppOptions): Promise<Server> {
  const app = await createServer({ name: 'assistant', bodyLimit: 16 * 1024, messages: serverMessages, ...options.server });
  healthRoute(app, options.knowledge, options.assistant.answering);
  askRoute(app, options, options.limiter);
  streamRoute(app, options, options.limiter);
  feedbackRoute(app, options, options.limiter);
  handoffRoute(app, options, options.limiter, options.handoffAgency);
  return app;
}
