import type { Scored } from './rank';
import { snippet } from './snippet';
import type { Expansion } from './synonyms';
import type { Facets, Locale, SearchEngine, SearchQuery, SearchResult } from './types';

/** The query as the first stage searches it: what was typed, then every phrase of its synonym groups. */
export const expandedTerm = (q: string, expansion: Expansion): string =>
  [q, ...expansion.groups.flatMap((g) => g.map((p) => p.join(' ')))].join(' ');

/**
 * The result every engine returns, from its re-ranked candidates: facets and total over all of
 * them, the requested page, a snippet per hit.
 */
export function assemble(ranked: Scored[], query: SearchQuery, expansion: Expansion, startedAt: number): SearchResult {
  const facets: Facets = { type: {}, field: {}, levels: {}, serviceLevel: {}, audiences: {}, agencies: {} };
  const add = (facet: keyof Facets, values: string[]) => {
    for (const v of values) if (v) facets[facet][v] = (facets[facet][v] ?? 0) + 1;
  };
  for (const { doc } of ranked) {
    add('type', [doc.type]);
    add('field', [doc.field]);
    add('levels', doc.levels);
    add('serviceLevel', [doc.serviceLevel]);
    add('audiences', doc.audiences);
    add('agencies', doc.agencies);
  }
  const limit = Math.max(1, query.limit ?? 10);
  const page = Math.max(1, query.page ?? 1);
  const words = [...expansion.words, ...expansion.groups.flat(2)];
  const hits = ranked.slice((page - 1) * limit, page * limit).map(({ doc }) => ({
    type: doc.type,
    documentId: doc.documentId,
    code: doc.code,
    title: doc.title,
    url: doc.url,
    snippet: snippet(doc.body || doc.title, words),
    key: doc.key,
  }));
  return { hits, total: ranked.length, facets, tookMs: Math.round((performance.now() - startedAt) * 10) / 10 };
}

/** Suggestions as both engines make them: the distinct titles of the best hits for what is typed. */
export async function suggestTitles(engine: Pick<SearchEngine, 'search'>, prefix: string, locale: Locale, limit: number): Promise<string[]> {
  const result = await engine.search({ q: prefix, locale, limit: limit * 2 });
  return [...new Set(result.hits.map((h) => h.title))].slice(0, limit);
}
