/**
 * The portal's interface text: one file per language (`vi.json`, `en.json`), read here at build
 * time. Pages use `translate(locale)`; an island gets only its own namespace, in its page's
 * language, as a prop (`messages(locale, 'assistant')`), so no island bundles the dictionaries.
 * Content (procedures, FAQs, news) comes from the CMS and the controlled vocabularies from
 * `@portal/cms/vocabulary`; only the words around them live here.
 */
import type { Locale } from '@portal/cms/contracts/browser';
import en from './en.json';
import vi from './vi.json';
import { format, localeTags, type ListKey, type Text, type TextKey, type Values } from './translate';

/** Vietnamese is the reference; English may give a text plural forms where Vietnamese has one string. */
type Widen<T> = { [N in keyof T]: { [K in keyof T[N]]: T[N][K] extends string ? Text : T[N][K] } };
export type Dictionary = Widen<typeof vi>;
export type Namespace = keyof Dictionary;
/** One namespace's texts, as an island receives them. */
export type Messages<N extends Namespace> = Dictionary[N];

/** A key missing from English is a type error here; `i18n.test.ts` checks the converse and the texts themselves. */
export const dictionaries: Record<Locale, Dictionary> = { vi, en };

/** One namespace in one language: what an island needs, passed to it as a prop. */
export const messages = <N extends Namespace>(locale: Locale, namespace: N): Messages<N> => dictionaries[locale][namespace];

type TextKeys = { [N in Namespace]: `${N}.${TextKey<Dictionary[N]>}` }[Namespace];
type ListKeys = { [N in Namespace]: `${N}.${ListKey<Dictionary[N]>}` }[Namespace];

function lookup(locale: Locale, key: string): unknown {
  const dot = key.indexOf('.');
  const namespace = dictionaries[locale][key.slice(0, dot) as Namespace] as Record<string, unknown>;
  return namespace[key.slice(dot + 1)];
}

/**
 * The page's texts by `namespace.key`.
 * @example const t = translate('vi'); t('home.allProcedures', { count: 1294 }) // 'Xem toàn bộ 1.294 thủ tục'
 */
export function translate(locale: Locale) {
  return Object.assign((key: TextKeys, values?: Values) => format(locale, lookup(locale, key) as Text, values), {
    list: (key: ListKeys) => lookup(locale, key) as readonly string[],
  });
}
export type Translate = ReturnType<typeof translate>;

/** A date as people write it: 05/03/2026 in Vietnamese, 5 March 2026 in English (Vietnam's time zone). */
export const formatDate = (iso: string, locale: Locale): string =>
  new Date(iso).toLocaleDateString(localeTags[locale], { day: 'numeric', month: locale === 'vi' ? '2-digit' : 'long', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' });
