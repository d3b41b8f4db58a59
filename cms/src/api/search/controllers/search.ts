import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import type { z } from 'zod';
import { fold } from '@portal/search';
import { issuesToProblems } from '../../../../contracts/errors';
import { searchParamsSchema, suggestParamsSchema } from '../../../../contracts/schemas/search';
import { getService } from '../../../../lib/services';
import { maskPersonalData } from '../../../portal/personal-data';

/** Parses the query string with the contract's schema, or answers 400 naming each parameter at fault (Strapi's error envelope). */
function parse<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  const result = schema.safeParse(query);
  if (result.success) return result.data;
  const problems = issuesToProblems(result.error.issues, 'query');
  throw new errors.ValidationError(problems[0]!.message, { errors: problems });
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'api::search.search');

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
      const existing = (await misses.findOne({ where: { query, locale } })) as { id: number; count: number } | null;
      if (existing) await misses.update({ where: { id: existing.id }, data: { count: existing.count + 1, lastSeenAt: new Date() } });
      else await misses.create({ data: { query, example: typed, locale, count: 1, lastSeenAt: new Date() } });
    }).catch((e: Error) => {
      strapi.log.warn(`Could not record a search miss: ${e.message}`);
    });
    return recording;
  }

  return {
    async search(ctx: Context) {
      const params = parse(searchParamsSchema, ctx.query);
      const result = await service().search(params);
      if (result.total === 0 && params.page === 1) {
        void recordMiss(params.q, params.locale);
      }
      ctx.body = result;
    },

    async suggest(ctx: Context) {
      const params = parse(suggestParamsSchema, ctx.query);
      ctx.body = { suggestions: await service().suggest(params.q, params.locale) };
    },
  };
};
