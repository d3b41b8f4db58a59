import type { Core } from '@strapi/strapi';
import { getService } from '../../lib/services';


/**
 * Editors open "Tìm kiếm không có kết quả" to see content gaps: most frequent first, with the
 * columns that matter. Set while the list still has Strapi's default sort, so an administrator's
 * own choice in the admin is kept.
 */
export async function configureSearchMissList(strapi: Core.Strapi): Promise<void> {
  const contentType = strapi.contentType('api::search-miss.search-miss');
  const service = getService(strapi, 'plugin::content-manager.content-types');
  const current = await service.findConfiguration(contentType);
  if (current.settings.defaultSortBy === 'count') return;
  await service.updateConfiguration(contentType, {
    ...current,
    settings: { ...current.settings, defaultSortBy: 'count', defaultSortOrder: 'DESC', mainField: 'query' },
    layouts: { ...current.layouts, list: ['query', 'example', 'locale', 'count', 'lastSeenAt'] },
  });
}
