import { factories } from '@strapi/strapi';

/** Editors read search misses in the admin; the content API exposes nothing of them. */
export default factories.createCoreRouter('api::search-miss.search-miss', { only: [] });
