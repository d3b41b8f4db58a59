/**
 * The search page's results (hydrated with `client:load`).
 *
 * Server-rendered it is only the search form and a hint (no query is known at build time). In the
 * browser it reads the query and filters from the address (`url-state.ts`), asks `/api/search`,
 * and keeps the address in step (`useSearch.ts`). Facet filters, hit links and pages are real
 * links, so they also open in a new tab.
 */
import { useMemo } from 'react';
import { pathTo, type Locale } from '@portal/cms/contracts/browser';
import type { Messages } from '../../i18n';
import { translator, type Translator } from '../../i18n/translate';
import { FailureMessage } from './FailureMessage';
import { Results } from './Results';
import { SearchForm } from './SearchForm';
import type { FacetName } from './url-state';
import { useSearch, type Shown } from './useSearch';

export type SearchPageText = Translator<Messages<'searchPage'>>;

export type SearchPageProps = {
  locale: Locale;
  messages: Messages<'searchPage'>;
  /** Display names of codes and slugs by facet, in the page's language. */
  labels: Record<FacetName, Record<string, string>>;
  /** Mention the virtual assistant when nothing is found. */
  assistantHint?: boolean;
};

/** A query as headings and the tab title repeat it: a pasted letter is cut after about 80 characters, at a word. */
export function quoted(q: string, max = 80): string {
  if (q.length <= max) return q;
  const cut = q.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : max).trimEnd()}…`;
}

export default function SearchPage({ locale, messages, labels, assistantHint = false }: SearchPageProps) {
  const t = useMemo(() => translator(locale, messages), [locale, messages]);
  const heading = ({ params, result }: Shown) => t(result.total ? 'found' : 'nothingFound', { count: result.total, q: quoted(params.q) });
  const search = useSearch(locale, { heading, documentTitle: (q, title) => t('documentTitle', { q: quoted(q), title }) });
  const { params, shown, loading, failure } = search;

  return (
    <div className="search-page">
      <SearchForm action={pathTo('search', locale)} draft={search.draft} t={t} onDraft={search.setDraft} onSearch={(q) => search.go({ ...params, q, page: 1 }, true)} />
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {search.announcement}
      </p>
      <div className="search-alert" role="alert">
        {failure && <FailureMessage failure={failure} t={t} onRetry={search.retry} />}
      </div>
      {!params.q && !shown && !loading && <p className="search-hint">{t('hint')}</p>}
      {loading && !shown && <p className="search-loading">{t('loading')}</p>}
      {shown && (
        <Results
          shown={shown}
          heading={heading(shown)}
          loading={loading}
          focus={search.focusResults}
          assistantHint={assistantHint}
          params={params}
          cache={search.facets}
          labels={labels}
          t={t}
          go={search.go}
        />
      )}
    </div>
  );
}
