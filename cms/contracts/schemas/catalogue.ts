/**
 * The catalogue as the public REST API returns it (`GET /api/<collection>?locale=`), with the
 * relations that `catalogueQueries` populates. One schema per document type: the site build, the
 * assistant and the tests read documents through `@portal/cms/client`, which parses them here.
 * Unknown keys (ids, timestamps Strapi adds) are dropped, not refused, so the CMS may add fields.
 */
import { z } from 'zod';
import { audiences, channels, codes, levels, newsCategories, serviceLevels } from '../../lib/vocabulary';
import { locales } from '../locales';

const text = z.string().nullable();
/** JSON list attributes are null until an editor fills them. */
const list = <T extends z.ZodType>(item: T) => z.array(item).nullable();
/** PostgreSQL returns decimals as strings. */
const decimal = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);

const document = { documentId: z.string().min(1), locale: z.enum(locales), slug: z.string().min(1) };

/** A related document named on a page: a procedure's field, its agencies. */
export const namedRefSchema = z.object({ documentId: z.string(), slug: z.string(), name: z.string() });
/** A related document only linked to. */
export const slugRefSchema = z.object({ documentId: z.string(), slug: z.string() });

export const channelSchema = z.object({
  channel: z.enum(codes(channels)),
  timeLimitDays: decimal.nullable(),
  timeLimitText: text,
  feeAmount: z.number().int().nullable(),
  feeText: text,
});

export const requiredDocumentSchema = z.object({
  name: z.string(),
  /** The form template in the media library, when one is attached. */
  template: z.object({ url: z.string(), name: z.string() }).nullable(),
  templateUrl: text,
  originals: z.number().int().nullable(),
  copies: z.number().int().nullable(),
  note: text,
});

export const legalBasisSchema = z.object({ number: z.string(), title: z.string(), issuedOn: text, issuer: text });

export const procedureSchema = z.object({
  ...document,
  code: z.string(),
  nationalCode: z.string(),
  name: z.string(),
  levels: list(z.enum(codes(levels))),
  audiences: list(z.enum(codes(audiences))),
  serviceLevel: z.enum(codes(serviceLevels)),
  procedureType: text,
  decisionNumber: text,
  keywords: list(z.string()),
  steps: z.array(z.object({ title: z.string(), description: text })),
  channels: z.array(channelSchema),
  documents: z.array(requiredDocumentSchema),
  requirements: text,
  result: text,
  legalBasis: z.array(legalBasisSchema),
  field: namedRefSchema.nullable(),
  agencies: z.array(namedRefSchema),
  relatedProcedures: z.array(slugRefSchema),
  lifeEvents: z.array(slugRefSchema),
});

export const faqSchema = z.object({
  ...document,
  question: z.string(),
  alternativeQuestions: list(z.string()),
  answer: z.string(),
  tags: list(z.string()),
  reviewedAt: text,
  updatedAt: z.string(),
  procedure: slugRefSchema.extend({ name: z.string(), code: z.string(), nationalCode: z.string() }).nullable(),
  field: namedRefSchema.nullable(),
});

export const newsItemSchema = z.object({
  ...document,
  title: z.string(),
  summary: text,
  body: text,
  category: z.enum(codes(newsCategories)),
  publishedOn: z.string(),
  cover: z.object({ url: z.string(), alternativeText: text, width: z.number(), height: z.number() }).nullable(),
});

export const fieldSchema = z.object({ ...document, name: z.string(), description: text });

export const agencySchema = z.object({
  ...document,
  name: z.string(),
  code: text,
  level: text,
  address: text,
  phone: text,
  email: text,
  openingHours: text,
});

export const lifeEventSchema = z.object({
  ...document,
  name: z.string(),
  description: text,
  order: z.number().int().nullable(),
  procedures: z.array(slugRefSchema),
});

/** Strapi's list answer: `{ data: [...], meta: { pagination } }`. */
export const collectionPageSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    meta: z.object({ pagination: z.object({ page: z.number().int(), pageSize: z.number().int(), pageCount: z.number().int(), total: z.number().int() }) }),
  });
