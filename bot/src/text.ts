/**
 * Text as the assistant's rules see it: the search library's folding (tones and đ/d ignored,
 * ký/kí alike), word by word, and phrase lists matched on those words.
 */
import { fold, hasDiacritics, terms } from '@portal/search';

export { fold, hasDiacritics };

/** Folded words in their match form, in order ("Đăng ký" → ["dang", "ki"]). */
export const foldedWords = (text: string): string[] => terms(text).filter((t) => !t.includes('_'));

/** NFC, single spaces, no control characters. */
export const normalize = (text: string): string =>
  text
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export type PhraseMatch = { phrase: string; start: number; end: number; weight: number };

/** The marks of a word (tones, ư/ơ/â/ê/ô/ă, đ), sorted: "kí" and "ký" share them, "báo" and "bão" do not. */
export const marksOf = (word: string): string =>
  [...word.normalize('NFC').toLowerCase().normalize('NFD')]
    .filter((c) => /\p{M}/u.test(c) || c === 'đ')
    .sort()
    .join('');

/** A question's words: folded (for matching) and their marks (empty when typed without). */
export type Words = { folded: string[]; marks: string[] };

export function wordsOf(text: string): Words {
  const raw = text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return { folded: foldedWords(text), marks: raw.map(marksOf) };
}

type Entry = { words: string[]; marks: string[]; phrase: string; weight: number };

/**
 * A list of phrases matched as whole folded words, in order. Overlapping matches are resolved
 * longest first, so "giấy phép lái xe" wins over "lái xe". A word the user typed with marks must
 * carry the phrase's marks ("báo" is not "bão"); a word typed without marks matches on its folded
 * form, except that with `strictMarks` a one-word phrase with marks needs them typed (a bare
 * syllable like "bao" is too ambiguous to count).
 */
/** `Array.isArray` narrows a readonly array to `any[]`: this keeps its element type. */
const isWordList = (input: Words | readonly string[]): input is readonly string[] => Array.isArray(input);

export class Phrases {
  private readonly entries: Entry[];

  constructor(
    groups: { phrases: string[]; weight?: number }[],
    private readonly options: { strictMarks?: boolean } = {},
  ) {
    const seen = new Set<string>();
    this.entries = groups
      .flatMap(({ phrases, weight = 1 }) => phrases.map((phrase) => ({ ...wordsOf(phrase), phrase, weight })))
      .map(({ folded, marks, phrase, weight }) => ({ words: folded, marks, phrase, weight }))
      .filter((e) => e.words.length > 0 && !seen.has(e.words.join(' ') + e.marks.join('|')) && seen.add(e.words.join(' ') + e.marks.join('|')))
      .sort((a, b) => b.words.length - a.words.length || b.weight - a.weight);
  }

  static of(...lists: (string[] | undefined)[]): Phrases {
    return new Phrases([{ phrases: lists.flatMap((l) => l ?? []) }]);
  }

  get size(): number {
    return this.entries.length;
  }

  private wordMatches(entry: Entry, j: number, text: Words, i: number): boolean {
    if (text.folded[i] !== entry.words[j]) return false;
    const typed = text.marks[i] ?? '';
    const wanted = entry.marks[j] ?? '';
    if (typed) return typed === wanted || !wanted;
    return !(this.options.strictMarks && entry.words.length === 1 && wanted);
  }

  /** Non-overlapping matches, longest phrases first, in the order found. */
  find(input: Words | readonly string[]): PhraseMatch[] {
    const text: Words = isWordList(input) ? { folded: [...input], marks: [] } : input;
    const n = text.folded.length;
    const taken = new Array<boolean>(n).fill(false);
    const found: PhraseMatch[] = [];
    for (const entry of this.entries) {
      const len = entry.words.length;
      for (let i = 0; i + len <= n; i++) {
        let ok = true;
        for (let j = 0; j < len && ok; j++) ok = !taken[i + j] && this.wordMatches(entry, j, text, i + j);
        if (!ok) continue;
        for (let j = 0; j < len; j++) taken[i + j] = true;
        found.push({ phrase: entry.phrase, start: i, end: i + len, weight: entry.weight });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }

  /** Sum of the weights of the non-overlapping matches. */
  score(text: Words | readonly string[]): number {
    return this.find(text).reduce((s, m) => s + m.weight, 0);
  }

  has(text: Words | readonly string[]): boolean {
    return this.find(text).length > 0;
  }
}

/**
 * Whether a folded word can be a Vietnamese syllable: an initial consonant (or none), a vowel
 * nucleus and an allowed final. English words mostly fail ("what", "fee", "birth", "land").
 */
const syllable =
  /^(ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdghklmnprstvx])?(uye|uya|uoi|uou|ieu|yeu|oai|oay|oeo|uay|uao|uy|ua|uo|ue|ui|ie|ia|ye|oa|oe|oi|ai|ao|au|ay|eo|eu|iu|ou|ui|[aeiouy])(ng|nh|ch|[cmnptiouy])?$/;

export const vietnameseSyllable = (word: string): boolean => syllable.test(word);

/** Placeholders `{name}` filled from `values`; a missing value leaves an empty string. */
export const fill = (template: string, values: Record<string, string | number | null | undefined>): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
