/**
 * Content straight from seed files (seeds/data by default), in the contract's shapes (what the REST
 * API gives): for the evaluation (tests/bot/eval.ts) and the tests, which measure the assistant
 * without a running CMS. Document ids are the seed keys (`p-<national code>`, `f-<slug>`,
 * `a-<slug>`). Test code: the seed loader is a devDependency of the assistant.
 */
import { locales } from '@portal/cms/contracts';
import { readSeedDir, sampleDataDir } from '@portal/seeds';
import type { Agency, Content, ContentSource, Faq, Procedure } from '../../src/content/types';

/** A validated seed record. */
type Row = Record<string, any>;

export class SeedContentSource implements ContentSource {
  readonly name = 'seed files';

  constructor(private readonly dir: string = sampleDataDir) {}

  async load(): Promise<Content> {
    const set = readSeedDir(this.dir);
    const records = (name: Parameters<typeof set.get>[0]) => (set.get(name) ?? []).map((r) => r.data as Row);
    const byKey = (rows: Row[], key: string) => new Map(rows.map((r) => [String(r[key]), r]));
    const fields = byKey(records('fields'), 'slug');
    const agencies = records('agencies');
    const agencyBySlug = byKey(agencies, 'slug');
    const procedures = records('procedures');
    const procedureByCode = byKey(procedures, 'nationalCode');
    const ref = (row: Row | undefined, locale: string) => (row ? { documentId: `${row.nationalCode ? 'p' : 'x'}-${row.slug}`, slug: String(row.slug), name: String((row[locale] ?? row.vi)?.name ?? '') } : null);

    const content = {} as Content;
    for (const locale of locales) {
      content[locale] = {
        procedures: procedures
          .filter((p) => p[locale])
          .map((p): Procedure => {
            const l = p[locale] as Row;
            return {
              documentId: `p-${p.nationalCode}`,
              locale,
              code: p.code,
              nationalCode: p.nationalCode,
              slug: p.slug,
              name: l.name,
              levels: p.levels ?? null,
              audiences: p.audiences ?? null,
              serviceLevel: p.serviceLevel,
              procedureType: l.procedureType ?? null,
              decisionNumber: p.decisionNumber ?? null,
              keywords: l.keywords ?? null,
              steps: (l.steps ?? []).map((s: Row) => ({ title: s.title, description: s.description ?? null })),
              channels: (l.channels ?? []).map((c: Row) => ({
                channel: c.channel,
                timeLimitDays: c.timeLimitDays ?? null,
                timeLimitText: c.timeLimitText ?? null,
                feeAmount: c.feeAmount ?? null,
                feeText: c.feeText ?? null,
              })),
              documents: (l.documents ?? []).map((d: Row) => ({ name: d.name, template: null, templateUrl: null, originals: d.originals ?? 0, copies: d.copies ?? 0, note: d.note ?? null })),
              requirements: l.requirements ?? null,
              result: l.result ?? null,
              field: ref(fields.get(p.field), locale),
              agencies: (p.agencies ?? []).flatMap((slug: string) => {
                const a = ref(agencyBySlug.get(slug), locale);
                return a ? [a] : [];
              }),
              legalBasis: l.legalBasis ?? [],
              relatedProcedures: [],
              lifeEvents: [],
            };
          }),
        faqs: records('faqs')
          .filter((f) => f[locale])
          .map((f): Faq => {
            const l = f[locale] as Row;
            const procedure = f.procedure ? procedureByCode.get(f.procedure) : undefined;
            return {
              documentId: `f-${f.slug}`,
              locale,
              slug: f.slug,
              question: l.question,
              alternativeQuestions: l.alternativeQuestions ?? null,
              answer: l.answer,
              tags: l.tags ?? null,
              reviewedAt: null,
              updatedAt: new Date(0).toISOString(),
              procedure: procedure
                ? { documentId: `p-${procedure.nationalCode}`, slug: procedure.slug, name: (procedure[locale] ?? procedure.vi).name, code: procedure.code, nationalCode: procedure.nationalCode }
                : null,
              field: ref(fields.get(f.field), locale),
            };
          }),
        agencies: agencies
          .filter((a) => a[locale])
          .map((a): Agency => {
            const l = a[locale] as Row;
            return {
              documentId: `a-${a.slug}`,
              locale,
              slug: a.slug,
              name: l.name,
              code: a.code ?? null,
              level: a.level ?? null,
              address: l.address ?? null,
              phone: a.phone ?? null,
              email: a.email ?? null,
              openingHours: l.openingHours ?? null,
            };
          }),
      };
    }
    return content;
  }
}
