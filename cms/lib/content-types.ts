/** The content types of the catalogue, which the public reads and editors edit. */
export const catalogueTypes = [
  'api::procedure.procedure',
  'api::faq.faq',
  'api::news.news-item',
  'api::field.field',
  'api::agency.agency',
  'api::life-event.life-event',
] as const;

export type CatalogueType = (typeof catalogueTypes)[number];

export const isCatalogueType = (uid: string): uid is CatalogueType =>
  (catalogueTypes as readonly string[]).includes(uid);

/** What the Editor role manages in the admin: the catalogue, and the searches that found nothing. */
export const editorTypes = [...catalogueTypes, 'api::search-miss.search-miss'] as const;

/** The only content-API actions the public role has. */
export const publicActions = catalogueTypes.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]);
