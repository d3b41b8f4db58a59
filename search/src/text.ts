/**
 * Vietnamese text as the search compares it. Matching ignores tones and đ/d; ranking may still
 * look at the diacritics the user typed.
 */

/**
 * Lower case, tones and other marks removed, đ → d. For NFC Vietnamese text every character folds
 * to exactly one character, so positions in the folded text are positions in the original.
 * @example fold('Đăng ký khai sinh') // 'dang ky khai sinh'
 */
export function fold(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC').toLowerCase()) out += ch.length === 1 && ch.charCodeAt(0) < 128 ? ch : foldChar(ch);
  return out;
}

/** Folded form of one non-ASCII character, remembered: the same few hundred letters recur. */
const folded = new Map<string, string>([['đ', 'd']]);
function foldChar(ch: string): string {
  let out = folded.get(ch);
  if (out === undefined) {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    out = base.length === 1 ? base : ch;
    if (folded.size < 10_000) folded.set(ch, out);
  }
  return out;
}

/** Words as written (NFC, lower case), in order. */
export function words(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Separates the two words of a pair term. */
export const pairJoiner = '_';

/**
 * The form a folded word is matched in. Vietnamese writes a syllable-final i after a consonant
 * either way (ký/kí, lý/lí, quy/qui, mỹ/mĩ), so both spellings match as "i".
 * @example matchForm('ky') // 'ki'
 */
export const matchForm = (folded: string): string =>
  /^(?:[bcdghklmnpqrstvx]|ch|gh|kh|ng|nh|ph|th|tr|qu)y$/.test(folded) ? `${folded.slice(0, -1)}i` : folded;

/** Folded words in their match form, in order. */
export const foldedWords = (text: string): string[] => words(text).map((w) => matchForm(fold(w)));

/** Whether the text carries Vietnamese marks (tones, ư, ơ, â, ê, ô, ă, đ). */
export const hasDiacritics = (text: string): boolean => fold(text) !== text.normalize('NFC').toLowerCase();

/**
 * Index terms: every folded word, and every pair of neighbouring words joined by "_", so that a
 * phrase typed in order ("khai sinh") scores above the same words scattered through a text.
 */
export function terms(text: string): string[] {
  const list = foldedWords(text);
  const pairs = list.slice(1).map((word, i) => `${list[i]}${pairJoiner}${word}`);
  return [...list, ...pairs];
}

/** Terms already chosen by the engine (words and pairs), separated by spaces: taken as they are. */
export const chosenTerms = (term: string): string[] => term.split(' ').filter(Boolean);

/** Text to match literally inside a regular expression. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
