/**
 * Content from the CMS REST API: published FAQs, procedures (channels, documents, steps, field and
 * agencies populated) and agencies, in every locale, page by page, with the read-only API token.
 */
import fs from 'node:fs';
import { locales, type Locale } from '@portal/search';
import type { Agency, Content, ContentSource, Faq, Procedure } from './types';

export type RestOptions = {
  /** CMS base URL, e.g. http://127.0.0.1:1337 */
  url: string;
  /** The token, or a file holding it (read at every load: the seed step may write it later). */
  token?: string;
  tokenFile?: string;
  /** Per request. @default 15000 */
  timeoutMs?: number;
};

const named = { fields: ['slug', 'name'] };

/** What each collection reads and which relations it populates (Strapi's populate syntax). */
const collections = {
  procedures: {
    fields: ['code', 'nationalCode', 'slug', 'name', 'levels', 'audiences', 'serviceLevel', 'procedureType', 'keywords', 'requirements', 'result'],
    populate: { field: named, agencies: named, channels: true, steps: true, documents: { fields: ['name', 'originals', 'copies', 'note'] } },
  },
  faqs: {
    fields: ['slug', 'question', 'alternativeQuestions', 'answer', 'tags'],
    populate: { procedure: { fields: ['slug', 'name', 'code', 'nationalCode'] }, field: named },
  },
  agencies: { fields: ['slug', 'name', 'code', 'level', 'address', 'phone', 'email', 'openingHours'], populate: {} },
} as const;

/** Strapi's bracket notation for nested query objects: populate[field][fields][0]=slug */
function bracketed(value: unknown, prefix: string, out: URLSearchParams): void {
  if (Array.isArray(value)) value.forEach((v, i) => bracketed(v, `${prefix}[${i}]`, out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) bracketed(v, `${prefix}[${k}]`, out);
  else out.append(prefix, String(value));
}

export class RestContentSource implements ContentSource {
  readonly name = 'cms';
  private readonly url: string;

  constructor(private readonly options: RestOptions) {
    this.url = options.url.replace(/\/$/, '');
  }

  private token(): string | undefined {
    if (this.options.token) return this.options.token;
    const file = this.options.tokenFile;
    return file && fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() || undefined : undefined;
  }

  private async all<T>(collection: keyof typeof collections, locale: Locale, token: string | undefined): Promise<T[]> {
    const { fields, populate } = collections[collection];
    const entries: T[] = [];
    for (let page = 1; ; page++) {
      const query = new URLSearchParams({ locale, 'pagination[page]': String(page), 'pagination[pageSize]': '100', sort: 'id:asc' });
      bracketed(fields, 'fields', query);
      bracketed(populate, 'populate', query);
      const response = await fetch(`${this.url}/api/${collection}?${query}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
      if (!response.ok) throw new Error(`CMS answered ${response.status} for /api/${collection} (${locale}): ${(await response.text()).slice(0, 200)}`);
      const body = (await response.json()) as { data: T[]; meta: { pagination: { pageCount: number } } };
      entries.push(...body.data.map((d) => ({ ...d, locale })));
      if (page >= body.meta.pagination.pageCount) return entries;
    }
  }

  async load(): Promise<Content> {
    const token = this.token();
    const content = {} as Content;
    for (const locale of locales) {
      const [procedures, faqs, agencies] = await Promise.all([
        this.all<Procedure>('procedures', locale, token),
        this.all<Faq>('faqs', locale, token),
        this.all<Agency>('agencies', locale, token),
      ]);
      content[locale] = { procedures, faqs, agencies };
    }
    return content;
  }
}
