import type { Core } from '@strapi/strapi';
import {
  EmbeddedEngine,
  faqDocument,
  locales,
  MeiliEngine,
  newsDocument,
  procedureDocument,
  type CmsFaq,
  type CmsNews,
  type CmsProcedure,
  type Locale,
  type SearchDocument,
  type SearchEngine,
  type SearchQuery,
} from '@portal/search';
import { settings } from '../../../../lib/settings';

/** Catalogue types that are searched, and how a published document becomes a search document. */
const searched = {
  'api::procedure.procedure': {
    populate: { field: { fields: ['slug', 'name'] }, agencies: { fields: ['slug', 'name'] }, steps: true, channels: true, documents: true },
    build: (d: unknown) => procedureDocument(d as CmsProcedure),
  },
  'api::faq.faq': {
    populate: { field: { fields: ['slug', 'name'] }, procedure: { fields: ['code', 'slug', 'name'] } },
    build: (d: unknown) => faqDocument(d as CmsFaq),
  },
  'api::news.news-item': { populate: {}, build: (d: unknown) => newsDocument(d as CmsNews) },
} as const;
type SearchedType = keyof typeof searched;
const searchedTypes = Object.keys(searched) as SearchedType[];

/**
 * What a change to a document also changes in the index: a procedure shows its field's and agencies'
 * names, a FAQ its field's name and its procedure's code.
 */
const dependents: Record<string, { uid: SearchedType; via: string }[]> = {
  'api::field.field': [
    { uid: 'api::procedure.procedure', via: 'field' },
    { uid: 'api::faq.faq', via: 'field' },
  ],
  'api::agency.agency': [{ uid: 'api::procedure.procedure', via: 'agencies' }],
  'api::procedure.procedure': [{ uid: 'api::faq.faq', via: 'procedure' }],
};

type Documents = { findMany(params: Record<string, unknown>): Promise<({ documentId: string } & Record<string, unknown>)[]> };
const batchSize = 100;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let engine: SearchEngine | undefined;
  const pending = new Map<string, Set<string>>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const docs = (uid: string) => strapi.documents(uid as SearchedType) as unknown as Documents;

  /** The published documents of `uid` in `locale` (all, or those with the given ids), as search documents. */
  async function build(uid: SearchedType, locale: Locale, documentIds?: string[]): Promise<SearchDocument[]> {
    const out: SearchDocument[] = [];
    const chunks = documentIds ? Array.from({ length: Math.ceil(documentIds.length / batchSize) }, (_, i) => documentIds.slice(i * batchSize, (i + 1) * batchSize)) : [undefined];
    for (const ids of chunks) {
      for (let start = 0; ; start += 1000) {
        const page = await docs(uid).findMany({
          locale,
          status: 'published',
          populate: searched[uid].populate,
          ...(ids ? { filters: { documentId: { $in: ids } } } : {}),
          start,
          limit: 1000,
        });
        out.push(...page.map((d) => searched[uid].build({ ...d, locale })));
        if (page.length < 1000) break;
      }
    }
    return out;
  }

  /** Re-reads the given documents (and what shows them) and updates the index: upsert the published, remove the rest. */
  async function sync(changes: Map<string, Set<string>>): Promise<void> {
    const all = new Map(changes);
    for (const [uid, ids] of changes) {
      for (const { uid: target, via } of dependents[uid] ?? []) {
        const rows = (await strapi.db.query(target).findMany({
          where: { [via]: { documentId: { $in: [...ids] } } },
          select: ['documentId'],
        })) as { documentId: string }[];
        if (rows.length) all.set(target, new Set([...(all.get(target) ?? []), ...rows.map((r) => r.documentId)]));
      }
    }
    for (const [uid, ids] of all) {
      if (!(uid in searched)) continue;
      for (const locale of locales) {
        const found = await build(uid as SearchedType, locale, [...ids]);
        const present = new Set(found.map((d) => d.documentId));
        await engine!.upsert(found);
        await engine!.remove([...ids].filter((id) => !present.has(id)).map((id) => `${id}-${locale}`));
      }
    }
  }

  const service = {
    get engine(): SearchEngine {
      if (!engine) throw new Error('The search engine is not started yet');
      return engine;
    },

    /** Opens the engine; rebuilds the index when it is empty or was built from other content. */
    async start(): Promise<void> {
      const config = settings().search;
      engine = config.meili ? new MeiliEngine(config.meili) : new EmbeddedEngine({ dir: config.dir });
      if ((await service.check()).some((r) => r.missing.length + r.extra.length > 0)) {
        strapi.log.info(`Search index (${engine.name}) does not match the CMS: rebuilding it`);
        await service.reindex();
      }
    },

    /** Ids (`${documentId}-${locale}`) the index should hold: every published searched document. */
    async expectedIds(): Promise<Map<Locale, Set<string>>> {
      const result = new Map<Locale, Set<string>>(locales.map((l) => [l, new Set<string>()]));
      for (const uid of searchedTypes) {
        const rows = (await strapi.db.query(uid).findMany({
          where: { publishedAt: { $notNull: true } },
          select: ['documentId', 'locale'],
        })) as { documentId: string; locale: Locale }[];
        for (const r of rows) result.get(r.locale)?.add(`${r.documentId}-${r.locale}`);
      }
      return result;
    },

    /** Empties and rebuilds the whole index from the published content. */
    async reindex(): Promise<{ documents: number; ms: number }> {
      const started = performance.now();
      let documents = 0;
      for (const locale of locales) {
        await service.engine.clear(locale);
        for (const uid of searchedTypes) {
          const built = await build(uid, locale);
          await service.engine.upsert(built);
          documents += built.length;
        }
      }
      await service.engine.flush();
      return { documents, ms: Math.round(performance.now() - started) };
    },

    /** Queues a changed document; the queue is written to the index shortly after, in batches. */
    schedule(uid: string, documentId: string): void {
      if (!(uid in searched) && !(uid in dependents)) return;
      pending.set(uid, new Set([...(pending.get(uid) ?? []), documentId]));
      if (!timer) {
        timer = setTimeout(() => void service.flush(), 150);
        timer.unref();
      }
    },

    /** Writes queued changes to the index now. */
    async flush(): Promise<void> {
      clearTimeout(timer);
      timer = undefined;
      const changes = new Map(pending);
      pending.clear();
      running = running.then(async () => {
        if (changes.size === 0 || !engine) return;
        try {
          await sync(changes);
        } catch (error) {
          strapi.log.error(`Search sync failed; run "npm run reindex": ${(error as Error).message}`);
        }
      });
      await running;
    },

    async search(query: SearchQuery) {
      return service.engine.search(query);
    },

    async suggest(prefix: string, locale: Locale) {
      return service.engine.suggest(prefix, locale);
    },

    /** Differences between the index and the CMS, per locale, for `npm run search:check`. */
    async check(): Promise<{ locale: Locale; expected: number; indexed: number; missing: string[]; extra: string[] }[]> {
      const expected = await service.expectedIds();
      const report = [];
      for (const locale of locales) {
        const indexed = new Set(await service.engine.ids(locale));
        const wanted = expected.get(locale)!;
        report.push({
          locale,
          expected: wanted.size,
          indexed: indexed.size,
          missing: [...wanted].filter((id) => !indexed.has(id)),
          extra: [...indexed].filter((id) => !wanted.has(id)),
        });
      }
      return report;
    },

    async stop(): Promise<void> {
      await service.flush();
      await engine?.close();
    },
  };
  return service;
};
