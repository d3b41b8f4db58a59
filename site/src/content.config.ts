/**
 * Content collections, loaded from the CMS at build time (Astro content layer). Each entry is
 * one document in one locale, keyed `<locale>/<slug>`.
 */
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import type { Collection } from '@portal/cms/contracts';
import { cmsClient } from './lib/cms';
import { locales } from './lib/paths';

function cmsLoader(collection: Collection): Loader {
  return {
    name: `cms-${collection}`,
    async load({ store, logger }) {
      const started = performance.now();
      const cms = cmsClient();
      store.clear();
      for (const locale of locales) {
        const documents = await cms.all(collection, locale);
        for (const document of documents) store.set({ id: `${locale}/${document.slug}`, data: document });
        logger.info(`${documents.length} ${collection} (${locale})`);
      }
      logger.info(`${collection} loaded in ${Math.round(performance.now() - started)} ms`);
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
