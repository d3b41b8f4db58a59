import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { documentTypes, fold, locales, type SearchQuery } from '@portal/search';
import { maskPersonalData } from '../../../portal/personal-data';

const code = z.string().regex(/^[a-z0-9-]{1,80}$/, 'phải là mã viết thường, không dấu (ví dụ: ho-tich)');
const q = z
  .string({ error: 'Hãy nhập từ khóa tìm kiếm (tham số q).' })
  .trim()
  .min(1, 'Hãy nhập từ khóa tìm kiếm (tham số q).')
  .max(200, 'Từ khóa quá dài: tối đa 200 ký tự.');
const locale = z.enum(locales as [string, ...string[]], { error: 'Ngôn ngữ (locale) phải là vi hoặc en.' }).default('vi');

const searchParams = z.strictObject({
  q,
  locale,
  type: z.enum(documentTypes as [string, ...string[]], { error: 'Loại (type) phải là procedure, faq hoặc news.' }).optional(),
  field: code.optional(),
  level: code.optional(),
  serviceLevel: code.optional(),
  audience: code.optional(),
  agency: code.optional(),
  limit: z.coerce.number({ error: 'limit phải là số.' }).int().min(1, 'limit từ 1 đến 50.').max(50, 'limit từ 1 đến 50.').default(10),
  page: z.coerce.number({ error: 'page phải là số.' }).int().min(1, 'page từ 1 đến 100.').max(100, 'page từ 1 đến 100.').default(1),
});
const suggestParams = z.strictObject({ q, locale });

/** Parses the query string or answers 400 naming each parameter at fault (Strapi's error envelope). */
function parse<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  const result = schema.safeParse(query);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => ({
    path: i.path.map(String),
    message: i.code === 'unrecognized_keys' ? `Tham số không được hỗ trợ: ${i.keys.join(', ')}.` : i.message,
    name: 'ValidationError',
  }));
  throw new errors.ValidationError(problems[0]!.message, { errors: problems });
}

type SearchService = {
  search(query: SearchQuery): Promise<{ total: number } & Record<string, unknown>>;
  suggest(prefix: string, locale: string): Promise<string[]>;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.service('api::search.search') as unknown as SearchService;

  /**
   * Counts a query that found nothing, so editors see the content gaps. Never fails the search.
   * Citizens sometimes type their identity number, phone, e-mail, name or address into the search
   * box: those are masked before anything is stored (see personal-data.ts), and rows are deleted
   * SEARCH_MISS_RETENTION_DAYS after they were last seen. Records are written one after the
   * other, so two quick searches for the same words make one row counted twice, never two rows.
   */
  let recording: Promise<void> = Promise.resolve();
  function recordMiss(raw: string, locale: string): Promise<void> {
    const typed = maskPersonalData(raw).slice(0, 200);
    const query = fold(typed).replace(/\s+/g, ' ').trim();
    const misses = strapi.db.query('api::search-miss.search-miss');
    recording = recording.then(async () => {
      const existing = await misses.findOne({ where: { query, locale } });
      if (existing) await misses.update({ where: { id: existing.id }, data: { count: existing.count + 1, lastSeenAt: new Date() } });
      else await misses.create({ data: { query, example: typed, locale, count: 1, lastSeenAt: new Date() } });
    }).catch((e: Error) => {
      strapi.log.warn(`Could not record a search miss: ${e.message}`);
    });
    return recording;
  }

  return {
    async search(ctx: Context) {
      const params = parse(searchParams, ctx.query);
      const result = await service().search(params as SearchQuery);
      if (result.total === 0 && params.page === 1) {
        void recordMiss(params.q, params.locale);
      }
      ctx.body = result;
    },

    async suggest(ctx: Context) {
      const params = parse(suggestParams, ctx.query);
      ctx.body = { suggestions: await service().suggest(params.q, params.locale) };
    },
  };
};
