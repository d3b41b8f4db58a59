/**
 * The content of seeds/data as search documents, built the way the CMS builds them, without a CMS:
 * the evaluation and the benchmark measure the search, not Strapi. Document ids are the seed keys.
 */
import { faqDocument, newsDocument, procedureDocument } from '@portal/cms/search-documents';
import type { SearchDocument } from '@portal/search';
import { readSeedDir, sampleDataDir } from '@portal/seeds';

export function seedSearchDocuments(dir = sampleDataDir): SearchDocument[] {
  const set = readSeedDir(dir);
  const byKey = (name: Parameters<typeof set.get>[0]) => new Map(set.get(name)!.map((r) => [r.key, r.data as Record<string, any>]));
  const fields = byKey('fields');
  const agencies = byKey('agencies');
  const procedures = byKey('procedures');
  const named = (record: Record<string, any> | undefined, locale: string) =>
    record ? { slug: record.slug, name: (record[locale] ?? record.vi).name } : null;
  const docs: SearchDocument[] = [];
  for (const locale of ['vi', 'en'] as const) {
    for (const p of procedures.values()) {
      if (!p[locale]) continue;
      docs.push(
        procedureDocument({
          ...p,
          ...p[locale],
          documentId: `p-${p.nationalCode}`,
          locale,
          field: named(fields.get(p.field), locale),
          agencies: (p.agencies ?? []).map((a: string) => named(agencies.get(a), locale)),
        }),
      );
    }
    for (const f of set.get('faqs')!.map((r) => r.data as Record<string, any>)) {
      if (!f[locale]) continue;
      const procedure = f.procedure ? procedures.get(f.procedure) : undefined;
      docs.push(
        faqDocument({
          ...f,
          ...f[locale],
          documentId: `f-${f.slug}`,
          locale,
          field: named(fields.get(f.field), locale),
          procedure: procedure ? { code: procedure.code, slug: procedure.slug } : null,
        }),
      );
    }
    for (const n of set.get('news')!.map((r) => r.data as Record<string, any>)) {
      if (n[locale]) docs.push(newsDocument({ ...n, ...n[locale], documentId: `n-${n.slug}`, locale }));
    }
  }
  return docs;
}
