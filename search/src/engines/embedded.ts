import fs from 'node:fs';
import path from 'node:path';
import { count, create, insertMultiple, load, removeMultiple, save, search, type Orama } from '@orama/orama';
import { focus } from '../focus';
import { poolSize, prepare, rerank, stopwords, type Prepared, type Scored } from '../rank';
import { assemble, suggestTitles } from '../results';
import { Synonyms } from '../synonyms';
import { chosenTerms, pairJoiner, terms } from '../text';
import { Vocabulary } from '../vocabulary';
import type { Expansion } from '../synonyms';
import { locales, type Locale, type SearchDocument, type SearchEngine, type SearchQuery, type SearchResult } from '../types';

const schema = {
  title: 'string',
  questions: 'string[]',
  keywords: 'string[]',
  body: 'string',
  type: 'enum',
  field: 'enum',
  levels: 'enum[]',
  serviceLevel: 'enum',
  audiences: 'enum[]',
  agencies: 'enum[]',
} as const;
type Db = Orama<typeof schema>;

/** Bump when the schema, the tokenizer or the documents change shape: old files are then ignored. */
const formatVersion = 2;


/**
 * Documents are split into folded words and word pairs; a query arrives as the terms the engine
 * chose (see `queryTerms`) and is taken as it is. Orama tells the two apart: it names the property
 * only when indexing.
 */
/**
 * Every term ends with this mark, so Orama's lookup of "khai~" finds "khai~" and not every word
 * starting with "khai": the engine chooses completions itself, for the last word only.
 */
const end = '~';
const tokenizer = {
  language: 'vietnamese',
  normalizationCache: new Map<string, string>(),
  tokenize: (raw: string, _language?: string, prop?: string) => (prop === undefined ? chosenTerms(raw) : terms(raw)).map((t) => t + end),
};

/** How many completions of the word being typed, and corrections of an unknown word, a query adds. */
const completionsPerWord = 20;
/**
 * Words in more than this share of a locale's documents ("cấp", "giấy") select little and cost
 * much: they are left to the second stage when the query has more selective terms.
 */
const commonShare = 0.05;
/** Fewer candidates than this from titles, questions and keywords: search the body text too. */
const bodyFallbackBelow = 30;
const correctionsPerWord = 6;

export type EmbeddedOptions = {
  /** Folder for the index files (`search-<locale>.json`); none keeps the index in memory only. */
  dir?: string;
  synonyms?: Synonyms;
  /** Milliseconds to wait before writing changes to disk. @default 1000 */
  persistDelayMs?: number;
};

/**
 * The default engine: Orama, in the CMS process, one index per locale, kept on disk so a restart
 * does not re-index. First stage: Orama's BM25 over folded words and word pairs (title and questions
 * boosted); second stage: `rerank` over the best candidates.
 */
export class EmbeddedEngine implements SearchEngine {
  readonly name = 'embedded';
  private readonly dbs = new Map<Locale, Db>();
  private readonly prepared = new Map<string, Prepared>();
  private readonly indexedVersions = new Map<string, string>();
  private readonly vocabularies = new Map<Locale, Vocabulary>(locales.map((l) => [l, new Vocabulary()]));
  private readonly synonyms: Synonyms;
  private readonly dirty = new Set<Locale>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: EmbeddedOptions = {}) {
    this.synonyms = options.synonyms ?? Synonyms.fromFile();
    for (const locale of locales) this.dbs.set(locale, this.restore(locale) ?? this.empty());
  }

  private empty(): Db {
    return create({ schema, components: { tokenizer } }) as Db;
  }

  private file(locale: Locale): string | undefined {
    return this.options.dir ? path.join(this.options.dir, `search-${locale}.json`) : undefined;
  }

  private restore(locale: Locale): Db | undefined {
    const file = this.file(locale);
    if (!file || !fs.existsSync(file)) return undefined;
    try {
      const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: number; orama: unknown };
      if (stored.version !== formatVersion) return undefined;
      const db = this.empty();
      load(db, stored.orama as never);
      // Orama types its document store as opaque; its saved form holds the documents by internal id.
      const docs = (db.data.docs as unknown as { docs: Record<string, SearchDocument> }).docs;
      for (const doc of Object.values(docs)) this.remember(doc);
      return db;
    } catch {
      return undefined; // a damaged file is rebuilt from the CMS
    }
  }

  private remember(doc: SearchDocument): void {
    this.forget(doc.id);
    const prepared = prepare(doc);
    this.prepared.set(doc.id, prepared);
    this.indexedVersions.set(doc.id, doc.version ?? '');
    this.vocabularies.get(doc.locale)!.add(prepared.words);
  }

  private forget(id: string): void {
    const prepared = this.prepared.get(id);
    if (!prepared) return;
    this.vocabularies.get(id.endsWith('-en') ? 'en' : 'vi')!.delete(prepared.words);
    this.prepared.delete(id);
    this.indexedVersions.delete(id);
  }

  /**
   * The terms a query is searched with, matched exactly: its words except stopwords (unless it is
   * only stopwords), the indexed words the last word may be the start of, one-edit corrections of
   * words the index does not know, the pairs of neighbouring words, and its synonym phrases.
   */
  private queryTerms(expansion: Expansion, locale: Locale): string {
    const vocabulary = this.vocabularies.get(locale)!;
    const words = expansion.words;
    const meaningful = words.filter((w) => !stopwords[locale].has(w));
    const chosen = new Set<string>();
    words.forEach((word, i) => {
      if (meaningful.length > 0 && stopwords[locale].has(word)) return;
      if (vocabulary.has(word)) chosen.add(word);
      else if (word.length >= 3) for (const c of vocabulary.corrections(word, correctionsPerWord)) chosen.add(c);
      if (i === words.length - 1 && word.length >= 2) for (const c of vocabulary.completions(word, completionsPerWord)) chosen.add(c);
    });
    const pairs = new Set<string>();
    for (let i = 1; i < words.length; i++) pairs.add(`${words[i - 1]}${pairJoiner}${words[i]}`);
    for (const phrase of expansion.groups.flat()) {
      phrase.forEach((w, i) => {
        if (!stopwords[locale].has(w) || phrase.length === 1) chosen.add(w);
        if (i > 0) pairs.add(`${phrase[i - 1]}${pairJoiner}${w}`);
      });
    }
    const common = Math.max(20, commonShare * count(this.db(locale)));
    const selective = [...chosen].filter((w) => vocabulary.documents(w) <= common);
    const rarest = [...chosen].sort((a, b) => vocabulary.documents(a) - vocabulary.documents(b)).slice(0, 2);
    const unigrams = selective.length > 0 || pairs.size > 0 ? selective : rarest;
    return [...unigrams, ...pairs].join(' ');
  }

  private db(locale: Locale): Db {
    return this.dbs.get(locale)!;
  }

  private touched(locale: Locale): void {
    this.dirty.add(locale);
    if (!this.options.dir || this.timer) return;
    this.timer = setTimeout(() => void this.flush(), this.options.persistDelayMs ?? 1000);
    this.timer.unref();
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const locale of [...this.dirty]) {
      const file = this.file(locale);
      this.dirty.delete(locale);
      if (!file) continue;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ version: formatVersion, orama: save(this.db(locale)) }));
      fs.renameSync(tmp, file);
    }
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    const latest = [...new Map(documents.map((d) => [d.id, d])).values()]; // the same id twice: the last wins
    for (const locale of locales) {
      const docs = latest.filter((d) => d.locale === locale);
      if (docs.length === 0) continue;
      const db = this.db(locale);
      const present = docs.filter((d) => this.prepared.has(d.id)).map((d) => d.id);
      if (present.length) await removeMultiple(db, present);
      await insertMultiple(db, docs as never[]);
      for (const d of docs) this.remember(d);
      this.touched(locale);
    }
  }

  async remove(ids: string[]): Promise<void> {
    for (const locale of locales) {
      const mine = ids.filter((id) => id.endsWith(`-${locale}`) && this.prepared.has(id));
      if (mine.length === 0) continue;
      await removeMultiple(this.db(locale), mine);
      for (const id of mine) this.forget(id);
      this.touched(locale);
    }
  }

  async clear(locale?: Locale): Promise<void> {
    for (const l of locale ? [locale] : locales) {
      for (const id of await this.ids(l)) this.forget(id);
      this.dbs.set(l, this.empty());
      this.touched(l);
    }
  }

  async ids(locale: Locale): Promise<string[]> {
    return [...this.prepared.keys()].filter((id) => id.endsWith(`-${locale}`));
  }

  async versions(locale: Locale): Promise<Map<string, string>> {
    return new Map([...this.indexedVersions].filter(([id]) => id.endsWith(`-${locale}`)));
  }

  async search(asked: SearchQuery): Promise<SearchResult> {
    const started = performance.now();
    const query = { ...asked, q: focus(asked.q) };
    const expansion = this.synonyms.expand(query.q, query.locale);
    return assemble(await this.ranked(query, expansion), query, expansion, started);
  }

  /**
   * The whole re-ranked candidate list of a query, best first, with each candidate's second-stage
   * score and the share of the query it covers: for callers inside this process that need more
   * than a page of hits (the assistant's confidence). Not part of the search HTTP contract.
   */
  async rank(asked: SearchQuery): Promise<Scored[]> {
    const query = { ...asked, q: focus(asked.q) };
    return this.ranked(query, this.synonyms.expand(query.q, query.locale));
  }

  private async ranked(query: SearchQuery, expansion: Expansion): Promise<Scored[]> {
    const term = this.queryTerms(expansion, query.locale);
    const where: Record<string, unknown> = {};
    if (query.type) where.type = { eq: query.type };
    if (query.field) where.field = { eq: query.field };
    if (query.serviceLevel) where.serviceLevel = { eq: query.serviceLevel };
    if (query.level) where.levels = { containsAny: [query.level] };
    if (query.audience) where.audiences = { containsAny: [query.audience] };
    if (query.agency) where.agencies = { containsAny: [query.agency] };
    // Titles, questions and keywords first; the body text (the largest part of the index) only
    // when they give too few candidates.
    const run = (properties: ('title' | 'questions' | 'keywords' | 'body')[]) =>
      search(this.db(query.locale), {
        term,
        properties,
        boost: { title: 3, questions: 2, keywords: 1.5, body: 1 },
        threshold: 1,
        limit: poolSize,
        // The schema has no vectors; without this Orama copies every hit to strip them.
        includeVectors: true,
        ...(Object.keys(where).length ? { where: where as never } : {}),
      });
    let found = term ? await run(['title', 'questions', 'keywords']) : { hits: [] };
    if (term && found.hits.length < bodyFallbackBelow) found = await run(['title', 'questions', 'keywords', 'body']);
    const candidates = found.hits.map((h) => {
      // Orama returns documents typed by its schema language, not ours: they are what we inserted.
      const doc = h.document as unknown as SearchDocument;
      return { doc, prepared: this.prepared.get(doc.id)!, score: h.score };
    });
    return rerank(candidates, query.q, expansion, query.locale);
  }

  async suggest(prefix: string, locale: Locale, limit = 8): Promise<string[]> {
    return suggestTitles(this, prefix, locale, limit);
  }

  async close(): Promise<void> {
    await this.flush();
  }
}
