export type Locale = 'vi' | 'en';
export const locales: readonly Locale[] = ['vi', 'en'];
export type DocumentType = 'procedure' | 'faq' | 'news';
export const documentTypes: readonly DocumentType[] = ['procedure', 'faq', 'news'];

/** What the engines index: one per CMS document and locale. */
export type SearchDocument = {
  /** `${documentId}-${locale}` */
  id: string;
  type: DocumentType;
  locale: Locale;
  documentId: string;
  /** Procedure's full code; for a FAQ its procedure's code; else null. */
  code: string | null;
  /** Stable key across databases: national code of a procedure, slug otherwise. */
  key: string;
  title: string;
  /** Other ways to ask (FAQ alternative questions) or to name it (procedure keywords). */
  questions: string[];
  /** Field name, agency names, tags: short texts that describe the document. */
  keywords: string[];
  body: string;
  url: string;
  /** Facets and filters (codes, not labels). */
  field: string;
  levels: string[];
  serviceLevel: string;
  audiences: string[];
  agencies: string[];
  /** A fully described document (core procedure, FAQ with an answer), for ranking ties. */
  complete: boolean;
  /**
   * The version of the content this document was built from (the CMS hashes the `updatedAt` of the
   * document and of what it shows), so that a stale index entry can be told from a current one.
   */
  version?: string;
};

export type SearchQuery = {
  q: string;
  locale: Locale;
  type?: DocumentType;
  field?: string;
  level?: string;
  serviceLevel?: string;
  audience?: string;
  agency?: string;
  /** @default 10 */
  limit?: number;
  /** 1-based. @default 1 */
  page?: number;
};

export type SearchHit = {
  type: DocumentType;
  documentId: string;
  code: string | null;
  title: string;
  url: string;
  /** HTML: escaped text with the matched words in <mark>. */
  snippet: string;
  /** Stable key (national code or slug), for evaluation and clients that cache by key. */
  key: string;
};

export type Facets = Record<'type' | 'field' | 'levels' | 'serviceLevel' | 'audiences' | 'agencies', Record<string, number>>;

export type SearchResult = { hits: SearchHit[]; total: number; facets: Facets; tookMs: number };

/** What every engine implements; the same query in gives the same result shape out. */
export interface SearchEngine {
  readonly name: string;
  /** Adds or replaces documents. */
  upsert(documents: SearchDocument[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  /** Empties the index of a locale (or all). */
  clear(locale?: Locale): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  /** Titles that complete what the user is typing. */
  suggest(prefix: string, locale: Locale, limit?: number): Promise<string[]>;
  /** Ids of the documents indexed in a locale, for `search:check`. */
  ids(locale: Locale): Promise<string[]>;
  /** The `version` each document of a locale was indexed with ('' when it had none), by id. */
  versions(locale: Locale): Promise<Map<string, string>>;
  /** Writes pending state to disk, if the engine keeps any. */
  flush(): Promise<void>;
  close(): Promise<void>;
}
