/**
 * Formatting of interface text, small enough for every island: placeholders (`{count}`), English
 * plurals, numbers in the page's language. Free of the dictionaries themselves: islands receive
 * their own slice of text as props (see `./index.ts`), never both whole languages.
 */
import type { Locale } from '@portal/cms/contracts/browser';

/** A text with CLDR plural forms, chosen by its `{count}`. Vietnamese needs none; English has `one` and `other`. */
export type Plural = { one?: string; other: string };
export type Text = string | Plural;
/** Numbers are formatted in the page's language (1.294 in Vietnamese, 1,294 in English). */
export type Values = Record<string, string | number>;
/** A slice of the dictionary: texts and lists of texts by key. */
export type Slice = Record<string, Text | readonly string[]>;
export type TextKey<S> = { [K in keyof S]: S[K] extends readonly string[] ? never : K }[keyof S] & string;
export type ListKey<S> = { [K in keyof S]: S[K] extends readonly string[] ? K : never }[keyof S] & string;

/** BCP 47 tags for `Intl`: the portal's Vietnamese is Vietnam's, its English British. */
export const localeTags: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };
const numberFormats = new Map<Locale, Intl.NumberFormat>();
const pluralRules = new Map<Locale, Intl.PluralRules>();

/** The locale's number format (cached: building one is slow). */
export function numberFormat(locale: Locale): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(localeTags[locale])));
  return format;
}

function template(locale: Locale, text: Text, count: unknown): string {
  if (typeof text === 'string') return text;
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(localeTags[locale])));
  const form = typeof count === 'number' ? rules.select(count) : 'other';
  return (form === 'one' ? text.one : undefined) ?? text.other;
}

/**
 * The text with its placeholders filled in; a placeholder without a value stays as it is, so a
 * missing value shows on the page instead of vanishing.
 * @example format('vi', 'Còn {count} ký tự.', { count: 12 }) // 'Còn 12 ký tự.'
 */
export const format = (locale: Locale, text: Text, values: Values = {}): string =>
  parts(locale, text, values).join('');

/**
 * Like `format`, but a value may be anything (a link element): the text comes back as pieces.
 * @example parts('vi', 'Hoặc tra cứu trong {link}.', { link: <a href="/thu-tuc">…</a> }) // ['Hoặc tra cứu trong ', <a…>, '.']
 */
export function parts<T>(locale: Locale, text: Text, values: Record<string, T | string | number> = {}): (T | string)[] {
  const pieces = template(locale, text, values.count).split(/\{(\w+)\}/);
  return pieces.map((piece, i) => {
    if (i % 2 === 0) return piece;
    const value = values[piece];
    return value === undefined ? `{${piece}}` : typeof value === 'number' ? numberFormat(locale).format(value) : value;
  });
}

/** What `translator` returns: `t(key, values)`, `t.list(key)`, `t.parts(key, values)`. */
export type Translator<S extends Slice> = ((key: TextKey<S>, values?: Values) => string) & {
  locale: Locale;
  list: (key: ListKey<S>) => readonly string[];
  parts: <T>(key: TextKey<S>, values: Record<string, T | string | number>) => (T | string)[];
};

/**
 * Typed access to one slice of the dictionary: a key the slice does not have is a type error.
 * @example const t = translator('vi', messages); t('left', { count: 3 })
 */
export function translator<S extends Slice>(locale: Locale, slice: S): Translator<S> {
  const text = (key: string) => slice[key] as Text;
  return Object.assign((key: TextKey<S>, values?: Values) => format(locale, text(key), values), {
    locale,
    list: (key: ListKey<S>) => slice[key] as readonly string[],
    parts: <T>(key: TextKey<S>, values: Record<string, T | string | number>) => parts(locale, text(key), values),
  });
}
