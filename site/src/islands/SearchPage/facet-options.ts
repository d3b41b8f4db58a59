/** Which values a filter offers, in which order: pure, so the page knows before rendering whether any filter has values. */
import { filterCodePattern, type Locale } from '@portal/cms/contracts/browser';
import type { FacetCache } from './facet-cache';
import type { Result } from './search-api';
import type { FacetName, Filter, Params } from './url-state';

/** Fields shown before "Xem tất cả": the dozen with most results. */
export const fieldTop = 12;

export type FacetInput = { params: Params; result: Result; cache: FacetCache; names: Record<string, string>; locale: Locale };

/**
 * The values of one filter with their counts, most results first, then by name; for the field
 * filter only the top dozen unless `all` (the chosen value always stays). With a value chosen, the
 * counts are those of the search without this filter: what choosing another value would give.
 * @returns the options and how many there are in all, or null when there is nothing to offer
 */
export function facetOptions(param: Filter, facet: FacetName, input: FacetInput, all = false): { options: [string, number][]; total: number } | null {
  const { params, result, cache, names, locale } = input;
  const selected = params[param];
  const counts = (selected && cache.get({ ...params, [param]: undefined })?.[facet]) || result.facets[facet] || {};
  const collator = new Intl.Collator(locale);
  const name = (code: string) => names[code] ?? code;
  let options = Object.entries(counts)
    .filter(([code, n]) => filterCodePattern.test(code) && typeof n === 'number' && n > 0)
    .sort(([a, m], [b, n]) => n - m || collator.compare(name(a), name(b)));
  const total = options.length;
  if (param === 'field' && !all && total > fieldTop) {
    const top = options.slice(0, fieldTop);
    const chosen = options.find(([code]) => code === selected);
    options = chosen && !top.includes(chosen) ? [...top, chosen] : top;
  }
  if (selected && !options.some(([code]) => code === selected)) options.push([selected, result.total]);
  return options.length ? { options, total } : null;
}
