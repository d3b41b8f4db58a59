/**
 * docs/openapi.json, generated from the schemas the services validate with: the CMS's public routes
 * from `cmsRoutes` (@portal/cms/contracts), the assistant's and the site server's from their Fastify
 * apps (`app.swagger()`, fed by the same zod schemas). Named schemas become components, and every
 * identical copy of one in the paths becomes a `$ref` to it.
 */
import path from 'node:path';
import { z } from 'zod';
import { askRequestSchema, askResponseSchema, feedbackRequestSchema, handoffRequestSchema } from '@portal/bot/contracts';
import { botOpenApiPaths } from '@portal/bot';
import {
  cmsRoutes,
  collectionResponseSchema,
  errorEnvelopeSchema,
  searchHitSchema,
  searchResponseSchema,
  suggestResponseSchema,
  type RouteContract,
} from '@portal/cms/contracts';
import { siteOpenApiPaths } from '@portal/site/server';

type Json = Record<string, unknown>;
type OpenApiSource = { name: string; url: string; paths: Record<string, Json> };

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output'): Json => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return rest;
};

/**
 * The CMS's answers are what its contract schemas parse, so the wire is their input side: decimals
 * that PostgreSQL sends as strings, and keys the schemas drop (ids and timestamps Strapi adds).
 */
const wire = 'input';

/** The CMS's routes as OpenAPI paths. */
function cmsPaths(routes: RouteContract[] = cmsRoutes): Record<string, Json> {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const query = route.query ? (jsonSchema(route.query, 'input') as { properties: Record<string, Json>; required?: string[] }) : undefined;
    const parameters = query
      ? Object.entries(query.properties).map(([name, schema]) => ({ name, in: 'query', required: query.required?.includes(name) ?? false, schema }))
      : undefined;
    const responses = Object.fromEntries(
      Object.entries(route.responses).map(([status, answer]) => [
        status,
        {
          description: answer.description,
          ...(answer.headers ? { headers: Object.fromEntries(Object.entries(answer.headers).map(([h, d]) => [h, { description: d, schema: { type: 'integer' } }])) } : {}),
          ...(answer.schema ? { content: { 'application/json': { schema: jsonSchema(answer.schema, wire) } } } : {}),
        },
      ]),
    );
    paths[route.path] = { ...paths[route.path], [route.method]: { summary: route.summary, ...(route.description ? { description: route.description } : {}), ...(parameters ? { parameters } : {}), responses } };
  }
  return paths;
}

/** Schemas worth a name in the document (tests validate answers against some of them by name). */
const components = (): Record<string, Json> => ({
  Error: jsonSchema(errorEnvelopeSchema, wire),
  SearchHit: jsonSchema(searchHitSchema, wire),
  SearchResult: jsonSchema(searchResponseSchema, wire),
  Suggestions: jsonSchema(suggestResponseSchema, wire),
  ProcedurePage: jsonSchema(collectionResponseSchema('procedures'), wire),
  FaqPage: jsonSchema(collectionResponseSchema('faqs'), wire),
  AskRequest: jsonSchema(askRequestSchema, 'input'),
  AskResponse: jsonSchema(askResponseSchema, 'output'),
  FeedbackRequest: jsonSchema(feedbackRequestSchema, 'input'),
  HandoffRequest: jsonSchema(handoffRequestSchema, 'input'),
});

/** Replaces every object deep-equal to a component by a `$ref` to it (the component itself excepted). */
function referenceComponents(value: unknown, components: Record<string, Json>): unknown {
  const byText = new Map(Object.entries(components).map(([name, schema]) => [JSON.stringify(schema), name]));
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const name = byText.get(JSON.stringify(node));
    if (name) return { $ref: `#/components/schemas/${name}` };
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
  };
  return walk(value);
}

/**
 * The documents: the public contracts (the CMS's and the assistant's, whose paths never clash), and
 * the site server's own endpoints apart (its `/_health` has the CMS's path on another port).
 */
export async function openApiDocuments(): Promise<Record<string, Json>> {
  return {
    'openapi.json': document(
      [
        { name: 'CMS (CMS_PORT)', url: 'http://localhost:1337', paths: cmsPaths() },
        { name: 'Assistant (BOT_PORT)', url: 'http://localhost:3001', paths: await botOpenApiPaths() },
      ],
      'The public contracts of the CMS and the assistant',
    ),
    'openapi-site-server.json': document(
      [{ name: 'Portal site server (SITE_PORT)', url: 'http://localhost:4321', paths: await siteOpenApiPaths() }],
      "The portal's site server: its health and the CMS's rebuild requests (it also serves the portal and proxies the CMS's and the assistant's public paths)",
    ),
  };
}

/** One document: each service's paths, with its server named on each of its paths. */
function document(sources: OpenApiSource[], title: string): Json {
  const named = components();
  const paths: Record<string, Json> = {};
  for (const source of sources) {
    for (const [path, item] of Object.entries(source.paths)) {
      if (paths[path]) throw new Error(`${path} is declared by two services`);
      paths[path] = { servers: [{ url: source.url, description: source.name }], ...item };
    }
  }
  const referenced = referenceComponents(paths, named);
  const used = JSON.stringify(referenced);
  return {
    openapi: '3.1.0',
    info: {
      title: `Cổng dịch vụ công — ${title}`,
      version: '1',
      description:
        'Generated by `npm run openapi` from the zod schemas the services validate with (@portal/cms/contracts, @portal/bot/contracts, the site server). Do not edit by hand: `npm test` fails when this file differs from what the code generates. Errors everywhere use the envelope `{ error: { status, name, message, details } }`.',
    },
    paths: referenced,
    // Only the components this document uses.
    components: { schemas: Object.fromEntries(Object.entries(named).filter(([name]) => used.includes(`"#/components/schemas/${name}"`))) },
  };
}

export const docsDir = path.resolve(import.meta.dirname, '../../docs');

/** Each document's file name and its text as the file holds it. */
export async function openApiTexts(): Promise<Record<string, string>> {
  const documents = await openApiDocuments();
  return Object.fromEntries(Object.entries(documents).map(([file, body]) => [file, `${JSON.stringify(body, null, 2)}\n`]));
}
