/**
 * The check an LLM wording must pass before it replaces the extractive answer. Pure functions, no
 * model: the wording may only rephrase and combine the passages, so everything checkable in it must
 * come from them.
 *
 * - **Numbers.** Every number in the wording (amounts, percentages, day counts, dates, times, codes
 *   such as 1.001193) must occur in the passages or the extractive answer. Thousands separators are
 *   ignored ("50.000", "50,000" and "50000" are the same number), as are leading zeros ("01 bản" is
 *   "1 bản"); dates and times keep their "/" and ":" ("15/01/2025", "7:30"). A part of a longer code
 *   counts ("1.001193" is in "1.001193.000.00.00.H36"). Citation markers and list numbering are not
 *   numbers. What this cannot see: a number of the sources moved to another place ("lệ phí 15
 *   ngày"), or a number written out in words.
 * - **Citations.** At least one [n], and each n names one of the passages (1 … count).
 * - **Length.** Not empty, and at most twice the longer of the extractive answer and the passages
 *   together, plus a margin: a rephrasing does not triple the text.
 * - **Claims** (a lexical heuristic, not understanding): each sentence with at least
 *   `minClaimWords` content words (folded, neither numbers nor function words) must have at least
 *   `claimShare` of them in the passages. A rephrasing reuses the sources' words; a sentence about
 *   something else ("Bạn có thể được giảm thuế khi đăng ký trực tuyến") mostly does not.
 */
import { foldedWords } from '../text';

export type Passage = { title: string; url: string; text: string };

export type GroundingInput = { extractiveAnswer: string; sources: readonly Passage[] };

export type GroundingOptions = {
  /** Longest wording allowed, as a multiple of the longer of the extractive answer and the passages. @default 2 */
  maxLengthRatio?: number;
  /** Characters allowed on top of that. @default 200 */
  lengthMargin?: number;
  /** Share of a sentence's content words that must be in the passages. @default 0.5 */
  claimShare?: number;
  /** Sentences with fewer content words are not checked for claims. @default 4 */
  minClaimWords?: number;
};

export type GroundingResult = { ok: true } | { ok: false; reason: string };

/** Citation markers: [1], [2]… */
const citation = /\[(\d+)\]/g;
/** A number with its inner separators: 50.000, 50,000, 2,5, 1.001193, 15/01/2025, 7:30. */
const number = /\d+(?:[.,:/]\d+)*/g;
/** Numbering of a list item at the start of a line ("1. ", "2) "). */
const listNumber = /^(\s*)\d+[.)](?=\s)/gm;

/** One number in a comparable form: "." and "," dropped, leading zeros of each "/" or ":" part dropped. */
export const normalizeNumber = (token: string): string =>
  token
    .replace(/[.,]/g, '')
    .split(/([:/])/)
    .map((part) => (/^\d+$/.test(part) ? part.replace(/^0+(?=\d)/, '') : part))
    .join('');

/** The numbers of a text as written, citations and list numbering left out. */
export const numbersIn = (text: string): string[] => text.replace(citation, ' ').replace(listNumber, '$1').match(number) ?? [];

/** Every form a number of the sources may take in the wording: the whole, and each run of its groups. */
function sourceNumbers(texts: readonly string[]): Set<string> {
  const known = new Set<string>();
  for (const text of texts) {
    for (const token of numbersIn(text)) {
      known.add(normalizeNumber(token));
      const groups = token.split(/[.,:/]/);
      for (let i = 0; i < groups.length; i++) {
        for (let j = i + 1; j <= groups.length; j++) known.add(normalizeNumber(groups.slice(i, j).join('')));
      }
    }
  }
  return known;
}

/** Words that carry no claim (folded), Vietnamese and English. */
const functionWords = new Set(
  (
    'va la cua cho cac nhung duoc co khong thi voi tai trong theo ban can se de nay do mot khi neu hoac ve tu den o phai hay cung da dang nhu vao ra bi boi nen vi ma rang chi moi tren duoi sau truoc nhe a oi ah vay nao gi ai dau bao nhieu nguon xem them ' +
    'the a an and or of to in is are be been for with on at by you your it its this that these those from as can will must not no if please may also into than then there here which who what when where how per see source sources'
  ).split(' '),
);

/** Sentences of a text: split after . ! ? followed by a space, and at line breaks. */
const sentencesOf = (text: string): string[] =>
  text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);

const contentWords = (text: string): string[] => foldedWords(text.replace(citation, ' ')).filter((w) => !/\d/.test(w) && !functionWords.has(w));

/** Whether a wording may replace the extractive answer; if not, why. */
export function checkGrounding(output: string, input: GroundingInput, options: GroundingOptions = {}): GroundingResult {
  const { maxLengthRatio = 2, lengthMargin = 200, claimShare = 0.5, minClaimWords = 4 } = options;
  const text = output.trim();
  if (!text) return { ok: false, reason: 'empty' };

  const texts = [input.extractiveAnswer, ...input.sources.flatMap((s) => [s.title, s.url, s.text])];
  const sourceLength = Math.max(input.extractiveAnswer.length, input.sources.reduce((n, s) => n + s.text.length, 0));
  const limit = maxLengthRatio * sourceLength + lengthMargin;
  if (text.length > limit) return { ok: false, reason: `too long: ${text.length} characters, at most ${Math.round(limit)}` };

  const cited = [...text.matchAll(citation)].map((m) => Number(m[1]));
  if (cited.length === 0) return { ok: false, reason: 'no citation' };
  const unknown = cited.filter((n) => n < 1 || n > input.sources.length);
  if (unknown.length > 0) return { ok: false, reason: `citation of no source: [${unknown.join('], [')}] (${input.sources.length} sources)` };

  const known = sourceNumbers(texts);
  const invented = numbersIn(text).filter((n) => !known.has(normalizeNumber(n)));
  if (invented.length > 0) return { ok: false, reason: `number not in the sources: ${[...new Set(invented)].join(', ')}` };

  const vocabulary = new Set(texts.flatMap((t) => foldedWords(t)));
  for (const sentence of sentencesOf(text)) {
    const words = contentWords(sentence);
    if (words.length < minClaimWords) continue;
    const found = words.filter((w) => vocabulary.has(w)).length;
    if (found / words.length < claimShare) return { ok: false, reason: `claim not in the sources: "${sentence.slice(0, 120)}"` };
  }
  return { ok: true };
}
