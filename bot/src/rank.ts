/**
 * The assistant's own ranking over the retrieved candidates. Retrieval ranks documents for a search
 * box; a reply needs the document that answers this question, so three signals are added to the
 * retrieval score:
 * - informative coverage: the share of the question's subject words, weighted by how rare they are
 *   in the content (IDF), that the candidate is about — "karaoke" counts more than "giấy phép";
 * - extra subject: the share of the candidate's title words the question does not mention — a
 *   question about marriage is not about marriage *with a foreigner*;
 * - aspect fit: the aspects asked (fee, time…) count in the informative coverage as subject words
 *   do, answered by a FAQ whose tags name them, by a fully described procedure always, by a catalogue
 *   entry for where and whether online; a FAQ answering only other aspects loses a little more.
 * Synonyms (search/data/synonyms.json) count as the same words.
 */
import { Synonyms, type Locale } from '@portal/search';
import type { Faq, Procedure } from './content/types';
import type { Analysis, Aspect, IntentRules } from './intents';
import { described, type Knowledge } from './knowledge';
import { foldedWords } from './text';

export type RankingWeights = {
  /** Weight of (informative coverage − 1): a candidate missing the question's rarest words loses up to this. */
  idfCoverage: number;
  /** Weight of the share of title words the question does not mention. */
  extraTitleWords: number;
  /** Loss of a FAQ that answers other aspects only, or answers an aspect when the message only names a procedure. */
  aspectPenalty: number;
  /**
   * Loss of a procedure found by searching the question's subject alone: such a bare noun phrase
   * gets the search's boost for procedures (0.3 when this was set), which the question as asked did not earn.
   */
  subjectProcedurePenalty: number;
};

export type Candidate = {
  type: 'faq' | 'procedure';
  key: string;
  locale: Locale;
  /** Ranking score: retrieval score plus the adjustments above. */
  score: number;
  /** Share of the question the retrieval found in the candidate (0–1). */
  coverage: number;
  /** Share of the question's subject (IDF-weighted) and of the aspects asked that the candidate is about or answers (0–1). */
  idfCoverage: number;
  /** The procedure a candidate is about (national code), or `faq:<slug>` for general entries. */
  topic: string;
  /** Number of the title's words the question does not mention. */
  extraWords: number;
  /** Share of the asked aspects the candidate answers (0–1), −1 when it answers only others, 0 when none was asked. */
  aspectMatch: number;
  faq?: Faq;
  procedure?: Procedure;
};

/** One edit (substitution, insertion, deletion) apart, for words of 4+ letters. */
function nearlyEqual(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 4 || b.length < 4 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

type Concept = { phrases: string[][]; weight: number };

export class Ranker {
  private readonly synonyms: Synonyms;

  constructor(
    private readonly knowledge: Knowledge,
    private readonly rules: IntentRules,
    private readonly weights: RankingWeights,
    synonyms?: Synonyms,
  ) {
    this.synonyms = synonyms ?? Synonyms.fromFile();
  }

  /** How many synonym groups (administrative terms and their abbreviations) the text names. */
  synonymGroups(text: string, locale: Locale): number {
    return this.synonyms.expand(text, locale).groups.length;
  }

  /** The aspects a candidate's answer covers: a FAQ those its tags name; a described procedure all; a catalogue entry where to apply and whether online. */
  private answers(candidate: { faq?: Faq; procedure?: Procedure }): Aspect[] | 'all' {
    // Tags are localized; the Vietnamese ones are those bot/data/intents.json maps to aspects.
    if (candidate.faq) return this.rules.aspectsOfTags(this.knowledge.faq('vi', candidate.faq.slug)?.tags ?? candidate.faq.tags);
    return candidate.procedure && described(candidate.procedure) ? 'all' : ['where', 'online'];
  }

  /** A word no document has, corrected to the most frequent word one edit away (same first letter), if any. */
  private correct(word: string, locale: Locale): string | undefined {
    let best: string | undefined;
    let bestDf = 0;
    for (const [w, n] of this.knowledge.documentFrequencies(locale)) {
      if (w[0] === word[0] && n > bestDf && nearlyEqual(w, word)) {
        best = w;
        bestDf = n;
      }
    }
    return best;
  }

  /**
   * The question's subject: synonym groups and single words that are neither fillers nor aspect
   * words, weighted by IDF. A word no document has is corrected if one edit away from a known word;
   * otherwise it stays, with half the weight of the rarest word, and no candidate has it: a question
   * about things the content never mentions ("con mèo") is covered by nothing.
   */
  private concepts(text: string, locale: Locale, aspectWords: Set<number>): { concepts: Concept[]; words: Set<string> } {
    const expansion = this.synonyms.expand(text, locale);
    const idf = (w: string) => this.knowledge.idf(locale, w);
    const unknownWeight = 0.5 * this.knowledge.maxIdf(locale);
    const concepts: Concept[] = [];
    const at = (phrase: string[]) => expansion.words.findIndex((_, i) => phrase.every((w, j) => expansion.words[i + j] === w));
    for (const group of expansion.groups) {
      // A group standing for an aspect ("lệ phí", "bao nhiêu tiền") is an aspect, not the subject.
      const spans = group.map((phrase) => ({ start: at(phrase), length: phrase.length })).filter((x) => x.start >= 0);
      if (spans.some(({ start, length }) => Array.from({ length }, (_, j) => start + j).some((i) => aspectWords.has(i)))) continue;
      const weights = group.flatMap((phrase) => phrase.map(idf)).filter((x): x is number => x !== undefined);
      if (weights.length) concepts.push({ phrases: group, weight: Math.max(...weights) });
    }
    const words = new Set([...expansion.words, ...expansion.groups.flat(2)]);
    expansion.words.forEach((w, i) => {
      if (expansion.covered.has(i) || aspectWords.has(i) || this.rules.isFiller(w) || /^\d+$/.test(w)) return;
      const weight = idf(w);
      if (weight !== undefined) return void concepts.push({ phrases: [[w]], weight });
      const corrected = w.length >= 4 ? this.correct(w, locale) : undefined;
      if (corrected) {
        words.add(corrected);
        concepts.push({ phrases: [[corrected]], weight: idf(corrected)! });
      } else if (w.length >= 3) concepts.push({ phrases: [], weight: unknownWeight });
    });
    return { concepts, words };
  }

  /**
   * Ranks retrieved candidates for a question. `textCoverage` (0–1) scales down what a translated
   * question covers when part of it could not be translated.
   */
  async rank(text: string, locale: Locale, asked: Aspect[], analysis: Pick<Analysis, 'aspectWords' | 'question'>, textCoverage = 1): Promise<Candidate[]> {
    const aspectWords = textCoverage === 1 ? analysis.aspectWords : new Set<number>();
    const hits = await this.knowledge.retrieve(text, locale, 20);
    const merge = (extra: typeof hits, keep: (h: (typeof hits)[number]) => boolean, adjust = 0) => {
      const byId = new Map(hits.map((h) => [h.id, h]));
      for (const h of extra) {
        if (!keep(h) || !h.signals.lexical) continue;
        const own = { ...h, signals: { ...h.signals, lexical: { ...h.signals.lexical, score: h.signals.lexical.score + adjust } } };
        const known = byId.get(h.id)?.signals.lexical;
        if (!known || known.score < own.signals.lexical.score) byId.set(h.id, own);
      }
      hits.splice(0, hits.length, ...byId.values());
    };
    // A long, chatty question ("Chào anh chị, em ở Bảo Lộc, định mở tiệm tạp hóa…") may cover too
    // little of any document to be found: then its subject words alone are searched too.
    const typed = foldedWords(text);
    const bestCoverage = Math.max(0, ...hits.map((h) => h.signals.lexical?.coverage ?? 0));
    if (typed.length >= 8 && bestCoverage < 0.6) {
      const condensed = typed.filter((w) => !this.rules.isFiller(w)).join(' ');
      if (condensed && condensed.split(' ').length < typed.length) merge(await this.knowledge.retrieve(condensed, locale, 20), () => true);
    }
    if (asked.length > 0) {
      // A procedure answers the aspects asked from its fields, whatever words name them: it is
      // retrieved for the question's subject alone ("đăng ký kết hôn" for "đăng ký kết hôn mất bao
      // lâu"), without the search's preference for procedures on bare noun phrases.
      const subjectWords = foldedWords(text).filter((w, i) => !aspectWords.has(i) && !this.rules.isFiller(w));
      const subject = subjectWords.join(' ');
      // Only a subject that names something: "hồ sơ" alone names no procedure.
      if (subjectWords.some((w) => !this.rules.isGeneric(w))) merge(await this.knowledge.retrieve(subject, locale, 10), (h) => h.type === 'procedure', -this.weights.subjectProcedurePenalty);
    }
    const { concepts, words } = this.concepts(text, locale, aspectWords);
    const subject = concepts.reduce((s, c) => s + c.weight, 0);
    // Each aspect asked weighs as much as an average subject concept.
    const aspectWeight = concepts.length ? subject / concepts.length : 1;
    const total = subject + asked.length * aspectWeight;
    const queryWords = [...words];
    const out: Candidate[] = [];
    for (const h of hits) {
      const lexical = h.signals.lexical;
      const about = this.knowledge.about(h.locale, `${h.type}:${h.key}`);
      if (!about) continue;
      const faq = h.type === 'faq' ? this.knowledge.faq(h.locale, h.key) : undefined;
      const procedure = h.type === 'procedure' ? this.knowledge.procedure(h.locale, h.key) : undefined;
      const answers = this.answers({ faq, procedure });
      const answered = asked.filter((a) => answers === 'all' || answers.includes(a)).length;
      const aspectMatch = asked.length === 0 ? 0 : answered > 0 ? answered / asked.length : answers !== 'all' && answers.length > 0 ? -1 : 0;

      const present = (c: Concept) => c.phrases.some((phrase) => phrase.every((w) => about.words.has(w)));
      const found = concepts.reduce((s, c) => s + (present(c) ? c.weight : 0), 0) + answered * aspectWeight;
      const idfCoverage = total > 0 ? (found / total) * textCoverage : textCoverage;

      const titleWords = about.title.filter((w) => !this.rules.isFiller(w) && !this.rules.isGeneric(w));
      const extraWords = titleWords.filter((t) => !queryWords.some((q) => nearlyEqual(q, t) || (q.length >= 3 && t.startsWith(q)))).length;
      const extra = titleWords.length ? extraWords / titleWords.length : 0;
      const coverage = (lexical?.coverage ?? 0) * textCoverage;
      const retrieval = (lexical?.score ?? h.rrf) - (lexical?.coverage ?? 0) * (1 - textCoverage);
      const narrower = !analysis.question && asked.length === 0 && answers !== 'all' && answers.length > 0 && faq !== undefined;
      const penalty = aspectMatch < 0 || narrower ? this.weights.aspectPenalty : 0;
      const score = retrieval + this.weights.idfCoverage * (idfCoverage - 1) - this.weights.extraTitleWords * extra - penalty;
      const topic = faq ? (faq.procedure?.nationalCode ?? `faq:${faq.slug}`) : procedure!.nationalCode;
      out.push({ type: h.type as 'faq' | 'procedure', key: h.key, locale: h.locale, score, coverage, idfCoverage, extraWords, topic, aspectMatch, faq, procedure });
    }
    return out.sort((a, b) => b.score - a.score);
  }

  /**
   * An English question's words in the forms the English content uses: a word no document has
   * ("certify") becomes the most frequent content word sharing most of its beginning
   * ("certification"), so inflected forms find each other.
   */
  snapEnglish(text: string): string {
    const df = this.knowledge.documentFrequencies('en');
    return foldedWords(text)
      .map((w) => {
        if (df.has(w) || w.length < 5 || /\d/.test(w)) return w;
        const need = Math.max(5, Math.ceil(0.75 * w.length));
        let best = w;
        let bestPrefix = 0;
        let bestDf = 0;
        for (const [v, n] of df) {
          if (v[0] !== w[0]) continue;
          let p = 0;
          while (p < v.length && p < w.length && v[p] === w[p]) p++;
          if (p >= need && (p > bestPrefix || (p === bestPrefix && n > bestDf))) {
            best = v;
            bestPrefix = p;
            bestDf = n;
          }
        }
        return best;
      })
      .join(' ');
  }
}
