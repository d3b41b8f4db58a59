import { LRUCache } from 'lru-cache';
import type { Locale, SearchDocument, SearchEngine, SearchQuery, SearchResult } from '../types';

export type CacheOptions = {
  /** Distinct queries whose results are kept; 0 keeps none. */
  max: number;
  /**
   * How long a result is kept, in milliseconds. Changes made through this engine empty the cache at
   * once; this bounds how long a change made by another process (a reindex of a shared
   * Meilisearch index) can go unseen. @default 60000
   */
  ttlMs?: number;
};

/**
 * Any engine, with the results of recent queries kept in memory: citizens search for the same few
 * hundred things ("khai sinh", "căn cước") and the suggestions repeat every prefix typed. Every
 * change through `upsert`, `remove` or `clear` empties the cache, and a result computed while a
 * change was under way is not kept.
 */
export class CachedEngine implements SearchEngine {
  private readonly cache: LRUCache<string, SearchResult | string[]> | undefined;
  /** Bumped by every change, so a result computed across one is not stored. */
  private generation = 0;

  constructor(
    private readonly inner: SearchEngine,
    options: CacheOptions,
  ) {
    this.cache = options.max > 0 ? new LRUCache({ max: options.max, ttl: options.ttlMs ?? 60_000 }) : undefined;
  }

  get name(): string {
    return this.inner.name;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const started = performance.now();
    const key = `search\u0000${JSON.stringify(query, Object.keys(query).sort())}`;
    const cached = this.cache?.get(key) as SearchResult | undefined;
    if (cached) return { ...cached, tookMs: Math.round((performance.now() - started) * 10) / 10 };
    return this.remembered(key, () => this.inner.search(query));
  }

  async suggest(prefix: string, locale: Locale, limit?: number): Promise<string[]> {
    const key = `suggest\u0000${locale}\u0000${limit ?? ''}\u0000${prefix}`;
    return (this.cache?.get(key) as string[] | undefined) ?? this.remembered(key, () => this.inner.suggest(prefix, locale, limit));
  }

  /** Computes a result and keeps it, unless the index changed meanwhile. Kept results are shared: callers must not change them. */
  private async remembered<T extends SearchResult | string[]>(key: string, compute: () => Promise<T>): Promise<T> {
    const generation = this.generation;
    const result = await compute();
    if (generation === this.generation) this.cache?.set(key, result);
    return result;
  }

  private changed(): void {
    this.generation++;
    this.cache?.clear();
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    this.changed();
    await this.inner.upsert(documents);
    this.changed();
  }

  async remove(ids: string[]): Promise<void> {
    this.changed();
    await this.inner.remove(ids);
    this.changed();
  }

  async clear(locale?: Locale): Promise<void> {
    this.changed();
    await this.inner.clear(locale);
    this.changed();
  }

  ids(locale: Locale): Promise<string[]> {
    return this.inner.ids(locale);
  }

  versions(locale: Locale): Promise<Map<string, string>> {
    return this.inner.versions(locale);
  }

  flush(): Promise<void> {
    return this.inner.flush();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
