/** Schemas of the public search API; the CMS validates requests with them and tests validate answers. */
import { z } from 'zod';
import { locales } from '../locales';
import { documentTypes, filterCodePattern, searchRules } from '../search';

const code = z.string().regex(filterCodePattern, 'phải là mã viết thường, không dấu (ví dụ: ho-tich)');
const q = z
  .string({ error: 'Hãy nhập từ khóa tìm kiếm (tham số q).' })
  .trim()
  .min(1, 'Hãy nhập từ khóa tìm kiếm (tham số q).')
  .transform((text) => cutAtWord(text, searchRules.maxQueryLength))
  .describe(`What the citizen typed. A longer text than ${searchRules.maxQueryLength} characters is cut there, at a word boundary, not refused; a letter is searched on its question sentences.`);

/** The text, or its first `max` characters ending on a whole word when it is longer. */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.search(/\s\S*$/);
  return (space > 0 ? cut.slice(0, space) : text.slice(0, max)).trim();
}
const locale = z.enum(locales, { error: 'Ngôn ngữ (locale) phải là vi hoặc en.' }).default('vi');
const limitMessage = `limit từ 1 đến ${searchRules.maxLimit}.`;
const pageMessage = `page từ 1 đến ${searchRules.maxPage}.`;

/** `GET /api/search` query parameters; unknown parameters are refused. */
export const searchParamsSchema = z.strictObject({
  q,
  locale,
  type: z.enum(documentTypes, { error: 'Loại (type) phải là procedure, faq hoặc news.' }).optional(),
  field: code.optional(),
  level: code.optional(),
  serviceLevel: code.optional(),
  audience: code.optional(),
  agency: code.optional(),
  limit: z.coerce.number({ error: 'limit phải là số.' }).int(limitMessage).min(1, limitMessage).max(searchRules.maxLimit, limitMessage).default(searchRules.defaultLimit),
  page: z.coerce.number({ error: 'page phải là số.' }).int(pageMessage).min(1, pageMessage).max(searchRules.maxPage, pageMessage).default(1),
});

/** `GET /api/search/suggest` query parameters. */
export const suggestParamsSchema = z.strictObject({ q, locale });

const counts = z.record(z.string(), z.number().int().min(0));

export const searchHitSchema = z.object({
  type: z.enum(documentTypes),
  documentId: z.string(),
  /** A procedure's full code; for a FAQ its procedure's code; else null. */
  code: z.string().nullable(),
  title: z.string(),
  /** Portal path of the document, e.g. /thu-tuc/dang-ky-khai-sinh */
  url: z.string(),
  /** HTML: escaped text with the matched words in <mark>. */
  snippet: z.string(),
  /** Stable key (national code or slug). */
  key: z.string(),
});

export const searchResponseSchema = z.object({
  hits: z.array(searchHitSchema),
  total: z.number().int().min(0),
  facets: z.object({ type: counts, field: counts, levels: counts, serviceLevel: counts, audiences: counts, agencies: counts }),
  tookMs: z.number().min(0),
});

export const suggestResponseSchema = z.object({ suggestions: z.array(z.string()) });
