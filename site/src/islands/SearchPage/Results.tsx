import { useEffect, useRef } from 'react';
import { searchRules } from '@portal/cms/contracts/browser';
import { EmptyState } from './EmptyState';
import { Facets, hasFacets, type FacetsProps } from './Facets';
import { Hits } from './Hits';
import { Pagination } from './Pagination';
import { pageSize } from './search-api';
import { SearchLink } from './SearchLink';
import type { SearchPageText } from './SearchPage';
import type { Shown } from './useSearch';

export type ResultsProps = Omit<FacetsProps, 'result'> & {
  shown: Shown;
  heading: string;
  loading: boolean;
  /** Move focus to the heading when these results arrive (a search the user just made). */
  focus: boolean;
  assistantHint: boolean;
  t: SearchPageText;
};

/** The heading ("Tìm thấy 12 kết quả cho …"), the filters, the hits or the empty state, and the pages. */
export function Results({ shown, heading, loading, focus, assistantHint, ...facets }: ResultsProps) {
  const { params, t, go } = facets;
  const { result } = shown;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const pages = Math.min(Math.ceil(result.total / pageSize), searchRules.maxPage);
  const filtered = hasFacets({ ...facets, result });

  useEffect(() => {
    if (focus) headingRef.current?.focus();
  }, [shown, focus]);

  return (
    <div className="search-results" aria-busy={loading}>
      <div className="search-summary">
        <h2 className="search-heading" ref={headingRef} tabIndex={-1}>
          {heading}
        </h2>
        {pages > 1 && <p className="search-page-info">{t('pageOf', { page: Math.min(shown.params.page, pages), pages })}</p>}
        {loading && <p className="search-loading">{t('loading')}</p>}
      </div>
      <div className={filtered ? 'search-layout search-layout-filtered' : 'search-layout'}>
        {filtered && <Facets {...facets} result={result} />}
        <div className="search-main">
          {result.hits.length > 0 ? (
            <Hits hits={result.hits} start={(shown.params.page - 1) * pageSize + 1} typeNames={facets.labels.type} t={t} />
          ) : result.total > 0 ? (
            <p className="search-empty">
              {t('emptyPage')}{' '}
              <SearchLink to={{ ...params, page: 1 }} go={go} moveFocus>
                {t('firstPage')}
              </SearchLink>
            </p>
          ) : (
            <EmptyState params={shown.params} assistantHint={assistantHint} t={t} go={go} />
          )}
          <Pagination params={params} pages={pages} t={t} go={go} />
        </div>
      </div>
    </div>
  );
}
