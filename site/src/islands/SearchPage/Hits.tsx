import type { SearchHit } from '@portal/cms/contracts/browser';
import type { SearchPageText } from './SearchPage';

/** One page of hits, numbered from the page's first (`start`), each with its type, code and snippet. */
export function Hits({ hits, start, typeNames, t }: { hits: SearchHit[]; start: number; typeNames: Record<string, string>; t: SearchPageText }) {
  return (
    <ol className="search-hits" role="list" aria-label={t('hits')} start={start}>
      {hits.map((hit) => (
        <li className="search-hit" key={`${hit.type}-${hit.documentId}`}>
          <h3 className="search-hit-title">
            <a href={hit.url}>{hit.title}</a>
          </h3>
          <p className="search-hit-meta">
            <span className={`search-badge search-badge-${hit.type}`}>{typeNames[hit.type] ?? hit.type}</span>
            {hit.code && <span className="search-hit-code">{t('hitCode', { code: hit.code })}</span>}
          </p>
          {/* The snippet is escaped text with the matched words in <mark>, made by the search service. */}
          {hit.snippet && <p className="search-hit-snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />}
        </li>
      ))}
    </ol>
  );
}
