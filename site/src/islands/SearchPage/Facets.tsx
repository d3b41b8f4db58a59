import { useState } from 'react';
import { numberFormat } from '../../i18n/translate';
import type { FacetCache } from './facet-cache';
import { facetOptions, fieldTop, type FacetInput } from './facet-options';
import type { Result } from './search-api';
import { SearchLink, type Go } from './SearchLink';
import type { SearchPageText } from './SearchPage';
import { filtersOf, offeredFilters, type FacetName, type Filter, type Params } from './url-state';

const legends = { type: 'legendType', field: 'legendField', level: 'legendLevel', serviceLevel: 'legendServiceLevel' } as const satisfies Record<Filter, string>;

export type FacetsProps = { params: Params; result: Result; cache: FacetCache; labels: Record<FacetName, Record<string, string>>; t: SearchPageText; go: Go };

const inputOf = ({ params, result, cache, labels, t }: FacetsProps, facet: FacetName): FacetInput => ({ params, result, cache, names: labels[facet], locale: t.locale });

/** Whether any filter has values to offer (else the results take the whole width). */
export const hasFacets = (props: FacetsProps): boolean => offeredFilters.some(({ param, facet }) => facetOptions(param, facet, inputOf(props, facet)));

/** One filter as a group of links: "Tất cả" and each value with its count; the chosen one is `aria-current`. */
function FacetGroup({ param, facet, ...props }: FacetsProps & { param: Filter; facet: FacetName }) {
  const [all, setAll] = useState(false);
  const { params, t, go } = props;
  const found = facetOptions(param, facet, inputOf(props, facet), all);
  if (!found) return null;
  const selected = params[param];
  const listId = `search-facet-${param}`;
  return (
    <fieldset className="search-facet">
      <legend className="search-facet-legend">{t(legends[param])}</legend>
      <ul className="search-facet-options" id={listId} role="list">
        <li>
          <SearchLink to={{ ...params, [param]: undefined, page: 1 }} go={go} className="search-facet-link" current={selected ? undefined : 'true'}>
            {t('all')}
          </SearchLink>
        </li>
        {found.options.map(([code, n]) => (
          <li key={code}>
            <SearchLink to={{ ...params, [param]: code, page: 1 }} go={go} className="search-facet-link" current={code === selected ? 'true' : undefined}>
              <span className="search-facet-name">{props.labels[facet][code] ?? code}</span>{' '}
              <span className="search-facet-count">
                <span aria-hidden="true">{numberFormat(t.locale).format(n)}</span>
                <span className="visually-hidden">{t('results', { count: n })}</span>
              </span>
            </SearchLink>
          </li>
        ))}
      </ul>
      {param === 'field' && found.total > fieldTop && (
        <button type="button" className="search-facet-more" aria-expanded={all} aria-controls={listId} onClick={() => setAll((v) => !v)}>
          {all ? t('showFewer') : t('showAll', { count: found.total })}
        </button>
      )}
    </fieldset>
  );
}

/** The filters beside the results; on phones they fold behind a button. */
export function Facets(props: FacetsProps) {
  const [open, setOpen] = useState(false);
  const { params, t, go } = props;
  const active = filtersOf(params);
  return (
    <section className="search-filters" aria-labelledby="search-filters-title">
      <h2 className="search-filters-title" id="search-filters-title">
        <button type="button" className="search-filters-toggle" aria-expanded={open} aria-controls="search-filters-panel" onClick={() => setOpen((v) => !v)}>
          {t('filters')}
          {active > 0 && <span className="search-filters-active"> ({t('filtersActive', { count: active })})</span>}
        </button>
        <span className="search-filters-label">{t('filters')}</span>
      </h2>
      <div className="search-filters-panel" id="search-filters-panel" data-open={open ? '' : undefined}>
        {offeredFilters.map(({ param, facet }) => (
          <FacetGroup key={param} param={param} facet={facet} {...props} />
        ))}
        {active > 0 && (
          <p className="search-filters-clear">
            <SearchLink to={{ q: params.q, page: 1 }} go={go} className="search-clear-link">
              {t('clearFilters')}
            </SearchLink>
          </p>
        )}
      </div>
    </section>
  );
}
