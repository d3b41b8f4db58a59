/**
 * The catalogue as the pages need it: every document in both locales, with English pages falling
 * back to the Vietnamese text where no translation exists (the page then says so).
 * Loaded once per build from the content collections and shared by every page.
 */
import { getCollection } from 'astro:content';
import type { Agency, Faq, Field, LifeEvent, NewsItem, Procedure } from '@portal/cms/contracts';
import type { Locale } from '@portal/cms/contracts/browser';

/** A document shown in a locale: `translated` is false when the text is the Vietnamese fallback. */
export type Shown<T> = T & { translated: boolean };

type Catalogue = {
  procedures: Map<string, Record<Locale, Shown<Procedure>>>;
  faqs: Map<string, Record<Locale, Shown<Faq>>>;
  news: Map<string, Record<Locale, Shown<NewsItem>>>;
  fields: Map<string, Record<Locale, Shown<Field>>>;
  agencies: Map<string, Record<Locale, Shown<Agency>>>;
  lifeEvents: Map<string, Record<Locale, Shown<LifeEvent>>>;
};

/** What each collection's entries hold: the CMS documents as `cms.ts` reads them (the collections have no schema). */
type Documents = { procedures: Procedure; faqs: Faq; news: NewsItem; fields: Field; agencies: Agency; lifeEvents: LifeEvent };

async function byLocale<N extends keyof Documents>(name: N) {
  type T = Documents[N];
  // The collections have no schema, and `astro:content`'s generated types are absent until a sync
  // (which reads the CMS), so the entries are typed here.
  const entries = (await getCollection(name)) as { id: string; data: T }[];
  const vi = new Map<string, T>();
  const en = new Map<string, T>();
  for (const { id, data } of entries) (id.startsWith('en/') ? en : vi).set(data.slug, data);
  const both = new Map<string, Record<Locale, Shown<T>>>();
  for (const [slug, viData] of vi) {
    const enData = en.get(slug);
    both.set(slug, { vi: { ...viData, translated: true }, en: enData ? { ...enData, translated: true } : { ...viData, translated: false } });
  }
  return both;
}

let loading: Promise<Catalogue> | undefined;

export function catalogue(): Promise<Catalogue> {
  loading ??= (async () => ({
    procedures: await byLocale('procedures'),
    faqs: await byLocale('faqs'),
    news: await byLocale('news'),
    fields: await byLocale('fields'),
    agencies: await byLocale('agencies'),
    lifeEvents: await byLocale('lifeEvents'),
  }))();
  return loading;
}

export const inLocale = <T>(map: Map<string, Record<Locale, T>>, locale: Locale): T[] => [...map.values()].map((both) => both[locale]);

const collator = { vi: new Intl.Collator('vi'), en: new Intl.Collator('en') };
export const byName = (locale: Locale) => (a: { name: string }, b: { name: string }) => collator[locale].compare(a.name, b.name);

/** A procedure has a full description when editors wrote its steps and documents. */
export const isDescribed = (p: Procedure): boolean => p.steps.length > 0 && p.documents.length > 0;

/**
 * The letter a procedure is listed under: the first letter of its name after the customary
 * "Thủ tục" prefix, without tone marks (so "Ủy quyền" is under U) but keeping Đ apart from D.
 */
export function initialOf(name: string): string {
  const rest = name.replace(/^thủ tục\s+/i, '');
  const first = rest.charAt(0).toLocaleUpperCase('vi');
  if (first === 'Đ') return 'Đ';
  const base = first.normalize('NFD').charAt(0);
  return /[A-Z]/.test(base) ? base : '#';
}

/** Vietnamese alphabetical order of the letters, Đ after D. */
export const letterOrder = (a: string, b: string): number => collator.vi.compare(a, b);

/** Procedures citizens look for most: the described core ones, in the order editors ranked them. */
export const popularSlugs = [
  'dang-ky-khai-sinh',
  'cap-doi-so-do',
  'dang-ky-ket-hon',
  'cap-giay-phep-xay-dung',
  'dang-ky-ho-kinh-doanh',
  'cap-phieu-ly-lich-tu-phap',
  'xac-nhan-tinh-trang-hon-nhan',
  'dang-ky-khai-tu',
];
