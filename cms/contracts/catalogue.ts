/**
 * The public catalogue collections: where each is read (`/api/<path>`), which relations a reader
 * gets populated, and the document types. The CMS's query guard allows exactly these populates;
 * `@portal/cms/client` sends them and parses the answers with `schemas/catalogue.ts`.
 */
import type { z } from 'zod';
import type * as schemas from './schemas/catalogue';

const named = { fields: ['documentId', 'slug', 'name'] };
const slugOnly = { fields: ['documentId', 'slug'] };

export const catalogueCollections = {
  procedures: {
    path: 'procedures',
    populate: {
      field: named,
      agencies: named,
      channels: true,
      steps: true,
      documents: { populate: { template: { fields: ['url', 'name'] } } },
      legalBasis: true,
      relatedProcedures: slugOnly,
      lifeEvents: slugOnly,
    },
  },
  faqs: { path: 'faqs', populate: { procedure: { fields: ['documentId', 'slug', 'name', 'code', 'nationalCode'] }, field: named } },
  news: { path: 'news', populate: { cover: { fields: ['url', 'alternativeText', 'width', 'height'] } } },
  fields: { path: 'fields', populate: {} },
  agencies: { path: 'agencies', populate: {} },
  lifeEvents: { path: 'life-events', populate: { procedures: slugOnly } },
} as const;
export type Collection = keyof typeof catalogueCollections;
export const collections = Object.keys(catalogueCollections) as Collection[];

/** Largest page the REST API gives (Strapi's `rest.maxLimit`). */
export const maxPageSize = 100;

export type Procedure = z.infer<typeof schemas.procedureSchema>;
export type Channel = z.infer<typeof schemas.channelSchema>;
export type RequiredDocument = z.infer<typeof schemas.requiredDocumentSchema>;
export type LegalBasis = z.infer<typeof schemas.legalBasisSchema>;
export type Faq = z.infer<typeof schemas.faqSchema>;
export type NewsItem = z.infer<typeof schemas.newsItemSchema>;
export type Field = z.infer<typeof schemas.fieldSchema>;
export type Agency = z.infer<typeof schemas.agencySchema>;
export type LifeEvent = z.infer<typeof schemas.lifeEventSchema>;
export type NamedRef = z.infer<typeof schemas.namedRefSchema>;
export type SlugRef = z.infer<typeof schemas.slugRefSchema>;

/** The document type of each collection. */
export type CollectionDocument = {
  procedures: Procedure;
  faqs: Faq;
  news: NewsItem;
  fields: Field;
  agencies: Agency;
  lifeEvents: LifeEvent;
};
