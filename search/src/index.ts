/**
 * The search library: search documents in (`SearchDocument`; the CMS builds them from its content,
 * `@portal/cms/search-documents`), search results out, whatever the engine.
 * Only this workspace talks to a search engine.
 */
export { EmbeddedEngine, type EmbeddedOptions } from './engines/embedded';
export { MeiliEngine, type MeiliOptions } from './engines/meilisearch';
export { CachedEngine, type CacheOptions } from './engines/cached';
export { Synonyms, defaultSynonymsFile, type SynonymList } from './synonyms';
export { fold, hasDiacritics, terms } from './text';
export { focus } from './focus';
export { weights, type Scored } from './rank';
export * from './types';
