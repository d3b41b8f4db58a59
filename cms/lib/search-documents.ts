/**
 * A catalogue document as the search library indexes it (`SearchDocument` of @portal/search): the
 * CMS builds them from its published documents to keep the index in step, the assistant from the
 * documents it reads through the REST API. The inputs are the contract's documents
 * (`@portal/cms/contracts`), of which the CMS's search sync populates only what search reads.
 */
import type { SearchDocument } from '@portal/search';
import type { Faq, NewsItem, Procedure } from '../contracts/catalogue';
import { documentPath, type DocumentType } from '../contracts/paths';
import type { Locale } from '../contracts/locales';

/** The identity every input has; the rest is optional, as the search sync populates only what it reads. */
type Identity = { documentId: string; locale: string; slug: string };
type Input<T, Required extends keyof T> = Identity & Pick<T, Required> & { [K in Exclude<keyof T, Required | keyof Identity>]?: T[K] | null };
export type ProcedureInput = Input<Procedure, 'code' | 'nationalCode' | 'name' | 'serviceLevel'>;
export type FaqInput = Omit<Input<Faq, 'question' | 'answer'>, 'procedure'> & { procedure?: { slug?: string; code?: string | null } | null };
export type NewsInput = Input<NewsItem, 'title' | 'category'>;
type Named = { slug?: string; name?: string | null } | null | undefined;
type Text = string | null | undefined;

const text = (...parts: (Text | false)[]): string => parts.filter(Boolean).join('\n');
const markdown = (s: Text): string => (s ?? '').replace(/[*_#>`]+/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
const names = (list: Named[] | null | undefined): string[] => (list ?? []).flatMap((n) => (n?.name ? [n.name] : []));
const slugs = (list: Named[] | null | undefined): string[] => (list ?? []).flatMap((n) => (n?.slug ? [n.slug] : []));

const base = (type: DocumentType, d: Identity) => ({
  id: `${d.documentId}-${d.locale}`,
  type,
  locale: d.locale as Locale,
  documentId: d.documentId,
  url: documentPath(type, d.locale as Locale, d.slug),
});

export function procedureDocument(p: ProcedureInput): SearchDocument {
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

export function faqDocument(f: FaqInput): SearchDocument {
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

export function newsDocument(n: NewsInput): SearchDocument {
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
