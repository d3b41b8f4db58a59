import { useEffect, useRef, useState, type FormEvent, type MouseEvent, type ReactNode } from 'react';
import { pathTo, type Locale } from '../lib/paths';

/**
 * The search page's results (hydrated with `client:load`).
 *
 * Server-rendered it is only the search form and a hint (no query is known at build time). In the
 * browser it reads the query and filters from the address, asks `/api/search`, and keeps the
 * address in step (`pushState` for every new search, filter or page; Back restores the earlier
 * search). Facet filters, hit links and pages are real links, so they also open in a new tab.
 */
export type SearchPageProps = {
  locale: Locale;
  /** Display names of codes and slugs, in the page's language. */
  labels: {
    type: Record<string, string>;
    field: Record<string, string>;
    levels: Record<string, string>;
    serviceLevel: Record<string, string>;
  };
  /** Mention the virtual assistant when nothing is found. */
  assistantHint?: boolean;
};

type Filter = 'type' | 'field' | 'level' | 'serviceLevel';
type Params = { q: string; page: number } & Partial<Record<Filter, string>>;
type Hit = { type: string; documentId: string; code: string | null; title: string; url: string; snippet: string; key?: string };
type Facets = Record<string, Record<string, number>>;
type Result = { hits: Hit[]; total: number; facets: Facets };
type Shown = { params: Params; result: Result };
type Failure = { status: number; message: string; retryAfter?: number };

const LIMIT = 10;
const MAX_PAGE = 100;
const FIELD_TOP = 12;
const TYPES = ['procedure', 'faq', 'news'];
const CODE = /^[a-z0-9-]{1,80}$/;
/** Filter parameter → facet name in the response and labels key. */
const FILTERS: readonly { param: Filter; facet: 'type' | 'field' | 'levels' | 'serviceLevel' }[] = [
  { param: 'type', facet: 'type' },
  { param: 'field', facet: 'field' },
  { param: 'level', facet: 'levels' },
  { param: 'serviceLevel', facet: 'serviceLevel' },
];

const text = {
  vi: {
    region: 'Tìm thủ tục, hỏi đáp và tin tức',
    label: 'Từ khóa tìm kiếm',
    placeholder: 'Ví dụ: khai sinh, cấp đổi sổ đỏ, GPLX',
    submit: 'Tìm kiếm',
    hint: 'Nhập tên thủ tục, câu hỏi hoặc vài từ khóa rồi bấm “Tìm kiếm”. Gõ không dấu cũng được, ví dụ “dang ky ket hon”.',
    heading: (n: string, q: string, total: number) => (total ? `Tìm thấy ${n} kết quả cho “${q}”` : `Không tìm thấy kết quả nào cho “${q}”`),
    pageOf: (page: number, pages: number) => `Trang ${page}/${pages}`,
    loading: 'Đang tìm kiếm…',
    filters: 'Lọc kết quả',
    filtersActive: (n: number) => `${n} đang chọn`,
    legend: { type: 'Loại nội dung', field: 'Lĩnh vực', level: 'Cấp thực hiện', serviceLevel: 'Mức độ dịch vụ công trực tuyến' } as Record<Filter, string>,
    all: 'Tất cả',
    results: (n: number) => `(${n} kết quả)`,
    showAll: (n: number) => `Xem tất cả ${n} lĩnh vực`,
    showFewer: 'Thu gọn danh sách lĩnh vực',
    clearFilters: 'Bỏ tất cả bộ lọc',
    hits: 'Kết quả tìm kiếm',
    code: 'Mã thủ tục:',
    pagination: 'Các trang kết quả',
    previous: 'Trang trước',
    next: 'Trang sau',
    page: (n: number) => `Trang ${n}`,
    emptyPage: 'Trang này không có kết quả.',
    firstPage: 'Về trang đầu',
    emptyIntro: 'Một vài cách để tìm được:',
    spelling: 'Kiểm tra lại chính tả của từ khóa.',
    diacritics: 'Gõ không dấu cũng được: “cap doi so do” vẫn tìm thấy “cấp đổi sổ đỏ”.',
    fewerWords: 'Dùng ít từ hơn hoặc từ ngữ chung hơn, ví dụ “khai sinh” thay vì cả một câu dài.',
    withoutFilters: (q: string) => `Tìm “${q}” mà không dùng bộ lọc`,
    tryThese: 'Thử tìm:',
    examples: ['khai sinh', 'cấp đổi sổ đỏ', 'GPLX'],
    assistant: ['Bạn cũng có thể đặt câu hỏi cho trợ lý ảo của cổng, hoặc xem ', 'các câu hỏi thường gặp', '.'],
    catalogue: ['Hoặc tra cứu trong ', 'danh mục thủ tục hành chính', '.'],
    failed: 'Chưa tìm kiếm được. Vui lòng kiểm tra kết nối mạng rồi thử lại.',
    tooMany: 'Bạn tìm kiếm quá nhiều lần trong một phút. Vui lòng thử lại sau ít giây.',
    invalid: 'Từ khóa hoặc bộ lọc không hợp lệ.',
    retryAfter: (s: number) => `Có thể thử lại sau ${s} giây.`,
    retry: 'Thử lại',
    serverSaid: '',
  },
  en: {
    region: 'Search procedures, questions and news',
    label: 'Search terms',
    placeholder: 'For example: birth registration',
    submit: 'Search',
    hint: 'Type the name of a procedure, a question or a few keywords, then press “Search”. Vietnamese words can be typed without diacritics.',
    heading: (n: string, q: string, total: number) => (total ? `${n} ${total === 1 ? 'result' : 'results'} for “${q}”` : `No results for “${q}”`),
    pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
    loading: 'Searching…',
    filters: 'Filter results',
    filtersActive: (n: number) => `${n} selected`,
    legend: { type: 'Type of content', field: 'Field', level: 'Administrative level', serviceLevel: 'Online service level' } as Record<Filter, string>,
    all: 'All',
    results: (n: number) => `(${n} ${n === 1 ? 'result' : 'results'})`,
    showAll: (n: number) => `Show all ${n} fields`,
    showFewer: 'Show fewer fields',
    clearFilters: 'Remove all filters',
    hits: 'Search results',
    code: 'Procedure code:',
    pagination: 'Result pages',
    previous: 'Previous page',
    next: 'Next page',
    page: (n: number) => `Page ${n}`,
    emptyPage: 'There are no results on this page.',
    firstPage: 'Go to the first page',
    emptyIntro: 'Some ways to find it:',
    spelling: 'Check the spelling.',
    diacritics: 'Vietnamese words work without diacritics too: “so do” finds “sổ đỏ”.',
    fewerWords: 'Use fewer or more general words, for example “birth registration” rather than a whole sentence.',
    withoutFilters: (q: string) => `Search for “${q}” without filters`,
    tryThese: 'Try:',
    examples: ['birth registration', 'driving licence', 'marriage registration'],
    assistant: ['You can also ask the portal’s virtual assistant, or read the ', 'frequently asked questions', '.'],
    catalogue: ['Or browse the ', 'catalogue of administrative procedures', '.'],
    failed: 'Search is not available right now. Please check your connection and try again.',
    tooMany: 'Too many searches in one minute. Please wait a few seconds and try again.',
    invalid: 'The search terms or filters are not valid.',
    retryAfter: (s: number) => `You can try again in ${s} seconds.`,
    retry: 'Try again',
    serverSaid: 'Message from the search service:',
  },
} as const;

/** Reads the search from an address's query string, dropping anything the API would refuse. */
function readParams(search: string): Params {
  const url = new URLSearchParams(search);
  const page = Number.parseInt(url.get('page') ?? '', 10);
  const params: Params = { q: (url.get('q') ?? '').trim(), page: Number.isFinite(page) ? Math.min(Math.max(page, 1), MAX_PAGE) : 1 };
  const type = url.get('type');
  if (type && TYPES.includes(type)) params.type = type;
  for (const key of ['field', 'level', 'serviceLevel'] as const) {
    const value = url.get(key);
    if (value && CODE.test(value)) params[key] = value;
  }
  return params;
}

/** `q=…&type=…&page=N` in a stable order; page 1 is left out. */
function toQuery(p: Params): string {
  const url = new URLSearchParams();
  if (p.q) url.set('q', p.q);
  for (const { param } of FILTERS) {
    const value = p[param];
    if (value) url.set(param, value);
  }
  if (p.page > 1) url.set('page', String(p.page));
  return url.toString();
}

const filtersOf = (p: Params) => FILTERS.filter(({ param }) => p[param]).length;
/** Everything but the page: results with the same key have the same facets. */
const facetKey = (p: Params) => JSON.stringify([p.q, p.type ?? '', p.field ?? '', p.level ?? '', p.serviceLevel ?? '']);
const toggleSpace = (previous: string, next: string) => (previous === next ? `${next}\u00a0` : next);

/** The body of a successful answer, keeping only what has the right shape. */
function toResult(body: unknown): Result {
  const b = (body ?? {}) as Partial<Result>;
  const hits = Array.isArray(b.hits)
    ? b.hits.filter((h): h is Hit => !!h && typeof h.title === 'string' && typeof h.url === 'string' && h.url.startsWith('/'))
    : [];
  const facets: Facets = {};
  if (b.facets && typeof b.facets === 'object') {
    for (const [name, counts] of Object.entries(b.facets)) {
      if (counts && typeof counts === 'object') facets[name] = counts;
    }
  }
  return { hits, total: typeof b.total === 'number' && b.total >= 0 ? b.total : hits.length, facets };
}

async function toFailure(res: Response): Promise<Failure> {
  let message = '';
  try {
    const body = (await res.json()) as { error?: { message?: unknown } } | null;
    if (typeof body?.error?.message === 'string') message = body.error.message;
  } catch {
    // Not JSON (a proxy's error page): the generic message will do.
  }
  const retryAfter = Number.parseInt(res.headers.get('Retry-After') ?? '', 10);
  return { status: res.status, message, ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfter } : {}) };
}

/** Page numbers around the current one, with gaps: 1 … 4 5 6 … 12. */
function pageItems(current: number, last: number): (number | 'gap')[] {
  const wanted = [...new Set([1, current - 1, current, current + 1, last])].filter((n) => n >= 1 && n <= last).sort((a, b) => a - b);
  const items: (number | 'gap')[] = [];
  let previous = 0;
  for (const n of wanted) {
    if (n - previous === 2) items.push(n - 1);
    else if (n - previous > 2) items.push('gap');
    items.push(n);
    previous = n;
  }
  return items;
}

/** A plain left click, which the island handles itself; anything else (new tab…) is the browser's. */
const isPlainClick = (e: MouseEvent) => !e.defaultPrevented && e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;

export default function SearchPage({ locale, labels, assistantHint = false }: SearchPageProps) {
  const t = text[locale];
  const action = pathTo('search', locale);
  const numbers = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB');

  /** The search asked for (the address); `shown` is what is on screen, possibly older while loading. */
  const [params, setParams] = useState<Params>({ q: '', page: 1 });
  const [draft, setDraft] = useState('');
  const [shown, setShown] = useState<Shown | null>(null);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [allFields, setAllFields] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);
  /** Bumped when facets arrive in the background (the cache is a ref). */
  const [, setFacetsAdded] = useState(0);

  const inputRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inflight = useRef<AbortController | null>(null);
  const generation = useRef(0);
  const focusHeading = useRef(false);
  const pageTitle = useRef('');
  /** Facets by search (without page), so a chosen filter's alternatives stay on screen. */
  const facetCache = useRef(new Map<string, Facets>());

  const headingFor = (s: Shown) => t.heading(numbers.format(s.result.total), s.params.q, s.result.total);

  function remember(p: Params, facets: Facets) {
    const cache = facetCache.current;
    cache.delete(facetKey(p));
    cache.set(facetKey(p), facets);
    if (cache.size > 50) cache.delete(cache.keys().next().value as string);
  }

  /**
   * For a search opened with filters already chosen (a shared link, a reload), asks once per
   * filter for the facets without it, so the other values of that filter can be offered too.
   */
  function fetchAlternatives(p: Params, mine: number) {
    for (const { param } of FILTERS) {
      if (!p[param]) continue;
      const without: Params = { ...p, [param]: undefined, page: 1 };
      if (facetCache.current.has(facetKey(without))) continue;
      const query = new URLSearchParams(toQuery(without));
      query.set('locale', locale);
      query.set('limit', '1');
      fetch(`/api/search?${query}`, { headers: { Accept: 'application/json' } })
        .then((res) => (res.ok ? (res.json() as Promise<unknown>) : null))
        .then((body) => {
          if (!body) return;
          remember(without, toResult(body).facets);
          if (mine === generation.current) setFacetsAdded((n) => n + 1);
        })
        .catch(() => undefined); // only a nicety
    }
  }

  async function runSearch(next: Params, moveFocus: boolean) {
    inflight.current?.abort();
    inflight.current = null;
    const mine = ++generation.current;
    setFailure(null);
    if (!next.q) {
      setShown(null);
      setLoading(false);
      setAnnouncement('');
      if (pageTitle.current) document.title = pageTitle.current;
      return;
    }
    const controller = new AbortController();
    inflight.current = controller;
    setLoading(true);
    const query = new URLSearchParams(toQuery({ ...next, page: 1 }));
    query.set('locale', locale);
    query.set('limit', String(LIMIT));
    query.set('page', String(next.page));
    try {
      const res = await fetch(`/api/search?${query}`, { signal: controller.signal, headers: { Accept: 'application/json' } });
      if (!res.ok) throw await toFailure(res);
      const result = toResult(await res.json());
      if (mine !== generation.current) return;
      remember(next, result.facets);
      fetchAlternatives(next, mine);
      const now = { params: next, result };
      focusHeading.current = moveFocus;
      setShown(now);
      setLoading(false);
      setAnnouncement((previous) => toggleSpace(previous, headingFor(now)));
      if (pageTitle.current) document.title = `“${next.q}” – ${pageTitle.current}`;
    } catch (error) {
      if (mine !== generation.current || controller.signal.aborted) return;
      setLoading(false);
      setShown(null);
      setFailure(error && typeof error === 'object' && 'status' in error ? (error as Failure) : { status: 0, message: '' });
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
    setParams(next);
    void runSearch(next, moveFocus);
  }

  useEffect(() => {
    pageTitle.current = document.title;
    const start = readParams(location.search);
    if (start.q) {
      setParams(start);
      setDraft(start.q);
      void runSearch(start, false);
    } else if (inputRef.current?.value) {
      setDraft(inputRef.current.value); // typed before the script arrived
    }
    const onPopState = () => {
      const back = readParams(location.search);
      setParams(back);
      setDraft(back.q);
      void runSearch(back, false);
    };
    window.addEventListener('popstate', onPopState);
    return () => {
      window.removeEventListener('popstate', onPopState);
      inflight.current?.abort();
    };
  }, []); // once, on hydration

  useEffect(() => {
    if (focusHeading.current && shown) {
      focusHeading.current = false;
      headingRef.current?.focus();
    }
  }, [shown]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = draft.trim();
    if (!q) {
      inputRef.current?.focus();
      return;
    }
    // A new wording keeps the chosen filters (they are shown, and removable, next to the results).
    go({ ...params, q, page: 1 }, true);
  }

  const href = (p: Params) => {
    const query = toQuery(p);
    return `${typeof location === 'undefined' ? action : location.pathname}${query ? `?${query}` : ''}`;
  };
  /** A link the island follows itself on a plain click. */
  const link = (p: Params, children: ReactNode, extra: { moveFocus?: boolean; className?: string; current?: 'page' | 'true'; label?: string } = {}) => (
    <a
      href={href(p)}
      className={extra.className}
      aria-current={extra.current}
      aria-label={extra.label}
      onClick={(e) => {
        if (!isPlainClick(e)) return;
        e.preventDefault();
        if (p.q !== params.q) setDraft(p.q);
        go(p, extra.moveFocus ?? false);
      }}
    >
      {children}
    </a>
  );

  const result = shown?.result;
  const active = filtersOf(params);
  const pages = result ? Math.min(Math.ceil(result.total / LIMIT), MAX_PAGE) : 0;
  const withoutFilters: Params = { q: params.q, page: 1 };

  function facetGroup(param: Filter, facet: string, names: Record<string, string>) {
    if (!result) return null;
    const selected = params[param];
    let counts = result.facets[facet] ?? {};
    if (selected) {
      // What choosing another value instead would give: the facets of the search without this filter.
      const alternatives = facetCache.current.get(facetKey({ ...params, [param]: undefined }));
      counts = alternatives?.[facet] ?? counts;
    }
    const collator = new Intl.Collator(locale);
    const label = (code: string) => names[code] ?? code;
    let options = Object.entries(counts)
      .filter(([code, n]) => CODE.test(code) && typeof n === 'number' && n > 0)
      .sort(([a, m], [b, n]) => n - m || collator.compare(label(a), label(b)));
    const total = options.length;
    if (param === 'field' && !allFields && total > FIELD_TOP) {
      const top = options.slice(0, FIELD_TOP);
      const chosen = options.find(([code]) => code === selected);
      options = chosen && !top.includes(chosen) ? [...top, chosen] : top;
    }
    if (selected && !options.some(([code]) => code === selected)) options.push([selected, result.total]);
    if (!options.length) return null;
    const listId = `search-facet-${param}`;
    return (
      <fieldset className="search-facet" key={param}>
        <legend className="search-facet-legend">{t.legend[param]}</legend>
        <ul className="search-facet-options" id={listId} role="list">
          <li>
            {link({ ...params, [param]: undefined, page: 1 }, t.all, { className: 'search-facet-link', current: selected ? undefined : 'true' })}
          </li>
          {options.map(([code, n]) => (
            <li key={code}>
              {link(
                { ...params, [param]: code, page: 1 },
                <>
                  <span className="search-facet-name">{label(code)}</span>{' '}
                  <span className="search-facet-count">
                    <span aria-hidden="true">{numbers.format(n)}</span>
                    <span className="search-sr-only">{t.results(n)}</span>
                  </span>
                </>,
                { className: 'search-facet-link', current: code === selected ? 'true' : undefined },
              )}
            </li>
          ))}
        </ul>
        {param === 'field' && total > FIELD_TOP && (
          <button type="button" className="search-facet-more" aria-expanded={allFields} aria-controls={listId} onClick={() => setAllFields((v) => !v)}>
            {allFields ? t.showFewer : t.showAll(total)}
          </button>
        )}
      </fieldset>
    );
  }

  function renderFilters() {
    const groups = FILTERS.map(({ param, facet }) => facetGroup(param, facet, labels[facet])).filter(Boolean);
    if (!groups.length) return null;
    return (
      <section className="search-filters" aria-labelledby="search-filters-title">
        <h2 className="search-filters-title" id="search-filters-title">
          <button type="button" className="search-filters-toggle" aria-expanded={filtersOpen} aria-controls="search-filters-panel" onClick={() => setFiltersOpen((v) => !v)}>
            {t.filters}
            {active > 0 && <span className="search-filters-active"> ({t.filtersActive(active)})</span>}
          </button>
          <span className="search-filters-label">{t.filters}</span>
        </h2>
        <div className="search-filters-panel" id="search-filters-panel" data-open={filtersOpen ? '' : undefined}>
          {groups}
          {active > 0 && <p className="search-filters-clear">{link(withoutFilters, t.clearFilters, { className: 'search-clear-link' })}</p>}
        </div>
      </section>
    );
  }

  function renderEmpty(q: string) {
    return (
      <div className="search-empty">
        <p>{t.emptyIntro}</p>
        <ul className="search-empty-tips">
          <li>{t.spelling}</li>
          <li>{t.diacritics}</li>
          <li>{t.fewerWords}</li>
          {active > 0 && <li>{link(withoutFilters, t.withoutFilters(q), { moveFocus: true })}</li>}
        </ul>
        <p className="search-examples">
          {t.tryThese}{' '}
          {t.examples.map((example, i) => (
            <span key={example}>
              {i > 0 && ', '}
              {link({ q: example, page: 1 }, example, { moveFocus: true, className: 'search-example' })}
            </span>
          ))}
        </p>
        {assistantHint && (
          <p>
            {t.assistant[0]}
            <a href={pathTo('faq', locale)}>{t.assistant[1]}</a>
            {t.assistant[2]}
          </p>
        )}
        <p>
          {t.catalogue[0]}
          <a href={pathTo('procedures', locale)}>{t.catalogue[1]}</a>
          {t.catalogue[2]}
        </p>
      </div>
    );
  }

  function renderPagination() {
    if (pages < 2) return null;
    const page = Math.min(params.page, pages);
    return (
      <nav className="search-pagination" aria-label={t.pagination}>
        <ul role="list">
          {page > 1 && <li>{link({ ...params, page: page - 1 }, t.previous, { moveFocus: true, className: 'search-page-link search-page-prev' })}</li>}
          {pageItems(page, pages).map((item, i) =>
            item === 'gap' ? (
              <li key={`gap-${i}`} className="search-page-gap" aria-hidden="true">
                …
              </li>
            ) : (
              <li key={item}>
                {link({ ...params, page: item }, numbers.format(item), {
                  moveFocus: true,
                  className: 'search-page-link',
                  current: item === page ? 'page' : undefined,
                  label: t.page(item),
                })}
              </li>
            ),
          )}
          {page < pages && <li>{link({ ...params, page: page + 1 }, t.next, { moveFocus: true, className: 'search-page-link search-page-next' })}</li>}
        </ul>
      </nav>
    );
  }

  function renderFailure(f: Failure) {
    const own = f.status === 429 ? t.tooMany : f.status === 400 ? t.invalid : t.failed;
    const fromServer = (f.status === 400 || f.status === 429) && f.message ? f.message : '';
    return (
      <>
        {locale === 'vi' ? <p>{fromServer || own}</p> : <p>{own}</p>}
        {locale === 'en' && fromServer && (
          <p>
            {t.serverSaid} <span lang="vi">{fromServer}</span>
          </p>
        )}
        {f.retryAfter !== undefined && <p>{t.retryAfter(f.retryAfter)}</p>}
        {f.status !== 400 && (
          <button type="button" className="search-retry" onClick={() => void runSearch(params, true)}>
            {t.retry}
          </button>
        )}
      </>
    );
  }

  const filters = renderFilters();

  return (
    <div className="search-page">
      <form role="search" aria-label={t.region} action={action} method="get" className="search-form" onSubmit={onSubmit}>
        <label htmlFor="search-page-q" className="search-form-label">
          {t.label}
        </label>
        <div className="search-form-row">
          <input
            ref={inputRef}
            id="search-page-q"
            className="search-form-input"
            name="q"
            type="search"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            placeholder={t.placeholder}
            maxLength={200}
            enterKeyHint="search"
          />
          <button type="submit" className="search-form-submit">
            {t.submit}
          </button>
        </div>
      </form>

      <p className="search-sr-only" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      <div className="search-alert" role="alert">
        {failure && renderFailure(failure)}
      </div>

      {!params.q && !shown && !loading && <p className="search-hint">{t.hint}</p>}
      {loading && !shown && <p className="search-loading">{t.loading}</p>}

      {shown && result && (
        <div className="search-results" aria-busy={loading}>
          <div className="search-summary">
            <h2 className="search-heading" ref={headingRef} tabIndex={-1}>
              {headingFor(shown)}
            </h2>
            {pages > 1 && <p className="search-page-info">{t.pageOf(Math.min(shown.params.page, pages), pages)}</p>}
            {loading && <p className="search-loading">{t.loading}</p>}
          </div>
          <div className={filters ? 'search-layout search-layout-filtered' : 'search-layout'}>
            {filters}
            <div className="search-main">
              {result.hits.length > 0 ? (
                <ol className="search-hits" role="list" aria-label={t.hits} start={(shown.params.page - 1) * LIMIT + 1}>
                  {result.hits.map((hit) => (
                    <li className="search-hit" key={`${hit.type}-${hit.documentId}`}>
                      <h3 className="search-hit-title">
                        <a href={hit.url}>{hit.title}</a>
                      </h3>
                      <p className="search-hit-meta">
                        <span className={`search-badge search-badge-${hit.type}`}>{labels.type[hit.type] ?? hit.type}</span>
                        {hit.code && (
                          <span className="search-hit-code">
                            {t.code} {hit.code}
                          </span>
                        )}
                      </p>
                      {hit.snippet && <p className="search-hit-snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />}
                    </li>
                  ))}
                </ol>
              ) : result.total > 0 ? (
                <p className="search-empty">
                  {t.emptyPage} {link({ ...params, page: 1 }, t.firstPage, { moveFocus: true })}
                </p>
              ) : (
                renderEmpty(shown.params.q)
              )}
              {renderPagination()}
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
