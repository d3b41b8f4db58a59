/**
 * The seed files as the CMS's REST API would give them once published (the contract's shapes,
 * `@portal/cms/contracts`), without a CMS: for the evaluations and for tests that measure the
 * assistant or the search on the sample content. Document ids are the seed keys (`p-<national
 * code>`, `f-<slug>`, `a-<slug>`); form templates and relations the seeds do not hold are empty.
 */
import type { z } from 'zod';
import { locales, type Agency, type Faq, type Locale, type NamedRef, type Procedure } from '@portal/cms/contracts';
import { readSeedDir } from './read';
import type { agencyRecord, faqRecord, fieldRecord, procedureRecord } from './schemas';
import type { SeedTypeName } from './types';

type Seeds = {
  fields: z.infer<typeof fieldRecord>;
  agencies: z.infer<typeof agencyRecord>;
  procedures: z.infer<typeof procedureRecord>;
  faqs: z.infer<typeof faqRecord>;
};

export type PublishedContent = Record<Locale, { procedures: Procedure[]; faqs: Faq[]; agencies: Agency[] }>;

/** A named relation in `locale`, the Vietnamese name where the record has no translation. */
const ref = (prefix: string, slug: string, names: { vi: { name: string }; en?: { name: string } }, locale: Locale): NamedRef => ({
  documentId: `${prefix}-${slug}`,
  slug,
  name: (names[locale] ?? names.vi).name,
});

function toProcedure(p: Seeds['procedures'], locale: Locale, fields: Map<string, Seeds['fields']>, agencies: Map<string, Seeds['agencies']>): Procedure {
  const l = p[locale] ?? p.vi;
  const field = fields.get(p.field);
  return {
    documentId: `p-${p.nationalCode}`,
    locale,
    code: p.code,
    nationalCode: p.nationalCode,
    slug: p.slug,
    name: l.name,
    levels: p.levels,
    audiences: p.audiences ?? null,
    serviceLevel: p.serviceLevel,
    procedureType: l.procedureType ?? null,
    decisionNumber: p.decisionNumber ?? null,
    keywords: l.keywords ?? null,
    steps: (l.steps ?? []).map((s) => ({ title: s.title, description: s.description ?? null })),
    channels: (l.channels ?? []).map((c) => ({
      channel: c.channel,
      timeLimitDays: c.timeLimitDays ?? null,
      timeLimitText: c.timeLimitText ?? null,
      feeAmount: c.feeAmount ?? null,
      feeText: c.feeText ?? null,
    })),
    documents: (l.documents ?? []).map((d) => ({ name: d.name, template: null, templateUrl: null, originals: d.originals ?? 0, copies: d.copies ?? 0, note: d.note ?? null })),
    requirements: l.requirements ?? null,
    result: l.result ?? null,
    field: field ? ref('x', field.slug, field, locale) : null,
    agencies: (p.agencies ?? []).flatMap((slug) => {
      const agency = agencies.get(slug);
      return agency ? [ref('x', slug, agency, locale)] : [];
    }),
    legalBasis: (l.legalBasis ?? []).map((b) => ({ number: b.number, title: b.title, issuedOn: b.issuedOn ?? null, issuer: b.issuer ?? null })),
    relatedProcedures: [],
    lifeEvents: [],
  };
}

function toFaq(f: Seeds['faqs'], l: NonNullable<Seeds['faqs']['en']>, locale: Locale, procedures: Map<string, Seeds['procedures']>, fields: Map<string, Seeds['fields']>): Faq {
  const procedure = f.procedure ? procedures.get(f.procedure) : undefined;
  const field = f.field ? fields.get(f.field) : undefined;
  return {
    documentId: `f-${f.slug}`,
    locale,
    slug: f.slug,
    question: l.question,
    alternativeQuestions: l.alternativeQuestions,
    answer: l.answer,
    tags: l.tags ?? null,
    reviewedAt: null,
    updatedAt: new Date(0).toISOString(),
    procedure: procedure
      ? { documentId: `p-${procedure.nationalCode}`, slug: procedure.slug, name: (procedure[locale] ?? procedure.vi).name, code: procedure.code, nationalCode: procedure.nationalCode }
      : null,
    field: field ? ref('x', field.slug, field, locale) : null,
  };
}

const toAgency = (a: Seeds['agencies'], l: NonNullable<Seeds['agencies']['en']>, locale: Locale): Agency => ({
  documentId: `a-${a.slug}`,
  locale,
  slug: a.slug,
  name: l.name,
  code: a.code,
  level: a.level,
  address: l.address ?? null,
  phone: a.phone ?? null,
  email: a.email ?? null,
  openingHours: l.openingHours ?? null,
});

/** The procedures, FAQs and agencies of the seed folder `dir`, per locale, as published documents. */
export function publishedContent(dir: string): PublishedContent {
  const set = readSeedDir(dir);
  // readSeedDir validated every record with its type's schema (schemas.ts): each holds that schema's output.
  const records = <T extends keyof Seeds>(name: T & SeedTypeName) => (set.get(name) ?? []).map((r) => r.data as Seeds[T]);
  const fields = new Map(records('fields').map((f) => [f.slug, f]));
  const agencies = records('agencies');
  const agencyBySlug = new Map(agencies.map((a) => [a.slug, a]));
  const procedures = records('procedures');
  const procedureByCode = new Map(procedures.map((p) => [p.nationalCode, p]));
  const faqs = records('faqs');

  const content = {} as PublishedContent;
  for (const locale of locales) {
    content[locale] = {
      procedures: procedures.filter((p) => p[locale]).map((p) => toProcedure(p, locale, fields, agencyBySlug)),
      faqs: faqs.flatMap((f) => {
        const l = f[locale];
        return l ? [toFaq(f, l, locale, procedureByCode, fields)] : [];
      }),
      agencies: agencies.flatMap((a) => {
        const l = a[locale];
        return l ? [toAgency(a, l, locale)] : [];
      }),
    };
  }
  return content;
}
