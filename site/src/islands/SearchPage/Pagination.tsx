import { numberFormat } from '../../i18n/translate';
import { pageItems } from './pages';
import { SearchLink, type Go } from './SearchLink';
import type { SearchPageText } from './SearchPage';
import type { Params } from './url-state';

/** Previous, numbered pages with gaps, next; the current page is `aria-current="page"`. Moving focuses the results' heading. */
export function Pagination({ params, pages, t, go }: { params: Params; pages: number; t: SearchPageText; go: Go }) {
  if (pages < 2) return null;
  const page = Math.min(params.page, pages);
  const to = (n: number) => ({ ...params, page: n });
  return (
    <nav className="search-pagination" aria-label={t('pagination')}>
      <ul role="list">
        {page > 1 && (
          <li>
            <SearchLink to={to(page - 1)} go={go} moveFocus className="search-page-link search-page-prev">
              {t('previous')}
            </SearchLink>
          </li>
        )}
        {pageItems(page, pages).map((item, i) =>
          item === 'gap' ? (
            <li key={`gap-${i}`} className="search-page-gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={item}>
              <SearchLink to={to(item)} go={go} moveFocus className="search-page-link" current={item === page ? 'page' : undefined} label={t('page', { page: item })}>
                {numberFormat(t.locale).format(item)}
              </SearchLink>
            </li>
          ),
        )}
        {page < pages && (
          <li>
            <SearchLink to={to(page + 1)} go={go} moveFocus className="search-page-link search-page-next">
              {t('next')}
            </SearchLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
