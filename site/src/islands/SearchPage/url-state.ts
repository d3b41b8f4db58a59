/**
 * The search in the address: `?q=…&type=…&field=…&level=…&serviceLevel=…&page=N`. What the API
 * would refuse is dropped on reading, so a hand-edited or old link still gives a valid search.
 */
import { documentTypes, filterCodePattern, searchRules, type SearchFacets, type SearchFilter } from '@portal/cms/contracts/browser';

/** The filters the search page offers, each with the facet of the answer that counts its values. */
export const offeredFilters = [
  { param: 'type', facet: 'type' },
  { param: 'field', facet: 'field' },
  { param: 'level', facet: 'levels' },
  { param: 'serviceLevel', facet: 'serviceLevel' },
] as const satisfies readonly { param: SearchFilter; facet: keyof SearchFacets }[];
export type Filter = (typeof offeredFilters)[number]['param'];
export type FacetName = (typeof offeredFilters)[number]['facet'];

export type Params = { q: string; page: number } & Partial<Record<Filter, string>>;

const isType = (value: string) => (documentTypes as readonly string[]).includes(value);

/** Reads the search from an address's query string, dropping anything the API would refuse. */
export function readParams(search: string): Params {
  const url = new URLSearchParams(search);
  const page = Number.parseInt(url.get('page') ?? '', 10);
  const params: Params = { q: (url.get('q') ?? '').trim(), page: Number.isFinite(page) ? Math.min(Math.max(page, 1), searchRules.maxPage) : 1 };
  for (const { param } of offeredFilters) {
    const value = url.get(param);
    if (value && (param === 'type' ? isType(value) : filterCodePattern.test(value))) params[param] = value;
  }
  return params;
}

/** `q=…&type=…&page=N` in a stable order; page 1 is left out. */
export function toQuery(p: Params): string {
  const url = new URLSearchParams();
  if (p.q) url.set('q', p.q);
  for (const { param } of offeredFilters) {
    const value = p[param];
    if (value) url.set(param, value);
  }
  if (p.page > 1) url.set('page', String(p.page));
  return url.toString();
}

/** How many filters are chosen. */
export const filtersOf = (p: Params): number => offeredFilters.filter(({ param }) => p[param]).length;

/** Everything but the page: searches with the same key have the same facets. */
export const facetKey = (p: Params): string => JSON.stringify([p.q, ...offeredFilters.map(({ param }) => p[param] ?? '')]);
