/**
 * The one typed client of the CMS's public REST API, for the site build, the assistant and the
 * tests: every published document of a collection in one locale, page by page, parsed with the
 * contract's schema (so a changed shape fails loudly where it is read, naming the document).
 */
import { catalogueCollections, maxPageSize, type Collection, type CollectionDocument } from '../contracts/catalogue';
import type { Locale } from '../contracts/locales';
import { collectionPageSchema, collectionSchemas } from '../contracts/schemas';

export type CmsClientOptions = {
  /** Base URL of the CMS, e.g. http://127.0.0.1:1337 */
  url: string;
  /** The read-only API token, or a function giving it at each request (the seed step may write it later). */
  token?: string | (() => string | undefined);
  /** Per request. @default 15000 */
  timeoutMs?: number;
};

/** The CMS answered with an error, or with documents that do not match the contract. */
export class CmsClientError extends Error {
  override readonly name = 'CmsClientError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Strapi's bracket notation for nested query objects: populate[field][fields][0]=slug */
export function bracketed(value: unknown, prefix: string, out = new URLSearchParams()): URLSearchParams {
  if (Array.isArray(value)) value.forEach((v, i) => bracketed(v, `${prefix}[${i}]`, out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) bracketed(v, `${prefix}[${k}]`, out);
  else out.append(prefix, String(value));
  return out;
}

/** The query string that reads one page of a collection, as the CMS's query guard allows it. */
export function collectionQuery(collection: Collection, locale: Locale, page: number): URLSearchParams {
  const query = new URLSearchParams({ locale, 'pagination[page]': String(page), 'pagination[pageSize]': String(maxPageSize), sort: 'id:asc' });
  return bracketed(catalogueCollections[collection].populate, 'populate', query);
}

export type CmsClient = {
  /** Every published document of `collection` in `locale`. */
  all<C extends Collection>(collection: C, locale: Locale): Promise<CollectionDocument[C][]>;
};

export function createCmsClient(options: CmsClientOptions): CmsClient {
  const base = options.url.replace(/\/$/, '');
  const token = () => (typeof options.token === 'function' ? options.token() : options.token);

  async function page<C extends Collection>(collection: C, locale: Locale, number: number) {
    const where = `/api/${catalogueCollections[collection].path} (${locale}, page ${number})`;
    const bearer = token();
    const response = await fetch(`${base}/api/${catalogueCollections[collection].path}?${collectionQuery(collection, locale, number).toString()}`, {
      headers: { accept: 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    if (!response.ok) throw new CmsClientError(`CMS answered ${response.status} for ${where}: ${(await response.text()).slice(0, 300)}`, response.status);
    const schema = collectionPageSchema(collectionSchemas[collection]);
    const parsed = schema.safeParse(await response.json());
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new CmsClientError(`CMS answered ${where} with a document that does not match the contract: ${issue.path.join('.')}: ${issue.message}`);
    }
    return parsed.data;
  }

  return {
    async all(collection, locale) {
      const documents = [];
      for (let number = 1; ; number++) {
        const { data, meta } = await page(collection, locale, number);
        documents.push(...data);
        if (number >= meta.pagination.pageCount) return documents;
      }
    },
  };
}
