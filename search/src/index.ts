/**
 * The search library: CMS documents in, search results out, whatever the engine.
 * Only this workspace talks to a search engine.
 */
export { EmbeddedEngine, type EmbeddedOptions } from './engines/embedded';
export { MeiliEngine, type MeiliOptions } from './engines/meilisearch';
export { faqDocument, newsDocument, portalUrl, procedureDocument, type CmsFaq, type CmsNews, type CmsProcedure } from './documents';
export { Synonyms, defaultSynonymsFile, type SynonymList } from './synonyms';
export { fold, hasDiacritics, terms } from './text';
export { weights, type Scored } from './rank';
export * from './types';
