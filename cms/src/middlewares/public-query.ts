import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { publicCollections } from '../portal/public-query/allow-list';
import { createPublicQueryParser, type Attribute } from '../portal/public-query/parse';

/**
 * Every read of a catalogue collection under the content API (`GET /api/procedures`, `/api/faqs/:id`…),
 * anonymous or with an API token, goes through the bounded public query language: the query is
 * checked (400 naming the parameter otherwise) and replaced by the clean one, which always asks for
 * published documents. Registered globally, so no route can forget it.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  type Models = Record<string, { attributes: Record<string, Attribute> } | undefined>;
  // Strapi types its model registries per generated uid, which this project does not generate: the attributes are read as data.
  const parse = createPublicQueryParser((uid) => ((strapi.contentTypes as unknown as Models)[uid] ?? (strapi.components as unknown as Models)[uid])?.attributes ?? {});
  const prefix = strapi.config.get('api.rest.prefix', '/api') as string;
  const collectionPath = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/([a-z-]+)(?:/[^/]+)?/?$`);
  return async (ctx: Context, next: Next) => {
    if (ctx.method === 'GET' || ctx.method === 'HEAD') {
      const name = collectionPath.exec(ctx.path)?.[1];
      if (name && Object.hasOwn(publicCollections, name)) ctx.query = parse(ctx.query, publicCollections[name]!);
    }
    await next();
  };
};
