import type { z } from 'zod';
import type { Collection, CollectionDocument } from '../catalogue';
import * as catalogue from './catalogue';

export * from './catalogue';
export * from './errors';
export * from './search';

/** The schema of each collection's documents. */
export const collectionSchemas: { [C in Collection]: z.ZodType<CollectionDocument[C]> } = {
  procedures: catalogue.procedureSchema,
  faqs: catalogue.faqSchema,
  news: catalogue.newsItemSchema,
  fields: catalogue.fieldSchema,
  agencies: catalogue.agencySchema,
  lifeEvents: catalogue.lifeEventSchema,
};
