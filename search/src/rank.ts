import fs from 'node:fs';
import path from 'node:path';
import type { Expansion } from './synonyms';
import { foldedWords, hasDiacritics, words } from './text';
import type { Locale, SearchDocument } from './types';

/** Folded word lists of a document, computed once when it is indexed. */
export type Prepared = {
  /** Every distinct folded word of the indexed text. */
  words: Set<string>;
  title: string[];
  titleOriginal: Set<string>;
  questions: string[][];
  keywords: string[][];
  body: Set<string>;
};

export function prepare(doc: SearchDocument): Prepared {
  const body = foldedWords(doc.body);
  const title = foldedWords(doc.title);
  const questions = doc.questions.map(foldedWords);
  const keywords = doc.keywords.map(foldedWords);
  return {
    words: new Set([...title, ...questions.flat(), ...keywords.flat(), ...body]),
    title,
    titleOriginal: new Set([...words(doc.title), ...doc.questions.flatMap(words)]),
    questions,
    keywords,
    body: new Set(body),
  };
}

/** Words that carry little meaning in a query ("làm", "thủ tục", "how"): they count less. */
export const stopwords: Record<Locale, Set<string>> = (() => {
  const file = path.resolve(__dirname, '../data/stopwords.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<Locale, string[]>;
  return { vi: new Set(data.vi), en: new Set(data.en) };
})();

/**
 * The weights of the second ranking stage, in one place. Tuned on the relevance set as a whole
 * (`npm run eval:search`), never for a single query.
 */
export const weights = {
  /** How well each place a query concept is found in counts. */
  place: { title: 1, questions: 0.85, keywords: 0.6, body: 0.35 },
  /** How a query word may match a document word. */
  match: { exact: 1, prefix: 0.85, typo: 0.7 },
  stopword: 0.25,
  bm25: 0.25,
  /** The whole query, in order, in the title or a question. */
  phrase: 0.25,
  /** Share of the words typed with diacritics found with the same diacritics. */
  diacritics: 0.12,
  /** Question-like queries prefer FAQs; short noun phrases prefer procedures. */
  questionPrefersFaq: 0.15,
  phrasePrefersProcedure: 0.3,
  complete: 0.04,
  /** Shorter titles win ties: a title of n words loses min(n, 15) × this (official names run long). */
  titleLength: 0.004,
  /** Candidates covering less than this share of the query (of its `floorConcepts` heaviest concepts, when it has more) are dropped. */
  minCoverage: 0.5,
  floorConcepts: 6,
};

/**
 * Words that show the user wants an answer about something (a fee, a delay, a place, the papers),
 * not the thing itself: question words and the aspects FAQs answer.
 */
const answerIntent: Record<Locale, RegExp> = {
  vi: /\?|\b(bao lau|bao nhieu|may ngay|o dau|nhu the nao|the nao|khong|ko|gi|nao|co phai|co can|co duoc|sao|le phi|phi|tien|giay to|ho so gom|thoi gian|thoi han|mat bao|truc tuyen|online|mau|to khai|dieu kien|uy quyen|bi mat|lam lai|huong dan|cach)\b/,
  en: /\?|\b(how|what|where|when|can|do|does|is|are|should|which|who|fee|fees|cost|documents|papers|online|long|days|time|where|lost)\b/,
};

/** One edit (substitution, insertion, deletion) apart. */
export function oneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  // After the first difference, the rest must be equal once one character is skipped: in both (substitution) or in the longer.
  const skipA = a.length >= b.length ? 1 : 0;
  const skipB = b.length >= a.length ? 1 : 0;
  for (let j = i; j + skipA < a.length; j++) if (a[j + skipA] !== b[j + skipB]) return false;
  return true;
}

function wordMatch(query: string, doc: string): number {
  if (query === doc) return weights.match.exact;
  if (query.length >= 2 && doc.startsWith(query)) return weights.match.prefix;
  if (query.length >= 3 && doc.length >= 3 && query[0] === doc[0] && oneEdit(query, doc)) return weights.match.typo;
  return 0;
}

/** Best match of a phrase (consecutive words) inside a word list: the mean word match, 0 if any word misses. */
function phraseMatch(phrase: string[], list: string[]): number {
  let best = 0;
  for (let i = 0; i + phrase.length <= list.length; i++) {
    let sum = 0;
    for (let j = 0; j < phrase.length; j++) {
      const m = wordMatch(phrase[j]!, list[i + j]!);
      if (m === 0) {
        sum = 0;
        break;
      }
      sum += m;
    }
    best = Math.max(best, sum / phrase.length);
    if (best === 1) break;
  }
  return best;
}

/** How well one concept (a word, or a synonym group's phrases) is found in a document. */
function conceptScore(phrases: string[][], p: Prepared): number {
  const { place } = weights;
  let best = 0;
  for (const phrase of phrases) {
    best = Math.max(best, phraseMatch(phrase, p.title) * place.title);
    if (best >= place.title) return best; // nothing scores higher than a whole match in the title
    if (best < place.questions) for (const q of p.questions) best = Math.max(best, phraseMatch(phrase, q) * place.questions);
    if (best < place.keywords) for (const k of p.keywords) best = Math.max(best, phraseMatch(phrase, k) * place.keywords);
    if (best < place.body && phrase.every((w) => p.body.has(w))) best = place.body;
  }
  return best;
}

/** Candidates the first stage hands to the second. */
export const poolSize = 300;

export type Scored = { doc: SearchDocument; score: number; coverage: number };

/**
 * Second ranking stage over the engine's candidates: how much of the query each candidate covers
 * and where, with the engine's BM25 score as one signal among others.
 */
export function rerank(
  candidates: { doc: SearchDocument; prepared: Prepared; score: number }[],
  query: string,
  expansion: Expansion,
  locale: Locale,
): Scored[] {
  const concepts: { phrases: string[][]; weight: number }[] = [
    ...expansion.groups.map((phrases) => ({ phrases, weight: 1 })),
    ...expansion.words
      .map((word, i) => ({ word, i }))
      .filter(({ i }) => !expansion.covered.has(i))
      .map(({ word }) => ({ phrases: [[word]], weight: stopwords[locale].has(word) ? weights.stopword : 1 })),
  ];
  const totalWeight = concepts.reduce((s, c) => s + c.weight, 0) || 1;
  // A long question names more than its subject: a candidate must cover half of what its heaviest
  // few concepts weigh, not half of every word of the letter.
  const floorWeight = weights.minCoverage * concepts.map((c) => c.weight).sort((a, b) => b - a).slice(0, weights.floorConcepts).reduce((s, w) => s + w, 0);
  const folded = expansion.words;
  const typedWithMarks = words(query).filter(hasDiacritics);
  const isQuestion = answerIntent[locale].test(folded.join(' ')) || query.includes('?');
  const maxScore = Math.max(...candidates.map((c) => c.score), 1e-9);

  /** The share of the query a candidate covers; NaN as soon as it cannot reach the floor, which drops it. */
  function coverageOf(prepared: Prepared): number {
    let covered = 0;
    let left = totalWeight;
    for (const c of concepts) {
      covered += c.weight * conceptScore(c.phrases, prepared);
      left -= c.weight;
      if (covered + left < floorWeight - 1e-9) return Number.NaN;
    }
    return covered / totalWeight;
  }

  return candidates
    .flatMap(({ doc, prepared, score }) => {
      const coverage = coverageOf(prepared);
      if (Number.isNaN(coverage)) return [];
      const phrase = folded.length > 1 && (phraseMatch(folded, prepared.title) === 1 || prepared.questions.some((q) => phraseMatch(folded, q) === 1));
      const marks = typedWithMarks.length ? typedWithMarks.filter((w) => prepared.titleOriginal.has(w)).length / typedWithMarks.length : 0;
      const prior =
        doc.type === 'faq' && isQuestion ? weights.questionPrefersFaq : doc.type === 'procedure' && !isQuestion ? weights.phrasePrefersProcedure : 0;
      const total =
        coverage +
        weights.bm25 * (score / maxScore) +
        (phrase ? weights.phrase : 0) +
        weights.diacritics * marks +
        prior +
        (doc.complete ? weights.complete : 0) -
        weights.titleLength * Math.min(prepared.title.length, 15);
      return [{ doc, score: total, coverage }];
    })
    .sort((a, b) => b.score - a.score);
}
