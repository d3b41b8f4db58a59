import type { z } from 'zod';
import type { CatalogueType } from '@portal/cms';
import { agencyRecord, faqRecord, fieldRecord, lifeEventRecord, newsRecord, procedureRecord, type FormFile } from './schemas';

export const seedLocales = ['vi', 'en'] as const;
export type SeedLocale = (typeof seedLocales)[number];

type Relation = { attribute: string; target: SeedTypeName; multiple: boolean };

/** One kind of seed file: where it is read from, what it becomes in the CMS and how it is keyed. */
export type SeedType = {
  /** `<name>.json` and every `<name>/*.json` in the seed folder. */
  name: SeedTypeName;
  uid: CatalogueType;
  /** Shared attribute that identifies a record across runs (upsert key). */
  key: 'slug' | 'nationalCode';
  /** `vi` holds the localized attributes' schema; every other key is shared by all locales. */
  schema: z.ZodObject<{ vi: z.ZodObject } & z.ZodRawShape>;
  /** Attributes that name other seed records by their key. */
  relations: Relation[];
};

export type SeedTypeName = 'fields' | 'agencies' | 'life-events' | 'procedures' | 'faqs' | 'news';

export type SeedRecord = Record<string, unknown> & {
  vi: Record<string, unknown>;
  en?: Record<string, unknown>;
};

/** In dependency order: a type only names types listed before it (or itself). */
export const seedTypes: readonly SeedType[] = [
  { name: 'fields', uid: 'api::field.field', key: 'slug', schema: fieldRecord, relations: [] },
  { name: 'agencies', uid: 'api::agency.agency', key: 'slug', schema: agencyRecord, relations: [] },
  { name: 'life-events', uid: 'api::life-event.life-event', key: 'slug', schema: lifeEventRecord, relations: [] },
  {
    name: 'procedures',
    uid: 'api::procedure.procedure',
    key: 'nationalCode',
    schema: procedureRecord,
    relations: [
      { attribute: 'field', target: 'fields', multiple: false },
      { attribute: 'agencies', target: 'agencies', multiple: true },
      { attribute: 'lifeEvents', target: 'life-events', multiple: true },
      { attribute: 'relatedProcedures', target: 'procedures', multiple: true },
    ],
  },
  {
    name: 'faqs',
    uid: 'api::faq.faq',
    key: 'slug',
    schema: faqRecord,
    relations: [
      { attribute: 'procedure', target: 'procedures', multiple: false },
      { attribute: 'field', target: 'fields', multiple: false },
    ],
  },
  { name: 'news', uid: 'api::news.news-item', key: 'slug', schema: newsRecord, relations: [] },
];

/** A validated record and where it came from, for messages. */
/** `where` locates it for people: `record 3` in a JSON file, `row 57` in the catalogue listing. */
export type LoadedRecord = { data: SeedRecord; file: string; where: string; key: string };

/** A validated form (`forms/<slug>.json`) and where it came from. */
export type LoadedForm = { slug: string; file: string; data: FormFile };

/** The validated records of every type, and the forms their documents name, by slug. */
export class SeedSet extends Map<SeedTypeName, LoadedRecord[]> {
  readonly forms = new Map<string, LoadedForm>();
}
