/**
 * Facets by search (without the page), so a chosen filter's alternatives stay on screen: the
 * counts of the search without that filter. At most 50 searches, the least recently used dropped.
 */
import type { Facets } from './search-api';
import { facetKey, type Params } from './url-state';

export class FacetCache {
  readonly #entries = new Map<string, Facets>();

  get(p: Params): Facets | undefined {
    return this.#entries.get(facetKey(p));
  }

  has(p: Params): boolean {
    return this.#entries.has(facetKey(p));
  }

  set(p: Params, facets: Facets): void {
    const key = facetKey(p);
    this.#entries.delete(key);
    this.#entries.set(key, facets);
    if (this.#entries.size > 50) this.#entries.delete(this.#entries.keys().next().value!);
  }
}
