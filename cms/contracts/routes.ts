/**
 * The CMS's public HTTP routes as data: method, path, parameters and answers by status, each a
 * contract schema. `npm run openapi` turns them (with the assistant's and the site server's routes,
 * which Fastify describes from the same kind of schemas) into docs/openapi.json.
 */
import { z } from 'zod';
import { catalogueCollections, type Collection } from './catalogue';
import { locales } from './locales';
import { collectionObjectSchemas, collectionPageSchema, errorEnvelopeSchema, searchParamsSchema, searchResponseSchema, suggestParamsSchema, suggestResponseSchema } from './schemas';

export type RouteContract = {
  method: 'get' | 'post';
  path: string;
  summary: string;
  description?: string;
  query?: z.ZodObject;
  responses: Record<number, { description: string; schema?: z.ZodType; headers?: Record<string, string> }>;
};

const error = (description: string) => ({ description, schema: errorEnvelopeSchema });
const tooMany = { description: 'Too many requests from one address in a minute', schema: errorEnvelopeSchema, headers: { 'Retry-After': 'seconds to wait' } };

/** What the REST API accepts beside `populate`, which is fixed per collection (catalogueCollections). */
const collectionQuery = z.object({
  locale: z.enum(locales).default('vi'),
  'pagination[page]': z.coerce.number().int().min(1).optional(),
  'pagination[pageSize]': z.coerce.number().int().min(1).max(100).optional(),
  sort: z.string().optional(),
});

/**
 * A page of `collection` as `/api/<path>` answers it: the relations and components that
 * `catalogueCollections[collection].populate` names are there only when `populate` asks for them,
 * as `@portal/cms/client` does (and then the page is a `collectionPageSchema` of the full documents).
 */
export function collectionResponseSchema(collection: Collection) {
  const populated = Object.keys(catalogueCollections[collection].populate);
  const schema: z.ZodObject = collectionObjectSchemas[collection];
  const shape: Record<string, z.ZodType> = schema.shape;
  return collectionPageSchema(schema.extend(Object.fromEntries(populated.map((key) => [key, shape[key]!.optional()]))));
}

const collectionRoute = (collection: Collection, summary: string): RouteContract => ({
  method: 'get',
  path: `/api/${catalogueCollections[collection].path}`,
  summary,
  description: `Published documents only, whatever the query asks. \`populate\` may name only what \`catalogueCollections.${collection}\` populates; filters, sort and fields name existing attributes with known operators.`,
  query: collectionQuery,
  responses: {
    200: { description: 'One page of published documents (relations and components when `populate` names them)', schema: collectionResponseSchema(collection) },
    400: error('A parameter outside the public query language (message in Vietnamese, naming it)'),
  },
});

export const cmsRoutes: RouteContract[] = [
  { method: 'get', path: '/_health', summary: 'CMS health', responses: { 204: { description: 'The CMS is up.' } } },
  {
    method: 'get',
    path: '/api/search',
    summary: 'Search procedures, FAQs and news',
    description:
      'Matching ignores tones and đ/d; abbreviations and synonyms are expanded. Queries that find nothing are counted for editors, with personal data masked.',
    query: searchParamsSchema,
    responses: { 200: { description: 'Results', schema: searchResponseSchema }, 400: error('Missing, over-long or unknown parameter (message in Vietnamese)'), 429: tooMany },
  },
  {
    method: 'get',
    path: '/api/search/suggest',
    summary: 'Titles completing what the user types',
    query: suggestParamsSchema,
    responses: { 200: { description: 'Suggestions', schema: suggestResponseSchema }, 400: error('Bad parameter'), 429: tooMany },
  },
  collectionRoute('procedures', 'Published procedures'),
  collectionRoute('faqs', 'Published FAQ entries'),
  collectionRoute('news', 'Published news and announcements'),
  collectionRoute('fields', 'Fields (lĩnh vực)'),
  collectionRoute('agencies', 'Agencies'),
  collectionRoute('lifeEvents', 'Life events'),
];
