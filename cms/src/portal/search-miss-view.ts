import type { Core } from '@strapi/strapi';

type Configuration = { settings: Record<string, unknown>; layouts: Record<string, unknown> } & Record<string, unknown>;
type ContentTypes = {
  findConfiguration(contentType: unknown): Promise<Configuration>;
  updateConfiguration(contentType: unknown, configuration: Configuration): Promise<unknown>;
};

/**
 * Editors open "Tìm kiếm không có kết quả" to see content gaps: most frequent first, with the
 * columns that matter. Set while the list still has Strapi's default sort, so an administrator's
 * own choice in the admin is kept.
 */
export async function configureSearchMissList(strapi: Core.Strapi): Promise<void> {
  const contentType = strapi.contentType('api::search-miss.search-miss');
  const service = strapi.plugin('content-manager').service('content-types') as unknown as ContentTypes;
  const current = await service.findConfiguration(contentType);
  if (current.settings.defaultSortBy === 'count') return;
  await service.updateConfiguration(contentType, {
    ...current,
    settings: { ...current.settings, defaultSortBy: 'count', defaultSortOrder: 'DESC', mainField: 'query' },
    layouts: { ...current.layouts, list: ['query', 'example', 'locale', 'count', 'lastSeenAt'] },
  });
}
