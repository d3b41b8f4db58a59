/**
 * Content from the CMS REST API through its typed client (`@portal/cms/client`): published FAQs,
 * procedures and agencies, in every locale, each page parsed with the contract's schema.
 */
import { createCmsClient, type CmsClientOptions } from '@portal/cms/client';
import { locales } from '@portal/cms/contracts';
import type { Content, ContentSource } from './types';

export function cmsContentSource(options: CmsClientOptions): ContentSource {
  const client = createCmsClient(options);
  return {
    name: 'cms',
    async load() {
      const content = {} as Content;
      for (const locale of locales) {
        const [procedures, faqs, agencies] = await Promise.all([client.all('procedures', locale), client.all('faqs', locale), client.all('agencies', locale)]);
        content[locale] = { procedures, faqs, agencies };
      }
      return content;
    },
  };
}
