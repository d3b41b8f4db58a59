import { pathTo } from '@portal/cms/contracts/browser';
import { SearchLink, type Go } from './SearchLink';
import type { SearchPageText } from './SearchPage';
import { filtersOf, type Params } from './url-state';

/** Nothing found: ways to find it, the search without filters, examples, and where else to look. */
export function EmptyState({ params, assistantHint, t, go }: { params: Params; assistantHint: boolean; t: SearchPageText; go: Go }) {
  const { locale } = t;
  return (
    <div className="search-empty">
      <p>{t('emptyIntro')}</p>
      <ul className="search-empty-tips">
        <li>{t('spelling')}</li>
        <li>{t('diacritics')}</li>
        <li>{t('fewerWords')}</li>
        {filtersOf(params) > 0 && (
          <li>
            <SearchLink to={{ q: params.q, page: 1 }} go={go} moveFocus>
              {t('withoutFilters', { q: params.q })}
            </SearchLink>
          </li>
        )}
      </ul>
      <p className="search-examples">
        {t('tryThese')}{' '}
        {t.list('examples').map((example, i) => (
          <span key={example}>
            {i > 0 && ', '}
            <SearchLink to={{ q: example, page: 1 }} go={go} moveFocus className="search-example">
              {example}
            </SearchLink>
          </span>
        ))}
      </p>
      {assistantHint && (
        <p>
          {t.parts('assistant', {
            link: (
              <a key="link" href={pathTo('faq', locale)}>
                {t('assistantLink')}
              </a>
            ),
          })}
        </p>
      )}
      <p>
        {t.parts('catalogue', {
          link: (
            <a key="link" href={pathTo('procedures', locale)}>
              {t('catalogueLink')}
            </a>
          ),
        })}
      </p>
    </div>
  );
}
