/**
 * Dense retrieval: the search documents' passages (title, other questions, start of the body)
 * embedded once at index time and kept next to the search index (see ./store), the question
 * embedded at ask time, documents ranked by cosine. `DenseRetriever` has the shape of the
 * assistant's `Retriever` (name, sync, retrieve), so it joins the lexical retriever in the fused
 * list; `reciprocalRankFusion` fuses plain ranked id lists.
 */
import { locales, type Locale, type SearchDocument } from '@portal/search';
import type { Embedder } from './model';
import { VectorIndex, type Scored } from './store';

/** How much of the body goes into a passage: e5 reads 512 tokens at most, and the start says what a document is about. */
export const defaultBodyChars = 500;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The start of a text, cut at a word boundary. */
function start(text: string, chars: number): string {
  const t = squash(text);
  if (t.length <= chars) return t;
  const cut = t.slice(0, chars);
  const space = cut.lastIndexOf(' ');
  return space > chars / 2 ? cut.slice(0, space) : cut;
}

/** What is embedded for a document: title, questions (FAQ alternative questions, procedure keywords), start of the body. */
export function passageText(document: Pick<SearchDocument, 'title' | 'questions' | 'body'>, bodyChars = defaultBodyChars): string {
  return [squash(document.title), ...document.questions.map(squash), start(document.body, bodyChars)].filter(Boolean).join('\n');
}

/**
 * Reciprocal rank fusion of ranked lists (best first): a document scores the sum over the lists
 * that hold it of 1 / (k + rank), rank from 1; an id repeated within a list counts at its first
 * place. Ordered by fused score; equal scores keep the order in which the ids were first met
 * (first list first). Pure: the inputs are not changed.
 */
export function reciprocalRankFusion(lists: readonly (readonly (string | { readonly id: string })[])[], k = 60): Scored[] {
  const scores = new Map<string, number>();
  for (const list of lists) {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      const id = typeof item === 'string' ? item : item.id;
      if (seen.has(id)) return;
      seen.add(id);
      scores.set(id, (scores.get(id) ?? 0) + 1 / (k + i + 1));
    });
  }
  // Array.prototype.sort is stable: ties stay in insertion (first met) order.
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}

export type DenseQuery = { text: string; locale: Locale; limit?: number; type?: SearchDocument['type'] };

/** A document the dense retriever found: the fields of the assistant's `Retrieved`; score is the cosine. */
export type DenseHit = { id: string; type: SearchDocument['type']; key: string; locale: Locale; score: number };

export type DenseOptions = {
  /** Where the vector files are kept: the assistant's own folder, DATA_DIR/assistant/vectors (BOT_VECTORS_DIR). */
  dir: string;
  /** @default defaultBodyChars */
  bodyChars?: number;
  /** Hits below this cosine are dropped. @default no threshold */
  minScore?: number;
  log?: (message: string) => void;
};

export class DenseRetriever {
  readonly name = 'dense';
  private readonly indexes = new Map<Locale, VectorIndex>();
  private readonly documents = new Map<string, Pick<SearchDocument, 'type' | 'key' | 'locale'>>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly log: (message: string) => void;

  constructor(
    readonly embedder: Embedder,
    private readonly options: DenseOptions,
  ) {
    this.log = options.log ?? ((m: string) => console.error(`[bot] ${m}`));
  }

  /**
   * Makes the vectors match exactly these documents (all locales): loads the saved vectors on the
   * first call, embeds the new and changed passages, drops the removed, saves what changed. One
   * sync at a time. A locale whose embedding fails keeps its previous vectors (logged).
   */
  sync(documents: readonly SearchDocument[]): Promise<{ upserted: number; removed: number }> {
    const run = this.queue.then(() => this.syncNow(documents));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async syncNow(documents: readonly SearchDocument[]): Promise<{ upserted: number; removed: number }> {
    const total = { upserted: 0, removed: 0 };
    const byLocale = new Map<Locale, SearchDocument[]>(locales.map((l) => [l, []]));
    for (const d of documents) byLocale.get(d.locale)?.push(d);
    for (const [locale, docs] of byLocale) {
      const began = performance.now();
      try {
        let index = this.indexes.get(locale);
        if (!index) {
          index = await VectorIndex.load(this.options.dir, locale, this.embedder);
          if (index.origin === 'discarded') this.log(`Embeddings: ${locale} vectors discarded (${index.discarded}); embedding ${docs.length} documents again`);
        }
        const result = await index.sync(
          docs.map((d) => ({ id: d.id, text: passageText(d, this.options.bodyChars) })),
          (texts) => this.embedder.embedPassages(texts),
        );
        if (index.changed) await index.save(this.options.dir);
        this.indexes.set(locale, index);
        total.upserted += result.embedded;
        total.removed += result.removed;
        if (result.embedded || result.removed) {
          const seconds = ((performance.now() - began) / 1000).toFixed(1);
          this.log(`Embeddings: ${locale}: ${result.embedded} embedded, ${result.removed} removed, ${result.kept} unchanged (${seconds} s)`);
        }
      } catch (error) {
        this.log(`Embeddings: could not update the ${locale} vectors: ${error instanceof Error ? error.message : String(error)}; dense retrieval keeps the previous ones`);
      }
    }
    this.documents.clear();
    for (const d of documents) this.documents.set(d.id, { type: d.type, key: d.key, locale: d.locale });
    return total;
  }

  /** Ranked `{ id, score }` (cosine) for a question, best first; `filter` keeps only the ids it accepts. */
  async rank(question: string, locale: Locale, k = 20, filter?: (id: string) => boolean): Promise<Scored[]> {
    const index = this.indexes.get(locale);
    if (!index?.size || !question.trim()) return [];
    const [vector] = await this.embedder.embedQueries([question]);
    if (!vector) return [];
    const hits = index.search(vector, k, filter);
    const min = this.options.minScore;
    return min === undefined ? hits : hits.filter((h) => h.score >= min);
  }

  /** The assistant's retriever interface: the best documents for the question, with their type and key. */
  async retrieve(query: DenseQuery): Promise<DenseHit[]> {
    const known = (id: string) => {
      const d = this.documents.get(id);
      return d !== undefined && (!query.type || d.type === query.type);
    };
    const ranked = await this.rank(query.text, query.locale, query.limit ?? 20, known);
    return ranked.map(({ id, score }) => {
      const d = this.documents.get(id)!;
      return { id, type: d.type, key: d.key, locale: d.locale, score };
    });
  }
}
