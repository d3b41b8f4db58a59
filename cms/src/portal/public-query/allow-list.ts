/**
 * What the public (and API tokens) may ask of each catalogue collection, besides its own fields:
 * the relations and components it may populate, and what may be populated inside them. Anything
 * not listed here is refused with a 400, whatever the depth: this is what keeps one request from
 * dragging the whole catalogue along (`agencies → procedures → *` once answered 147 MB).
 *
 * It covers what the portal build (`site/src/lib/cms.ts`, `sources`) and the assistant
 * (`bot/src/content/rest.ts`, `collections`) ask for; add here when they need more.
 * Fields, filters and sort are checked against each type's own attributes (see `parse.ts`).
 */
import type { CatalogueType } from '../../../lib/content-types';

/** A relation, component or media attribute that may be populated, and what may be populated inside it. */
export type PopulateTree = { readonly [attribute: string]: PopulateTree };

export type PublicCollection = { readonly uid: CatalogueType; readonly populate: PopulateTree };

/** Keyed by the path under `/api/`. */
export const publicCollections: Readonly<Record<string, PublicCollection>> = {
  procedures: {
    uid: 'api::procedure.procedure',
    populate: {
      field: {},
      agencies: {},
      channels: {},
      steps: {},
      documents: { template: {} },
      legalBasis: {},
      relatedProcedures: {},
      lifeEvents: {},
    },
  },
  faqs: { uid: 'api::faq.faq', populate: { procedure: {}, field: {} } },
  news: { uid: 'api::news.news-item', populate: { cover: {} } },
  fields: { uid: 'api::field.field', populate: {} },
  agencies: { uid: 'api::agency.agency', populate: {} },
  'life-events': { uid: 'api::life-event.life-event', populate: { procedures: {} } },
};
