/**
 * The assistant's routes as OpenAPI paths, for docs/openapi.json (`npm run openapi`): the app is
 * built on no content and a store that is never opened, since only its routes are read.
 */
import knex from 'knex';
import { parseTrustedProxies } from '@portal/cms/client-address';
import { createLimiter } from '@portal/cms/limits';
import { Assistant } from '../assistant';
import { Knowledge } from '../knowledge';
import { KnexConversationStore } from '../store';
import { buildBotApp } from './app';

export async function botOpenApiPaths(): Promise<Record<string, Record<string, unknown>>> {
  const empty = { procedures: [], faqs: [], agencies: [] };
  const knowledge = new Knowledge({ name: 'none', load: async () => ({ vi: empty, en: empty }) });
  // knex connects lazily: with no query, no database is opened.
  const store = new KnexConversationStore(knex({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true }));
  const limiter = createLimiter({ keyPrefix: 'openapi', points: 1, durationSeconds: 1 });
  const app = await buildBotApp({
    assistant: new Assistant(knowledge),
    knowledge,
    store,
    limiter,
    handoffAgency: 'none',
    server: { logLevel: 'error', trustedProxies: parseTrustedProxies('') },
  });
  await app.ready();
  const { paths } = app.swagger() as { paths: Record<string, Record<string, unknown>> };
  await app.close();
  await store.close();
  await limiter.close();
  return paths;
}
