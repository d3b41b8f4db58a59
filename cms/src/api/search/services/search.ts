import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { CachedEngine, EmbeddedEngine, locales, MeiliEngine, type Locale, type SearchDocument, type SearchEngine, type SearchQuery } from '@portal/search';
import { faqDocument, newsDocument, procedureDocument, type FaqInput, type NewsInput, type ProcedureInput } from '../../../../lib/search-documents';
import { settings } from '../../../../lib/settings';

/**
 * Catalogue types that are searched, how a published document becomes a search document, and the
 * relations whose text it shows (their `updatedAt` is part of its content version).
 */
const withStamp = (fields: string[]) => ({ fields: [...fields, 'updatedAt'] });
const searched = {
  'api::procedure.procedure': {
    populate: { field: withStamp(['slug', 'name']), agencies: withStamp(['slug', 'name']), steps: true, channels: true, documents: true },
    shows: ['field', 'agencies'],
    build: (d: unknown) => procedureDocument(d as ProcedureInput),
  },
  'api::faq.faq': {
    populate: { field: withStamp(['slug', 'name']), procedure: withStamp(['code', 'slug', 'name']) },
    shows: ['field', 'procedure'],
    build: (d: unknown) => faqDocument(d as FaqInput),
  },
  'api::news.news-item': { populate: {}, shows: [], build: (d: unknown) => newsDocument(d as NewsInput) },
} as const;
type SearchedType = keyof typeof searched;
const searchedTypes = Object.keys(searched) as SearchedType[];

type Stamped = { documentId?: string; updatedAt?: string | Date | null };
const stamp = (d: Stamped | null | undefined) => (d ? `${d.documentId}@${d.updatedAt ? new Date(d.updatedAt).toISOString() : ''}` : '');

/**
 * The content version of a published document: a hash of when it and each document it shows last
 * changed. The index stores it with each entry; the start-up check and `search:check` compare it with
 * the CMS, so an entry left stale (the process died between a commit and the index save) is found.
 */
function contentVersion(uid: SearchedType, d: Stamped & Record<string, unknown>): string {
  const parts = [stamp(d), ...searched[uid].shows.map((name) => {
    const related = d[name] as Stamped | Stamped[] | null | undefined;
    return Array.isArray(related) ? related.map(stamp).sort().join(',') : stamp(related);
  })];
  return crypto.createHash('sha256').update(parts.join('|')).digest('base64url').slice(0, 22);
}

/** What the version needs and nothing more: `updatedAt` of the document and of what it shows. */
const versionQuery = (uid: SearchedType) => ({
  fields: ['updatedAt'],
  populate: Object.fromEntries(searched[uid].shows.map((name) => [name, { fields: ['updatedAt'] }])),
});

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

/** TEST_PAUSE_BEFORE_INDEX_SAVE: says so on stderr and never goes on, so that a test can kill the process here. */
function pauseForTest(): Promise<never> {
  process.stderr.write('TEST_PAUSE_BEFORE_INDEX_SAVE: changes are committed; pausing before the search index is written\n');
  return new Promise<never>(() => {});
}

type Documents = { findMany(params: Record<string, unknown>): Promise<({ documentId: string } & Record<string, unknown>)[]> };
const batchSize = 100;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let engine: SearchEngine | undefined;
  const pending = new Map<string, Set<string>>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let repairedAtStart: string | undefined;

  // The document service is typed per generated content type, which this project does not generate: the shape we read is `Documents`.
  const docs = (uid: string) => strapi.documents(uid as SearchedType) as unknown as Documents;

  /** The published documents of `uid` in `locale` (all, or those with the given ids), read with `query`, page by page. */
  async function published(uid: SearchedType, locale: Locale, query: Record<string, unknown>, documentIds?: string[]) {
    const out: ({ documentId: string } & Record<string, unknown>)[] = [];
    const chunks = documentIds ? Array.from({ length: Math.ceil(documentIds.length / batchSize) }, (_, i) => documentIds.slice(i * batchSize, (i + 1) * batchSize)) : [undefined];
    for (const ids of chunks) {
      for (let start = 0; ; start += 1000) {
        const page = await docs(uid).findMany({
          ...query,
          locale,
          status: 'published',
          ...(ids ? { filters: { documentId: { $in: ids } } } : {}),
          start,
          limit: 1000,
        });
        out.push(...page);
        if (page.length < 1000) break;
      }
    }
    return out;
  }

  /** The published documents of `uid` in `locale` (all, or those with the given ids), as search documents with their version. */
  async function build(uid: SearchedType, locale: Locale, documentIds?: string[]): Promise<SearchDocument[]> {
    const found = await published(uid, locale, { populate: searched[uid].populate }, documentIds);
    return found.map((d) => ({ ...searched[uid].build({ ...d, locale }), version: contentVersion(uid, d) }));
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

    /** Opens the engine; rebuilds the index when it is empty, was built from other content, or holds stale entries. */
    async start(): Promise<void> {
      const config = settings().search;
      engine = new CachedEngine(config.meili ? new MeiliEngine(config.meili) : new EmbeddedEngine({ dir: config.dir }), { max: config.cacheSize });
      const report = await service.check();
      const count = (key: 'missing' | 'extra' | 'stale') => report.reduce((n, r) => n + r[key].length, 0);
      if (count('missing') + count('extra') + count('stale') > 0) {
        repairedAtStart = `${count('missing')} missing, ${count('extra')} not published, ${count('stale')} out of date`;
        strapi.log.info(`Search index (${engine.name}) does not match the CMS (${repairedAtStart}): rebuilding it`);
        await service.reindex();
      }
    },

    /** What the start-up check found and repaired, if anything (`search:check` reports it). */
    get repairedAtStart(): string | undefined {
      return repairedAtStart;
    },

    /** The index entries (`${documentId}-${locale}`) the CMS expects, with their content version. */
    async expectedVersions(): Promise<Map<Locale, Map<string, string>>> {
      const result = new Map<Locale, Map<string, string>>(locales.map((l) => [l, new Map()]));
      for (const uid of searchedTypes) {
        for (const locale of locales) {
          for (const d of await published(uid, locale, versionQuery(uid))) result.get(locale)!.set(`${d.documentId}-${locale}`, contentVersion(uid, d));
        }
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
        if (settings().search.pauseBeforeIndexSave) await pauseForTest();
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

    /** Differences between the index and the CMS, per locale, for `npm run search:check` and the start-up check. */
    async check(): Promise<{ locale: Locale; expected: number; indexed: number; missing: string[]; extra: string[]; stale: string[] }[]> {
      const expected = await service.expectedVersions();
      const report = [];
      for (const locale of locales) {
        const indexed = await service.engine.versions(locale);
        const wanted = expected.get(locale)!;
        report.push({
          locale,
          expected: wanted.size,
          indexed: indexed.size,
          missing: [...wanted.keys()].filter((id) => !indexed.has(id)),
          extra: [...indexed.keys()].filter((id) => !wanted.has(id)),
          stale: [...wanted].filter(([id, version]) => indexed.has(id) && indexed.get(id) !== version).map(([id]) => id),
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
