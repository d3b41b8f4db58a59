/**
 * Content collections, loaded from the CMS at build time (Astro content layer). Each entry is
 * one document in one locale, keyed `<locale>/<slug>`.
 */
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { fetchAll, type Source } from './lib/cms';
import { locales } from './lib/paths';

function cmsLoader(source: Source): Loader {
  return {
    name: `cms-${source}`,
    async load({ store, logger }) {
      const started = performance.now();
      store.clear();
      for (const locale of locales) {
        const entries = await fetchAll<{ slug: string; locale: string }>(source, locale);
        for (const entry of entries) store.set({ id: `${locale}/${entry.slug}`, data: { ...entry, locale } });
        logger.info(`${entries.length} ${source} (${locale})`);
      }
      logger.info(`${source} loaded in ${Math.round(performance.now() - started)} ms`);
    },
  };
}

export const collections = {
  procedures: defineCollection({ loader: cmsLoader('procedures') }),
  faqs: defineCollection({ loader: cmsLoader('faqs') }),
  news: defineCollection({ loader: cmsLoader('news') }),
  fields: defineCollection({ loader: cmsLoader('fields') }),
  agencies: defineCollection({ loader: cmsLoader('agencies') }),
  lifeEvents: defineCollection({ loader: cmsLoader('lifeEvents') }),
};
