/**
 * The search page's state: the search asked for (the address), what is on screen (possibly older
 * while the next answer loads), loading, failure, and the announcement for screen readers. Every
 * new search, filter or page is one history entry; Back restores the earlier search.
 */
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { Failure, Locale } from '@portal/cms/contracts/browser';
import { FacetCache } from './facet-cache';
import { fetchFacets, fetchResults, SearchFailed, type Result } from './search-api';
import { offeredFilters, readParams, toQuery, type Params } from './url-state';

export type Shown = { params: Params; result: Result };

export function useSearch(locale: Locale, texts: { heading: (s: Shown) => string; documentTitle: (q: string, title: string) => string }) {
  const [params, setParams] = useState<Params>({ q: '', page: 1 });
  const [draft, setDraft] = useState('');
  const [shown, setShown] = useState<Shown | null>(null);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [announcement, setAnnouncement] = useState('');
  /** Bumped when facets arrive in the background (the cache is a ref). */
  const [, setFacetsAdded] = useState(0);
  const inflight = useRef<AbortController | null>(null);
  const generation = useRef(0);
  const pageTitle = useRef('');
  const facets = useRef(new FacetCache());
  /** Whether the next results should take focus (a search the user just made, not a Back). */
  const [focusResults, setFocusResults] = useState(false);

  /**
   * For a search opened with filters already chosen (a shared link, a reload), asks once per filter
   * for the facets without it, so the other values of that filter can be offered too.
   */
  function fetchAlternatives(p: Params, mine: number) {
    for (const { param } of offeredFilters) {
      const without: Params = { ...p, [param]: undefined, page: 1 };
      if (!p[param] || facets.current.has(without)) continue;
      void fetchFacets(without, locale).then((found) => {
        if (!found) return;
        facets.current.set(without, found);
        if (mine === generation.current) setFacetsAdded((n) => n + 1);
      });
    }
  }

  async function run(next: Params, moveFocus: boolean) {
    inflight.current?.abort();
    const mine = ++generation.current;
    setFailure(null);
    if (!next.q) {
      inflight.current = null;
      setShown(null);
      setLoading(false);
      setAnnouncement('');
      if (pageTitle.current) document.title = pageTitle.current;
      return;
    }
    const controller = new AbortController();
    inflight.current = controller;
    setLoading(true);
    try {
      const result = await fetchResults(next, locale, controller.signal);
      if (mine !== generation.current) return;
      facets.current.set(next, result.facets);
      fetchAlternatives(next, mine);
      const now = { params: next, result };
      setFocusResults(moveFocus);
      setShown(now);
      setLoading(false);
      // Alternate a trailing no-break space so the same heading is announced again.
      setAnnouncement((previous) => (previous === texts.heading(now) ? `${previous}\u00a0` : texts.heading(now)));
      if (pageTitle.current) document.title = texts.documentTitle(next.q, pageTitle.current);
    } catch (error) {
      if (mine !== generation.current || controller.signal.aborted) return;
      setLoading(false);
      setShown(null);
      setFailure(error instanceof SearchFailed ? error.failure : { status: 0, name: 'NetworkError', message: '', problems: [] });
    } finally {
      if (inflight.current === controller) inflight.current = null;
    }
  }

  /** A new search, filter or page: into the address (one history entry) and onto the screen. */
  function go(next: Params, moveFocus: boolean) {
    const query = toQuery(next);
    const url = `${location.pathname}${query ? `?${query}` : ''}`;
    if (url === `${location.pathname}${location.search}`) history.replaceState(history.state, '', url);
    else history.pushState(null, '', url);
    if (next.q !== params.q) setDraft(next.q);
    setParams(next);
    void run(next, moveFocus);
  }

  /** The search in the address (on hydration and on Back/Forward). */
  const fromAddress = useEffectEvent(() => {
    const found = readParams(location.search);
    setParams(found);
    setDraft(found.q);
    void run(found, false);
  });

  useEffect(() => {
    pageTitle.current = document.title;
    const typed = (document.getElementById('search-page-q') as HTMLInputElement | null)?.value;
    if (readParams(location.search).q) fromAddress();
    else if (typed) setDraft(typed); // typed before the script arrived
    const onPopState = () => fromAddress();
    window.addEventListener('popstate', onPopState);
    return () => {
      window.removeEventListener('popstate', onPopState);
      inflight.current?.abort();
    };
  }, []);

  return {
    params,
    draft,
    setDraft,
    shown,
    loading,
    failure,
    announcement,
    facets: facets.current,
    focusResults,
    go,
    retry: () => void run(params, true),
  };
}
export type SearchState = ReturnType<typeof useSearch>;
