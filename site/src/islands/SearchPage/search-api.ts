/** Requests to `GET /api/search` and what the page keeps of the answers. */
import { readError, searchRules, type Failure, type Locale, type SearchFacets, type SearchResponse } from '@portal/cms/contracts/browser';
import { toQuery, type Params } from './url-state';

/** Results per page: the API's default page size. */
export const pageSize = searchRules.defaultLimit;

export type Facets = Partial<SearchFacets>;
export type Result = Pick<SearchResponse, 'hits' | 'total'> & { facets: Facets };

/** The API address for a search; `limit` 1 asks for facets only. */
export function searchUrl(p: Params, locale: Locale, limit: number = pageSize): string {
  const query = new URLSearchParams(toQuery({ ...p, page: 1 }));
  query.set('locale', locale);
  query.set('limit', String(limit));
  if (limit > 1) query.set('page', String(p.page));
  return `/api/search?${query}`;
}

/** The body of a successful answer, keeping only hits that link into the portal. */
export function toResult(body: unknown): Result {
  const b = (body ?? {}) as Partial<SearchResponse>;
  const hits = Array.isArray(b.hits) ? b.hits.filter((h) => typeof h?.title === 'string' && typeof h.url === 'string' && h.url.startsWith('/')) : [];
  const facets: Facets = {};
  if (b.facets && typeof b.facets === 'object') {
    for (const [name, counts] of Object.entries(b.facets)) if (counts && typeof counts === 'object') facets[name as keyof SearchFacets] = counts;
  }
  return { hits, total: typeof b.total === 'number' && b.total >= 0 ? b.total : hits.length, facets };
}

/** A failed search; the message is the server's ('' when it sent none, e.g. a proxy's error page). */
export async function toFailure(res: Response): Promise<Failure> {
  const body: unknown = await res.json().catch(() => null);
  return readError(body, res.status, '', res.headers.get('Retry-After'));
}

/** A search the server refused or could not answer: the failure to show. */
export class SearchFailed extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message || `HTTP ${failure.status}`);
  }
}

/** Asks for one page of results. */
export async function fetchResults(p: Params, locale: Locale, signal?: AbortSignal): Promise<Result> {
  const res = await fetch(searchUrl(p, locale), { signal, headers: { Accept: 'application/json' } });
  if (!res.ok) throw new SearchFailed(await toFailure(res));
  return toResult(await res.json());
}

/** The facets of a search (a nicety: null when they cannot be had). */
export async function fetchFacets(p: Params, locale: Locale): Promise<Facets | null> {
  try {
    const res = await fetch(searchUrl(p, locale, 1), { headers: { Accept: 'application/json' } });
    return res.ok ? toResult(await res.json()).facets : null;
  } catch {
    return null;
  }
}
