/**
 * Display names of codes, in one language: the controlled vocabularies (levels, audiences, service
 * levels, channels, news categories; data in `@portal/cms/vocabulary`, the lists the CMS validates
 * against) and the searchable document types (interface text, from the translation files).
 */
import { audiences, channels, levels, newsCategories, serviceLevels, type Term } from '@portal/cms/vocabulary';
import { documentTypes, type Locale } from '@portal/cms/contracts/browser';
import { translate } from '../i18n';

const byCode = (terms: readonly Term[], locale: Locale): Record<string, string> => Object.fromEntries(terms.map((term) => [term.code, term[locale]]));

export const labels = (locale: Locale) => {
  const t = translate(locale);
  return {
    levels: byCode(levels, locale),
    audiences: byCode(audiences, locale),
    serviceLevel: byCode(serviceLevels, locale),
    channels: byCode(channels, locale),
    newsCategories: byCode(newsCategories, locale),
    type: Object.fromEntries(documentTypes.map((type) => [type, t(`documentType.${type}`)])),
  };
};

export const vocabulary = { levels, audiences, serviceLevels, channels, newsCategories };
