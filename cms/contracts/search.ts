/**
 * The rules of the public search API (`GET /api/search`, `/api/search/suggest`) that a client
 * needs to build a valid request, and the shapes of its answers. The schemas that enforce them are
 * in `schemas/search.ts`; this module is zod-free so the portal's islands can import it.
 */
import type { z } from 'zod';
import type { searchParamsSchema, searchResponseSchema, suggestParamsSchema, suggestResponseSchema } from './schemas/search';
import type { DocumentType } from './paths';

export const documentTypes = ['procedure', 'faq', 'news'] as const satisfies readonly DocumentType[];

export const searchRules = {
  /**
   * Longest query, in characters: a longer one (a letter pasted into the box) is cut to this, at a
   * word boundary, never refused.
   */
  maxQueryLength: 1000,
  defaultLimit: 10,
  maxLimit: 50,
  /** Pages beyond this are refused: nobody reads them, and deep pages are costly. */
  maxPage: 100,
} as const;

/** Filter values are codes: lower case, digits and hyphens (e.g. `ho-tich`, `cap-xa`). */
export const filterCodePattern = /^[a-z0-9-]{1,80}$/;

/** Filters a search accepts, beside `q`, `locale`, `limit` and `page`. */
export const searchFilters = ['type', 'field', 'level', 'serviceLevel', 'audience', 'agency'] as const;
export type SearchFilter = (typeof searchFilters)[number];

export type SearchParams = z.input<typeof searchParamsSchema>;
export type SearchResponse = z.infer<typeof searchResponseSchema>;
export type SearchHit = SearchResponse['hits'][number];
export type SearchFacets = SearchResponse['facets'];
export type SuggestParams = z.input<typeof suggestParamsSchema>;
export type SuggestResponse = z.infer<typeof suggestResponseSchema>;
