/**
 * What the assistant knows: the content of one load from its source, looked up by key, and the
 * retrieval index kept in step with it. `refresh()` loads the content again and updates only the
 * documents that changed; answers keep using the previous snapshot until the new one is ready.
 */
import crypto from 'node:crypto';
import { faqDocument, procedureDocument } from '@portal/cms/search-documents';
import { locales, type Locale, type SearchDocument } from '@portal/search';
import type { Agency, Content, ContentSource, Faq, Procedure } from './content/types';
import { HybridRetriever, LexicalRetriever, type Fused } from './retrieval';
import { foldedWords } from './text';

type LocaleIndex = {
  procedures: Map<string, Procedure>;
  faqs: Map<string, Faq>;
  agencies: Map<string, Agency>;
  /** Folded words of the titles, questions and keywords: what this locale's content speaks. */
  vocabulary: Set<string>;
  /** Per document (`faq:<slug>`, `procedure:<code>`): the words of what it is about (title, questions, keywords) and of its title. */
  about: Map<string, { words: Set<string>; title: string[] }>;
  /** In how many documents' `about` words each word occurs. */
  df: Map<string, number>;
};

export type RefreshReport = { faqs: number; procedures: number; agencies: number; upserted: number; removed: number; ms: number };

/** A procedure is fully described when it has channels and documents (the 60 core ones); the rest are catalogue entries. */
export const described = (p: Procedure): boolean => p.channels.length > 0 && p.documents.length > 0;

function index(content: Content): Record<Locale, LocaleIndex> {
  const out = {} as Record<Locale, LocaleIndex>;
  for (const locale of locales) {
    const c = content[locale] ?? { procedures: [], faqs: [], agencies: [] };
    const about = new Map<string, { words: Set<string>; title: string[] }>();
    for (const p of c.procedures) {
      const keywords = [...(p.keywords ?? []), p.field?.name ?? '', ...p.agencies.map((a) => a.name)];
      // A name's parenthesised parts ("(cấp tỉnh)", "(công trình theo tuyến/…)") qualify it: a question need not repeat them.
      about.set(`procedure:${p.nationalCode}`, { words: new Set(foldedWords([p.name, ...keywords].join(' '))), title: foldedWords(p.name.replace(/\([^)]*\)?/g, ' ')) });
    }
    for (const f of c.faqs) {
      const text = [f.question, ...(f.alternativeQuestions ?? []), ...(f.tags ?? []), f.field?.name ?? ''].join(' ');
      about.set(`faq:${f.slug}`, { words: new Set(foldedWords(text)), title: foldedWords(f.question) });
    }
    const df = new Map<string, number>();
    for (const { words } of about.values()) for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
    out[locale] = {
      procedures: new Map(c.procedures.map((p) => [p.nationalCode, p])),
      faqs: new Map(c.faqs.map((f) => [f.slug, f])),
      agencies: new Map(c.agencies.map((a) => [a.slug, a])),
      vocabulary: new Set(df.keys()),
      about,
      df,
    };
  }
  return out;
}

function searchDocuments(content: Content): SearchDocument[] {
  const docs: SearchDocument[] = [];
  for (const locale of locales) {
    const c = content[locale];
    if (!c) continue;
    for (const p of c.procedures) {
      docs.push(procedureDocument(p));
    }
    for (const f of c.faqs) docs.push(faqDocument(f));
  }
  return docs;
}

export class Knowledge {
  private snapshot: Record<Locale, LocaleIndex> | undefined;
  /** SHA-256 of the content the snapshot was built from. */
  private signature: string | undefined;
  private inFlight: Promise<RefreshReport> | undefined;
  private timer: NodeJS.Timeout | undefined;
  loadedAt: Date | undefined;
  lastError: Error | undefined;

  constructor(
    readonly source: ContentSource,
    readonly retriever: HybridRetriever = new HybridRetriever([new LexicalRetriever()]),
  ) {}

  get ready(): boolean {
    return this.snapshot !== undefined;
  }

  /** Loads the content again and brings the index up to date; concurrent calls share one load. */
  refresh(): Promise<RefreshReport> {
    this.inFlight ??= this.load().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async load(): Promise<RefreshReport> {
    const started = performance.now();
    try {
      const content = await this.source.load();
      // Most refreshes find nothing new: indexing again would hold the event loop for half a
      // second every minute, and every question waiting meanwhile with it.
      const signature = crypto.createHash('sha256').update(JSON.stringify(content)).digest('hex');
      let upserted = 0;
      let removed = 0;
      if (!this.snapshot || signature !== this.signature) {
        const next = index(content);
        ({ upserted, removed } = await this.retriever.sync(searchDocuments(content)));
        this.snapshot = next;
        this.signature = signature;
      }
      const snapshot = this.snapshot;
      this.loadedAt = new Date();
      this.lastError = undefined;
      return {
        faqs: snapshot.vi.faqs.size + snapshot.en.faqs.size,
        procedures: snapshot.vi.procedures.size + snapshot.en.procedures.size,
        agencies: snapshot.vi.agencies.size + snapshot.en.agencies.size,
        upserted,
        removed,
        ms: Math.round(performance.now() - started),
      };
    } catch (error) {
      this.lastError = error as Error;
      throw error;
    }
  }

  /**
   * Refreshes every `intervalMs` in the background (never blocking answers); until the first load
   * succeeds it retries every `retryMs`. Errors go to `onError` and the previous content stays.
   */
  startRefreshing(intervalMs: number, onError: (e: Error) => void = () => {}, retryMs = 5000): void {
    this.stopRefreshing();
    const tick = () => {
      this.refresh()
        .catch((e: Error) => onError(e))
        .finally(() => {
          if (this.timer === undefined) return; // stopped meanwhile
          this.timer = setTimeout(tick, this.ready ? intervalMs : retryMs);
          this.timer.unref();
        });
    };
    this.timer = setTimeout(tick, 0);
    this.timer.unref();
  }

  stopRefreshing(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  async retrieve(text: string, locale: Locale, limit = 20): Promise<Fused[]> {
    if (!this.snapshot) return [];
    const hits = await this.retriever.retrieve({ text, locale, limit });
    // A hit of a document that vanished between two refreshes is skipped.
    return hits.filter((h) => (h.type === 'faq' ? this.faq(h.locale, h.key) : this.procedure(h.locale, h.key)));
  }

  procedure(locale: Locale, nationalCode: string): Procedure | undefined {
    return this.snapshot?.[locale].procedures.get(nationalCode);
  }

  /** Every procedure of a locale. */
  procedures(locale: Locale): Procedure[] {
    return [...(this.snapshot?.[locale].procedures.values() ?? [])];
  }

  faq(locale: Locale, slug: string): Faq | undefined {
    return this.snapshot?.[locale].faqs.get(slug);
  }

  agency(locale: Locale, slug: string): Agency | undefined {
    return this.snapshot?.[locale].agencies.get(slug) ?? (locale === 'vi' ? undefined : this.snapshot?.vi.agencies.get(slug));
  }

  vocabulary(locale: Locale): ReadonlySet<string> {
    return this.snapshot?.[locale].vocabulary ?? new Set();
  }

  /** What a document is about (`faq:<slug>` or `procedure:<code>`), as folded words, and its title's words. */
  about(locale: Locale, id: string): { words: Set<string>; title: string[] } | undefined {
    return this.snapshot?.[locale].about.get(id);
  }

  /** Inverse document frequency of a folded word among the locale's documents; undefined for a word no document has. */
  idf(locale: Locale, word: string): number | undefined {
    const index = this.snapshot?.[locale];
    const df = index?.df.get(word);
    return index && df ? Math.log((index.about.size + 1) / (df + 0.5)) : undefined;
  }

  /** The IDF of a word only one document has: the most a word can weigh. */
  maxIdf(locale: Locale): number {
    return Math.log(((this.snapshot?.[locale].about.size ?? 0) + 1) / 1.5);
  }

  /** Words of the locale's documents with their document frequency (for snapping unknown English word forms). */
  documentFrequencies(locale: Locale): ReadonlyMap<string, number> {
    return this.snapshot?.[locale].df ?? new Map();
  }

  counts(): { faqs: Record<Locale, number>; procedures: Record<Locale, number> } {
    const n = (f: (i: LocaleIndex) => number) => Object.fromEntries(locales.map((l) => [l, this.snapshot ? f(this.snapshot[l]) : 0])) as Record<Locale, number>;
    return { faqs: n((i) => i.faqs.size), procedures: n((i) => i.procedures.size) };
  }
}
