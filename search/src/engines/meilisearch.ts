import type { Index, Meilisearch, SearchParams, Settings, Task } from 'meilisearch' with { 'resolution-mode': 'import' };
import { focus } from '../focus';
import { poolSize, prepare, rerank } from '../rank';
import { assemble, expandedTerm, suggestTitles } from '../results';
import { Synonyms } from '../synonyms';
import { foldedWords } from '../text';
import { locales, type Locale, type SearchDocument, type SearchEngine, type SearchQuery, type SearchResult } from '../types';

/*
 * The client is an ES module and this workspace compiles to CommonJS: it is loaded on first use.
 * The specifier is a variable so that TypeScript (moduleResolution "Node") does not try to resolve
 * it; the types come from the `resolution-mode` imports above.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- the type-aware lint cannot follow a resolution-mode import; tsc checks it
type ClientModule = typeof import('meilisearch', { with: { 'resolution-mode': 'import' } });
const clientModule = 'meilisearch';

export type MeiliOptions = {
  /** Meilisearch server, e.g. MEILI_URL. */
  url: string;
  /** MEILI_MASTER_KEY or a key allowed to manage the indexes. */
  apiKey?: string;
  /** Indexes are `${indexPrefix}-vi` and `${indexPrefix}-en`. @default 'portal' */
  indexPrefix?: string;
  synonyms?: Synonyms;
};

/** What is stored in Meilisearch: the document as given, plus folded copies that are searched. */
type Stored = SearchDocument & {
  titleFolded: string;
  questionsFolded: string[];
  keywordsFolded: string[];
  bodyFolded: string;
};

/** The fields a hit brings back: the document as given, never the folded copies. */
const documentFields: (keyof SearchDocument)[] = [
  'id',
  'type',
  'locale',
  'documentId',
  'code',
  'key',
  'title',
  'questions',
  'keywords',
  'body',
  'url',
  'field',
  'levels',
  'serviceLevel',
  'audiences',
  'agencies',
  'complete',
];

/** Folded the way the embedded engine's tokenizer folds: tones and đ/d ignored, ký/kí alike. */
const folded = (text: string): string => foldedWords(text).join(' ');

const stored = (doc: SearchDocument): Stored => ({
  ...doc,
  titleFolded: folded(doc.title),
  questionsFolded: doc.questions.map(folded),
  keywordsFolded: doc.keywords.map(folded),
  bodyFolded: folded(doc.body),
});

/** A string value in a Meilisearch filter expression. */
const quoted = (value: string): string => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The filter of a query: every condition must hold; on an array attribute, one element equal suffices. */
export function meiliFilter(query: SearchQuery): string[] {
  const conditions: [string, string | undefined][] = [
    ['type', query.type],
    ['field', query.field],
    ['levels', query.level],
    ['serviceLevel', query.serviceLevel],
    ['audiences', query.audience],
    ['agencies', query.agency],
  ];
  return conditions.flatMap(([attribute, value]) => (value ? [`${attribute} = ${quoted(value)}`] : []));
}

/**
 * The synonym groups of a locale in Meilisearch's form: every folded phrase maps to the other
 * phrases of its groups.
 */
export function meiliSynonyms(groups: string[][][]): Record<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const group of groups) {
    const phrases = [...new Set(group.map((words) => words.join(' ')).filter(Boolean))];
    for (const phrase of phrases) {
      const others = map.get(phrase) ?? new Set<string>();
      for (const other of phrases) if (other !== phrase) others.add(other);
      map.set(phrase, others);
    }
  }
  return Object.fromEntries([...map].filter(([, others]) => others.size > 0).map(([phrase, others]) => [phrase, [...others]]));
}

/** The folded phrase groups of a locale: Meilisearch applies the same list the query expansion uses. */
const synonymGroups = (synonyms: Synonyms, locale: Locale): string[][][] => [...synonyms.groupsOf(locale)];

const settingsFor = (synonyms: Synonyms, locale: Locale): Settings => ({
  searchableAttributes: ['titleFolded', 'questionsFolded', 'keywordsFolded', 'bodyFolded'],
  filterableAttributes: ['type', 'field', 'levels', 'serviceLevel', 'audiences', 'agencies'],
  sortableAttributes: [],
  synonyms: meiliSynonyms(synonymGroups(synonyms, locale)),
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 9 } },
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'exactness'],
});

/** How long a write may take before the engine gives up waiting for it. */
const taskTimeoutMs = 120_000;
const idsPageSize = 1000;

/**
 * Meilisearch, for deployments that run it: one index per locale, searched on folded copies of the
 * texts with the same synonyms. First stage: Meilisearch's ranking over the folded expanded query;
 * second stage: the same `rerank` and `assemble` as the embedded engine, so both return the same
 * shape and order their candidates the same way.
 */
export class MeiliEngine implements SearchEngine {
  readonly name = 'meilisearch';
  private readonly synonyms: Synonyms;
  private readonly prefix: string;
  private client: Promise<Meilisearch> | undefined;
  private readonly ready = new Map<Locale, Promise<Index<Stored>>>();

  constructor(private readonly options: MeiliOptions) {
    this.synonyms = options.synonyms ?? Synonyms.fromFile();
    this.prefix = options.indexPrefix ?? 'portal';
  }

  /** The index name of a locale. */
  indexName(locale: Locale): string {
    return `${this.prefix}-${locale}`;
  }

  private connect(): Promise<Meilisearch> {
    if (!this.client) {
      const client = (import(clientModule) as Promise<ClientModule>).then(
        ({ Meilisearch }) => new Meilisearch({ host: this.options.url, apiKey: this.options.apiKey, defaultWaitOptions: { timeout: taskTimeoutMs } }),
      );
      client.catch(() => (this.client = undefined)); // retried on the next call
      this.client = client;
    }
    return this.client;
  }

  /** Waits for a task and fails if it failed. */
  private static async done(pending: Promise<Task>, what: string): Promise<Task> {
    const task = await pending;
    if (task.status !== 'succeeded') {
      throw new Error(`Meilisearch: ${what} ${task.status}${task.error ? `: ${task.error.message} (${task.error.code})` : ''}`);
    }
    return task;
  }

  /**
   * Creates the index of a locale (or of every locale) if needed and pushes its settings, waiting
   * for Meilisearch to apply them. Idempotent; done once per locale and engine before the first
   * write or search.
   */
  async ensureSettings(locale?: Locale): Promise<void> {
    for (const l of locale ? [locale] : locales) await this.index(l);
  }

  private index(locale: Locale): Promise<Index<Stored>> {
    let ready = this.ready.get(locale);
    if (!ready) {
      ready = (async () => {
        const client = await this.connect();
        const uid = this.indexName(locale);
        const created = await client.createIndex(uid, { primaryKey: 'id' }).waitTask();
        if (created.status !== 'succeeded' && created.error?.code !== 'index_already_exists') {
          throw new Error(`Meilisearch: creating index ${uid} ${created.status}: ${created.error?.message ?? 'unknown error'}`);
        }
        const index = client.index<Stored>(uid);
        await MeiliEngine.done(index.updateSettings(settingsFor(this.synonyms, locale)).waitTask(), `settings of ${uid}`);
        return index;
      })();
      const attempt = ready;
      attempt.catch(() => this.ready.get(locale) === attempt && this.ready.delete(locale)); // retried on the next call
      this.ready.set(locale, attempt);
    }
    return ready;
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    for (const locale of locales) {
      const docs = documents.filter((d) => d.locale === locale);
      if (docs.length === 0) continue;
      const index = await this.index(locale);
      // Adding replaces a document with the same id as a whole.
      await MeiliEngine.done(index.addDocuments(docs.map(stored), { primaryKey: 'id' }).waitTask(), `adding documents to ${index.uid}`);
    }
  }

  async remove(ids: string[]): Promise<void> {
    for (const locale of locales) {
      const mine = ids.filter((id) => id.endsWith(`-${locale}`));
      if (mine.length === 0) continue;
      const index = await this.index(locale);
      await MeiliEngine.done(index.deleteDocuments(mine).waitTask(), `deleting documents from ${index.uid}`);
    }
  }

  async clear(locale?: Locale): Promise<void> {
    for (const l of locale ? [locale] : locales) {
      const index = await this.index(l);
      await MeiliEngine.done(index.deleteAllDocuments().waitTask(), `clearing ${index.uid}`);
    }
  }

  async ids(locale: Locale): Promise<string[]> {
    return [...(await this.versions(locale)).keys()];
  }

  async versions(locale: Locale): Promise<Map<string, string>> {
    const index = await this.index(locale);
    const versions = new Map<string, string>();
    for (let offset = 0; ; offset += idsPageSize) {
      const page = await index.getDocuments({ fields: ['id', 'version'], limit: idsPageSize, offset });
      // eslint-disable-next-line @typescript-eslint/no-unsafe-argument -- typed through the resolution-mode import the lint cannot follow; tsc checks it
      for (const d of page.results) versions.set(d.id, d.version ?? '');
      if (page.results.length < idsPageSize || versions.size >= page.total) return versions;
    }
  }

  async search(asked: SearchQuery): Promise<SearchResult> {
    const started = performance.now();
    const query = { ...asked, q: focus(asked.q) };
    const expansion = this.synonyms.expand(query.q, query.locale);
    const term = folded(expandedTerm(query.q, expansion));
    const index = await this.index(query.locale);
    const filter = meiliFilter(query);
    const params: SearchParams = {
      limit: poolSize,
      matchingStrategy: 'frequency',
      showRankingScore: true,
      attributesToRetrieve: documentFields,
      ...(filter.length ? { filter } : {}),
    };
    const found = await index.search<SearchDocument>(term, params);
    const candidates = found.hits.map((hit) => {
      const doc: SearchDocument = Object.fromEntries(documentFields.map((f) => [f, hit[f]])) as SearchDocument;
      return { doc, prepared: prepare(doc), score: hit._rankingScore ?? 0 };
    });
    const ranked = rerank(candidates, query.q, expansion, query.locale);
    return assemble(ranked, query, expansion, started);
  }

  async suggest(prefix: string, locale: Locale, limit = 8): Promise<string[]> {
    return suggestTitles(this, prefix, locale, limit);
  }

  /** Deletes the indexes of every locale (tests, or a full rebuild); they are recreated on next use. */
  async drop(): Promise<void> {
    const client = await this.connect();
    for (const locale of locales) {
      this.ready.delete(locale);
      const uid = this.indexName(locale);
      const task = await client.deleteIndex(uid).waitTask();
      if (task.status !== 'succeeded' && task.error?.code !== 'index_not_found') {
        throw new Error(`Meilisearch: deleting index ${uid} ${task.status}: ${task.error?.message ?? 'unknown error'}`);
      }
    }
  }

  /** Every write already waits for its task: nothing is pending. */
  async flush(): Promise<void> {}

  async close(): Promise<void> {}
}
