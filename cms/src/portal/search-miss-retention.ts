import type { Core } from '@strapi/strapi';
import { settings } from '../../lib/settings';

/** The name of the daily job, as `strapi.cron.jobs` lists it. */
export const purgeJobName = 'purge-search-misses';

/**
 * Deletes the searches that found nothing and were last seen more than SEARCH_MISS_RETENTION_DAYS
 * ago: what citizens typed is kept only as long as editors need it to find content gaps.
 * @returns how many were deleted
 */
export async function purgeSearchMisses(strapi: Core.Strapi): Promise<number> {
  const cutoff = new Date(Date.now() - settings().search.missRetentionDays * 24 * 60 * 60 * 1000);
  const { count } = await strapi.db.query('api::search-miss.search-miss').deleteMany({ where: { lastSeenAt: { $lt: cutoff } } });
  if (count > 0) strapi.log.info(`Deleted ${count} search miss(es) last seen before ${cutoff.toISOString().slice(0, 10)} (SEARCH_MISS_RETENTION_DAYS)`);
  return count;
}

/** Purges now (a CMS stopped for a while catches up at start) and every night at 03:17. */
export async function scheduleSearchMissPurge(strapi: Core.Strapi): Promise<void> {
  await purgeSearchMisses(strapi);
  strapi.cron.add({ [purgeJobName]: { task: () => purgeSearchMisses(strapi), options: { rule: '0 17 3 * * *' } } });
}
