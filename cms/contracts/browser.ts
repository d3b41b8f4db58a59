/**
 * What the portal's islands may import: types, constants and pure functions, no zod (the search
 * page's JavaScript budget is 80 KB gzipped). Node code imports `@portal/cms/contracts`.
 * Named re-exports only: this package is CommonJS, and ES modules importing it see names listed here.
 */
export {
  errorEnvelope,
  issuesToProblems,
  readError,
  validationEnvelope,
  type ErrorBody,
  type ErrorDetails,
  type ErrorEnvelope,
  type Failure,
  type FieldProblem,
} from './errors';
export { defaultLocale, isLocale, locales, type Locale } from './locales';
export { browsePath, documentPath, pathTo, type Browse, type DocumentType, type Section } from './paths';
export {
  documentTypes,
  filterCodePattern,
  searchFilters,
  searchRules,
  type SearchFacets,
  type SearchFilter,
  type SearchHit,
  type SearchParams,
  type SearchResponse,
  type SuggestParams,
  type SuggestResponse,
} from './search';
