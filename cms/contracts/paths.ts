/**
 * Portal paths per locale (DESIGN.md, "Portal paths"). Slugs are shared by both languages, so
 * switching language swaps the locale prefix and the section name only. The site builds its pages
 * at these paths; the search index and the assistant link to them.
 */
import type { Locale } from './locales';

const sections = {
  home: { vi: '/', en: '/en/' },
  procedures: { vi: '/thu-tuc', en: '/en/procedures' },
  faq: { vi: '/hoi-dap', en: '/en/faq' },
  news: { vi: '/tin-tuc', en: '/en/news' },
  fields: { vi: '/linh-vuc', en: '/en/fields' },
  lifeEvents: { vi: '/su-kien', en: '/en/life-events' },
  search: { vi: '/tim-kiem', en: '/en/search' },
  /** Online submission: a holding page until the dossier service arrives. */
  apply: { vi: '/nop-ho-so', en: '/en/apply' },
  /** Dossier tracking: explained on the home page until the dossier service arrives. */
  track: { vi: '/tra-cuu-ho-so', en: '/en/track' },
} as const satisfies Record<string, Record<Locale, string>>;
export type Section = keyof typeof sections;

/** Sub-paths of the catalogue browse pages, per locale. */
const browse = {
  level: { vi: 'cap', en: 'level' },
  serviceLevel: { vi: 'muc-do', en: 'service-level' },
  audience: { vi: 'doi-tuong', en: 'audience' },
  letter: { vi: 'chu-cai', en: 'letter' },
  field: { vi: 'linh-vuc', en: 'field' },
} as const satisfies Record<string, Record<Locale, string>>;
export type Browse = keyof typeof browse;

/**
 * `/thu-tuc/<slug>`, `/en/procedures/<slug>`; without more parts, the section's index. No trailing
 * slash but on `/` and `/en/`.
 * @example pathTo('procedures', 'vi', 'dang-ky-khai-sinh') // '/thu-tuc/dang-ky-khai-sinh'
 */
export function pathTo(section: Section, locale: Locale, ...rest: string[]): string {
  const base = sections[section][locale];
  if (!rest.length) return base;
  return `${base.replace(/\/$/, '')}/${rest.map(encodeURIComponent).join('/')}`;
}

/** A catalogue browse page: `/thu-tuc/cap/cap-xa`, `/en/procedures/level/cap-xa`. */
export const browsePath = (by: Browse, locale: Locale, value: string): string => pathTo('procedures', locale, browse[by][locale], value);

/** The page of a searchable document, as search hits and the assistant's sources link to it. */
export type DocumentType = 'procedure' | 'faq' | 'news';
const documentSections = { procedure: 'procedures', faq: 'faq', news: 'news' } as const satisfies Record<DocumentType, Section>;
export const documentPath = (type: DocumentType, locale: Locale, slug: string): string => pathTo(documentSections[type], locale, slug);
