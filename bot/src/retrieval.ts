/**
 * Retrieval: retrievers each rank the indexed documents for a query; their lists are fused by
 * reciprocal rank fusion. The lexical retriever (the search library's embedded engine, in memory)
 * always; the dense retriever (sentence embeddings, ./embeddings/dense) when a model is available:
 * it `join`s the `HybridRetriever` once it has embedded the documents, without touching the assistant.
 */
import { LRUCache } from 'lru-cache';
import { EmbeddedEngine, Synonyms, type Locale, type SearchDocument } from '@portal/search';

export type RetrievalQuery = { text: string; locale: Locale; limit?: number };

/** One document a retriever found, with the retriever's own score (not comparable across retrievers). */
export type Retrieved = {
  /** Search document id: `${documentId}-${locale}`. */
  id: string;
  type: SearchDocument['type'];
  /** National code (procedure) or slug (FAQ). */
  key: string;
  locale: Locale;
  score: number;
  /** Share of the query the document covers, when the retriever knows it (lexical). */
  coverage?: number;
};

export interface Retriever {
  readonly name: string;
  /** Makes the index hold exactly these documents (adds, replaces, removes). */
  sync(documents: readonly SearchDocument[]): Promise<{ upserted: number; removed: number }>;
  /** The best documents for the query, best first. */
  retrieve(query: RetrievalQuery): Promise<Retrieved[]>;
}

/** A fused candidate: its place in the fused list and what each retriever said about it. */
export type Fused = Omit<Retrieved, 'score' | 'coverage'> & {
  rrf: number;
  signals: Record<string, { rank: number; score: number; coverage?: number }>;
};

/**
 * Reciprocal rank fusion: each list adds weight / (k + rank) to the documents it holds.
 * k = 60 is the usual constant; it keeps one list's top rank from dominating.
 */
export function reciprocalRankFusion(lists: { name: string; weight?: number; hits: Retrieved[] }[], k = 60): Fused[] {
  const fused = new Map<string, Fused>();
  for (const { name, weight = 1, hits } of lists) {
    hits.forEach((hit, i) => {
      const entry = fused.get(hit.id) ?? { id: hit.id, type: hit.type, key: hit.key, locale: hit.locale, rrf: 0, signals: {} };
      entry.rrf += weight / (k + i + 1);
      entry.signals[name] = { rank: i + 1, score: hit.score, ...(hit.coverage === undefined ? {} : { coverage: hit.coverage }) };
      fused.set(hit.id, entry);
    });
  }
  return [...fused.values()].sort((a, b) => b.rrf - a.rrf);
}

/**
 * The search library's embedded engine, in memory, over FAQ questions and procedures' fields.
 * Ranking one text costs milliseconds of CPU (the engine's second stage scores up to 300
 * candidates), about nine tenths of answering a question; the same text always ranks the same way
 * until the documents change, so recent results are kept (`cacheSize` texts, dropped at every sync
 * that changes something): questions citizens repeat, and the subject searches that different
 * questions share ("đăng ký kết hôn"), are ranked once.
 */
export class LexicalRetriever implements Retriever {
  readonly name = 'lexical';
  private readonly engine: EmbeddedEngine;
  private readonly versions = new Map<string, string>();
  private readonly cache: LRUCache<string, Retrieved[]> | undefined;

  /** @param options.cacheSize texts whose results are kept; 0: none. @default 5000 */
  constructor(options: { synonyms?: Synonyms; cacheSize?: number } = {}) {
    this.engine = new EmbeddedEngine({ synonyms: options.synonyms });
    const max = options.cacheSize ?? 5000;
    this.cache = max > 0 ? new LRUCache({ max }) : undefined;
  }

  async sync(documents: readonly SearchDocument[]): Promise<{ upserted: number; removed: number }> {
    const next = new Map(documents.map((d) => [d.id, JSON.stringify(d)]));
    const changed = documents.filter((d) => this.versions.get(d.id) !== next.get(d.id));
    const removed = [...this.versions.keys()].filter((id) => !next.has(id));
    if (removed.length) await this.engine.remove(removed);
    if (changed.length) await this.engine.upsert(changed);
    for (const id of removed) this.versions.delete(id);
    for (const d of changed) this.versions.set(d.id, next.get(d.id)!);
    if (changed.length || removed.length) this.cache?.clear();
    return { upserted: changed.length, removed: removed.length };
  }

  /** The best documents for the query; the list is shared with later callers of the same query, so it is never changed. */
  async retrieve(query: RetrievalQuery): Promise<Retrieved[]> {
    const key = `${query.locale}\u0000${query.limit ?? 20}\u0000${query.text}`;
    const cached = this.cache?.get(key);
    if (cached) return cached;
    const ranked = await this.engine.rank({ q: query.text, locale: query.locale });
    const hits = ranked.slice(0, query.limit ?? 20).map(({ doc, score, coverage }) => ({
      id: doc.id,
      type: doc.type,
      key: doc.key,
      locale: doc.locale,
      score,
      coverage,
    }));
    this.cache?.set(key, hits);
    return hits;
  }
}

/**
 * Several retrievers, fused. With one retriever the fused order is that retriever's order. The
 * first retriever is the primary one: `sync` reports its counts, and its failure fails a retrieval;
 * another that fails is left out of that fusion (logged).
 */
export class HybridRetriever {
  private readonly list: Retriever[];
  /** The documents of the last `sync`, for retrievers that join later. */
  private documents: readonly SearchDocument[] | undefined;
  private readonly waiting: { retriever: Retriever; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private readonly log: (message: string) => void;

  constructor(
    retrievers: Retriever[],
    private readonly options: { weights?: Record<string, number>; k?: number; log?: (message: string) => void } = {},
  ) {
    if (retrievers.length === 0) throw new Error('HybridRetriever needs at least one retriever');
    this.list = [...retrievers];
    this.log = options.log ?? ((m: string) => console.error(`[bot] ${m}`));
  }

  /** The retrievers fused today, primary first. */
  get retrievers(): readonly Retriever[] {
    return this.list;
  }

  async sync(documents: readonly SearchDocument[]): Promise<{ upserted: number; removed: number }> {
    this.documents = documents;
    this.startJoining();
    const results = await Promise.all(this.list.map((r) => r.sync(documents)));
    return results[0]!;
  }

  /**
   * Adds a retriever that takes part in the fusion once it holds the current documents: its first
   * sync (with the documents of the last `sync`, or of the first one to come) runs in the
   * background while the others answer; documents synced meanwhile are synced to it before it joins.
   * Resolves when it has joined.
   */
  join(retriever: Retriever): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ retriever, resolve, reject });
      this.startJoining();
    });
  }

  private startJoining(): void {
    if (!this.documents) return;
    for (const { retriever, resolve, reject } of this.waiting.splice(0)) {
      void (async () => {
        let synced: readonly SearchDocument[] | undefined;
        // No await between the last check and the push: a sync that starts later includes it.
        while (synced !== this.documents) {
          synced = this.documents!;
          await retriever.sync(synced);
        }
        this.list.push(retriever);
      })().then(resolve, reject);
    }
  }

  async retrieve(query: RetrievalQuery): Promise<Fused[]> {
    const lists = await Promise.all(
      this.list.map(async (r, i) => {
        let hits: Retrieved[] = [];
        try {
          hits = await r.retrieve(query);
        } catch (error) {
          if (i === 0) throw error;
          this.log(`${r.name} retrieval failed, answering without it: ${error instanceof Error ? error.message : String(error)}`);
        }
        return { name: r.name, weight: this.options.weights?.[r.name], hits };
      }),
    );
    return reciprocalRankFusion(lists, this.options.k);
  }
}
