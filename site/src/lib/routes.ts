/**
 * Every page of the portal, in both languages. One list drives the static build and the language
 * switcher: a route knows its path in each locale, so the switcher keeps the user on the same page.
 */
import { catalogue, initialOf } from './content';
import { vocabulary } from './labels';
import { browsePath, locales, pathTo, type Locale } from '@portal/cms/contracts/browser';

export type Route =
  | { kind: 'home' | 'procedures' | 'faqIndex' | 'newsIndex' | 'search' | 'apply' | 'track' }
  | { kind: 'procedure' | 'field' | 'lifeEvent' | 'faq' | 'faqField' | 'news'; slug: string }
  | { kind: 'browse'; by: 'level' | 'serviceLevel' | 'audience' | 'letter'; value: string };

/** Letters in URLs stay ASCII: Đ is `dd`, names that start with a digit or sign are `khac`. */
export const letterSlug = (letter: string): string => (letter === 'Đ' ? 'dd' : letter === '#' ? 'khac' : letter.toLowerCase());

export function routePath(route: Route, locale: Locale): string {
  switch (route.kind) {
    case 'home':
      return pathTo('home', locale);
    case 'procedures':
      return pathTo('procedures', locale);
    case 'faqIndex':
      return pathTo('faq', locale);
    case 'newsIndex':
      return pathTo('news', locale);
    case 'search':
      return pathTo('search', locale);
    case 'apply':
      return pathTo('apply', locale);
    case 'track':
      return pathTo('track', locale);
    case 'procedure':
      return pathTo('procedures', locale, route.slug);
    case 'field':
      return pathTo('fields', locale, route.slug);
    case 'lifeEvent':
      return pathTo('lifeEvents', locale, route.slug);
    case 'faq':
      return pathTo('faq', locale, route.slug);
    case 'faqField':
      return pathTo('faq', locale, locale === 'vi' ? 'linh-vuc' : 'fields', route.slug);
    case 'news':
      return pathTo('news', locale, route.slug);
    case 'browse':
      return browsePath(route.by, locale, route.value);
  }
}

export const otherLocale = (locale: Locale): Locale => (locale === 'vi' ? 'en' : 'vi');

/** All routes of the site (each built once per locale). */
export async function allRoutes(): Promise<Route[]> {
  const data = await catalogue();
  const procedures = [...data.procedures.values()].map((both) => both.vi);
  const fieldsWithFaqs = new Set([...data.faqs.values()].flatMap((both) => (both.vi.field ? [both.vi.field.slug] : [])));
  const used = (codes: (p: (typeof procedures)[number]) => string[]) => new Set(procedures.flatMap(codes));
  const levels = used((p) => p.levels ?? []);
  const audiences = used((p) => p.audiences ?? []);
  const serviceLevels = used((p) => [p.serviceLevel]);
  const letters = used((p) => [letterSlug(initialOf(p.name))]);
  return [
    ...(['home', 'procedures', 'faqIndex', 'newsIndex', 'search', 'apply', 'track'] as const).map((kind) => ({ kind })),
    ...[...data.procedures.keys()].map((slug) => ({ kind: 'procedure' as const, slug })),
    ...[...data.fields.keys()].map((slug) => ({ kind: 'field' as const, slug })),
    ...[...data.lifeEvents.keys()].map((slug) => ({ kind: 'lifeEvent' as const, slug })),
    ...[...data.faqs.keys()].map((slug) => ({ kind: 'faq' as const, slug })),
    ...[...fieldsWithFaqs].map((slug) => ({ kind: 'faqField' as const, slug })),
    ...[...data.news.keys()].map((slug) => ({ kind: 'news' as const, slug })),
    ...vocabulary.levels.filter((t) => levels.has(t.code)).map((t) => ({ kind: 'browse' as const, by: 'level' as const, value: t.code })),
    ...vocabulary.serviceLevels.filter((t) => serviceLevels.has(t.code)).map((t) => ({ kind: 'browse' as const, by: 'serviceLevel' as const, value: t.code })),
    ...vocabulary.audiences.filter((t) => audiences.has(t.code)).map((t) => ({ kind: 'browse' as const, by: 'audience' as const, value: t.code })),
    ...[...letters].map((value) => ({ kind: 'browse' as const, by: 'letter' as const, value })),
  ];
}

/** Static paths for Astro: one page per route and locale. */
export async function staticPaths() {
  const routes = await allRoutes();
  return routes.flatMap((route) =>
    locales.map((locale) => {
      const path = routePath(route, locale).replace(/^\/|\/$/g, '');
      return { params: { path: path === '' ? undefined : decodeURIComponent(path) }, props: { route, locale } };
    }),
  );
}
