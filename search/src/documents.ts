import type { DocumentType, Locale, SearchDocument } from './types';

/** Portal paths per type and locale (DESIGN.md, "Portal paths"). */
const paths: Record<Locale, Record<DocumentType | 'field', string>> = {
  vi: { procedure: '/thu-tuc', faq: '/hoi-dap', news: '/tin-tuc', field: '/linh-vuc' },
  en: { procedure: '/en/procedures', faq: '/en/faq', news: '/en/news', field: '/en/fields' },
};

export const portalUrl = (type: DocumentType | 'field', locale: Locale, slug: string): string => `${paths[locale][type]}/${slug}`;

/* The CMS documents as the document service returns them with their relations populated. */
type Named = { documentId?: string; slug?: string; name?: string | null } | null | undefined;
type Text = string | null | undefined;
export type CmsProcedure = {
  documentId: string;
  locale: string;
  code: string;
  nationalCode: string;
  slug: string;
  name: string;
  levels?: string[] | null;
  audiences?: string[] | null;
  serviceLevel: string;
  keywords?: string[] | null;
  procedureType?: Text;
  steps?: { title: string; description?: Text }[] | null;
  channels?: { timeLimitText?: Text; feeText?: Text }[] | null;
  documents?: { name: string; note?: Text }[] | null;
  requirements?: Text;
  result?: Text;
  field?: Named;
  agencies?: Named[] | null;
};
export type CmsFaq = {
  documentId: string;
  locale: string;
  slug: string;
  question: string;
  alternativeQuestions?: string[] | null;
  answer: string;
  tags?: string[] | null;
  procedure?: (Named & { code?: string }) | null;
  field?: Named;
};
export type CmsNews = { documentId: string; locale: string; slug: string; title: string; summary?: Text; body?: Text; category: string };

const text = (...parts: (Text | false)[]): string => parts.filter(Boolean).join('\n');
const markdown = (s: Text): string => (s ?? '').replace(/[*_#>`]+/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
const names = (list: Named[] | null | undefined): string[] => (list ?? []).flatMap((n) => (n?.name ? [n.name] : []));
const slugs = (list: Named[] | null | undefined): string[] => (list ?? []).flatMap((n) => (n?.slug ? [n.slug] : []));

const base = (type: DocumentType, d: { documentId: string; locale: string; slug: string }) => ({
  id: `${d.documentId}-${d.locale}`,
  type,
  locale: d.locale as Locale,
  documentId: d.documentId,
  url: portalUrl(type, d.locale as Locale, d.slug),
});

export function procedureDocument(p: CmsProcedure): SearchDocument {
  const described = Boolean(p.steps?.length && p.documents?.length);
  return {
    ...base('procedure', p),
    code: p.code,
    key: p.nationalCode,
    title: p.name,
    questions: p.keywords ?? [],
    keywords: [...names([p.field]), ...names(p.agencies), p.nationalCode, ...(p.procedureType ? [p.procedureType] : [])],
    body: text(
      ...(p.steps ?? []).map((s) => text(s.title, s.description)),
      ...(p.documents ?? []).map((d) => text(d.name, d.note)),
      ...(p.channels ?? []).map((c) => text(c.timeLimitText, c.feeText)),
      markdown(p.requirements),
      p.result,
    ),
    field: p.field?.slug ?? '',
    levels: p.levels ?? [],
    serviceLevel: p.serviceLevel,
    audiences: p.audiences ?? [],
    agencies: slugs(p.agencies),
    complete: described,
  };
}

export function faqDocument(f: CmsFaq): SearchDocument {
  return {
    ...base('faq', f),
    code: f.procedure?.code ?? null,
    key: f.slug,
    title: f.question,
    questions: f.alternativeQuestions ?? [],
    keywords: [...names([f.field]), ...(f.tags ?? [])],
    body: markdown(f.answer),
    field: f.field?.slug ?? '',
    levels: [],
    serviceLevel: '',
    audiences: [],
    agencies: [],
    complete: true,
  };
}

export function newsDocument(n: CmsNews): SearchDocument {
  return {
    ...base('news', n),
    code: null,
    key: n.slug,
    title: n.title,
    questions: [],
    keywords: [n.category === 'thong-bao' ? (n.locale === 'en' ? 'announcement' : 'thông báo') : n.locale === 'en' ? 'news' : 'tin tức'],
    body: text(n.summary, markdown(n.body)),
    field: '',
    levels: [],
    serviceLevel: '',
    audiences: [],
    agencies: [],
    complete: true,
  };
}
