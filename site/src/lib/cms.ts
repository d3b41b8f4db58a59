/**
 * Reads the published catalogue from the CMS REST API at build time, with the read-only token
 * the seed step writes (`DATA_DIR/site-api-token`). The site server passes `CMS_URL` and
 * `CMS_TOKEN`; a build run by hand falls back to the local defaults.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from './paths';

type Text = string | null;
export type Named = { documentId: string; slug: string; name: string };
export type Field = Named & { locale: Locale; description: Text };
export type Agency = Named & { locale: Locale; code: Text; level: Text; address: Text; phone: Text; email: Text; openingHours: Text };
export type LifeEvent = Named & { locale: Locale; description: Text; order: number | null; procedures: { slug: string }[] };
export type Channel = { channel: string; timeLimitDays: number | null; timeLimitText: Text; feeAmount: number | null; feeText: Text };
export type ProcedureDocument = { name: string; template: { url: string; name: string } | null; templateUrl: Text; originals: number; copies: number; note: Text };
export type LegalBasis = { number: string; title: string; issuedOn: Text; issuer: Text };
export type Procedure = {
  documentId: string;
  locale: Locale;
  code: string;
  nationalCode: string;
  slug: string;
  name: string;
  levels: string[] | null;
  audiences: string[] | null;
  serviceLevel: string;
  procedureType: Text;
  decisionNumber: Text;
  keywords: string[] | null;
  steps: { title: string; description: Text }[];
  channels: Channel[];
  documents: ProcedureDocument[];
  requirements: Text;
  result: Text;
  legalBasis: LegalBasis[];
  field: Named | null;
  agencies: Named[];
  relatedProcedures: { slug: string }[];
  lifeEvents: { slug: string }[];
};
export type Faq = {
  documentId: string;
  locale: Locale;
  slug: string;
  question: string;
  alternativeQuestions: string[] | null;
  answer: string;
  tags: string[] | null;
  reviewedAt: Text;
  updatedAt: string;
  procedure: { slug: string } | null;
  field: { slug: string } | null;
};
export type NewsItem = {
  documentId: string;
  locale: Locale;
  slug: string;
  title: string;
  summary: Text;
  body: Text;
  category: string;
  publishedOn: string;
  cover: { url: string; alternativeText: Text; width: number; height: number } | null;
};

const slugOnly = { fields: ['slug'] };
const named = { fields: ['documentId', 'slug', 'name'] };

/** What each collection reads, and which relations it needs populated. */
export const sources = {
  procedures: {
    path: 'procedures',
    populate: {
      field: named,
      agencies: named,
      channels: true,
      steps: true,
      documents: { populate: { template: { fields: ['url', 'name'] } } },
      legalBasis: true,
      relatedProcedures: slugOnly,
      lifeEvents: slugOnly,
    },
  },
  faqs: { path: 'faqs', populate: { procedure: slugOnly, field: slugOnly } },
  news: { path: 'news', populate: { cover: { fields: ['url', 'alternativeText', 'width', 'height'] } } },
  fields: { path: 'fields', populate: {} },
  agencies: { path: 'agencies', populate: {} },
  lifeEvents: { path: 'life-events', populate: { procedures: slugOnly } },
} as const;
export type Source = keyof typeof sources;

/** Strapi's bracket notation for nested query objects: populate[field][fields][0]=slug */
function bracketed(value: unknown, prefix: string, out: URLSearchParams): void {
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) bracketed(inner, `${prefix}[${key}]`, out);
  } else out.append(prefix, String(value));
}

export function cmsConnection(): { url: string; token: string } {
  const url = (process.env.CMS_URL ?? `http://127.0.0.1:${process.env.CMS_PORT ?? 1337}`).replace(/\/$/, '');
  let token = process.env.CMS_TOKEN;
  if (!token) {
    const file = path.join(process.env.DATA_DIR ?? path.resolve(process.cwd(), '../cms/.data'), 'site-api-token');
    if (!fs.existsSync(file)) throw new Error(`No CMS token: set CMS_TOKEN, or seed the CMS first (npm run seed) so that ${file} exists.`);
    token = fs.readFileSync(file, 'utf8').trim();
  }
  return { url, token };
}

/** Every published entry of a collection in one locale, page by page (the API caps pages at 100). */
export async function fetchAll<T>(source: Source, locale: Locale): Promise<T[]> {
  const { url, token } = cmsConnection();
  const { path: apiPath, populate } = sources[source];
  const entries: T[] = [];
  for (let page = 1; ; page++) {
    const query = new URLSearchParams({ locale, 'pagination[page]': String(page), 'pagination[pageSize]': '100', sort: 'id:asc' });
    bracketed(populate, 'populate', query);
    const response = await fetch(`${url}/api/${apiPath}?${query}`, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`CMS answered ${response.status} for ${apiPath} (${locale}): ${(await response.text()).slice(0, 300)}`);
    const body = (await response.json()) as { data: T[]; meta: { pagination: { pageCount: number } } };
    entries.push(...body.data);
    if (page >= body.meta.pagination.pageCount) return entries;
  }
}
