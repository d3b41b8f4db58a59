import type { z } from 'zod';
import type { Collection, CollectionDocument } from '../catalogue';
import * as catalogue from './catalogue';

export * from './catalogue';
export * from './errors';
export * from './search';

/** Each collection's document schema, as the zod objects they are (for deriving schemas from them). */
export const collectionObjectSchemas = {
  procedures: catalogue.procedureSchema,
  faqs: catalogue.faqSchema,
  news: catalogue.newsItemSchema,
  fields: catalogue.fieldSchema,
  agencies: catalogue.agencySchema,
  lifeEvents: catalogue.lifeEventSchema,
} satisfies { [C in Collection]: z.ZodObject };
/** Each collection's document schema, typed by its collection (what `@portal/cms/client` parses with). */
export const collectionSchemas: { [C in Collection]: z.ZodType<CollectionDocument[C]> } = collectionObjectSchemas;
