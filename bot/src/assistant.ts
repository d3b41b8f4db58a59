/**
 * The assistant's decision: answer, clarify, hand off or refuse, from the rules
 * (bot/data/intents.json), retrieval over the FAQ bank and the procedures, and a calibrated
 * confidence (bot/data/calibration.json). Stateless: the conversation's context comes in and the
 * context for the next turn goes out; the HTTP layer stores both.
 */
import { focus, type Locale } from '@portal/search';
import { Composer, faqSource, procedureSource, readMessages, type Messages, type Source } from './compose';
import { confidence, readCalibration, type Calibration, type Features } from './confidence';
import { Ranker, type Candidate } from './rank';
import type { Faq, Procedure } from './content/types';
import { IntentRules, type Analysis, type Aspect } from './intents';
import { described, type Knowledge } from './knowledge';
import { AnsweringSwitch, Trace, type StepRecord } from './pipeline';
import { maskPersonalData } from './privacy';
import { Glossary, defaultColloquialFile, defaultGlossaryFile } from './glossary';
import { foldedWords, hasDiacritics, normalize, vietnameseSyllable } from './text';
import type { Passage } from './wording/grounding';
import type { Wording } from './wording/types';

export type Kind = 'answer' | 'clarify' | 'handoff' | 'refuse';

/** What a conversation carries from one turn to the next. */
export type TurnContext = {
  /** National code of the procedure the last answer was about. */
  topic?: string;
  /** What the last question asked about it (fee, time…). */
  aspects?: Aspect[];
};

export type AskInput = { question: string; locale?: Locale; context?: TurnContext };

export type Reply = {
  kind: Kind;
  answer: string;
  sources: Source[];
  /** Calibrated probability that the answer's first source is the right one (for refusals and handoffs: of the rule). */
  confidence: number;
  /** Language of the reply. */
  locale: Locale;
  /** Why: `faq`, `procedure`, `follow-up`, `clarify`, `handoff:requested`, `handoff:low-confidence`, `refuse:<category>`, `small-talk:<kind>`. */
  reason: string;
  /** What the next turn inherits. */
  context: TurnContext;
  /** The ranked candidates considered (keys, for the evaluation and logs). */
  candidates: { type: string; key: string; score: number; coverage: number }[];
  /** The confidence model's inputs, when retrieval decided (for calibration). */
  features?: Features;
  /** The steps that ran, each with its status and reason (stored with the turn). */
  steps: StepRecord[];
};

/** A reply while it is being decided: the steps are added when it is done. */
type Draft = Omit<Reply, 'steps'>;

export type AssistantOptions = {
  rules?: IntentRules;
  messages?: Messages;
  calibration?: Calibration;
  /** Slug of the agency whose hotline, e-mail and hours a handoff gives. @default trung-tam-phuc-vu-hanh-chinh-cong */
  handoffAgency?: string;
  /** English–Vietnamese glossary file for English questions answered from Vietnamese content. */
  glossaryFile?: string;
  /** Optional LLM wording of answers (src/wording/llm.ts, `createWording`); without it the extractive text is the answer. */
  wording?: Wording;
  /** Whether the assistant answers by itself (off: every question goes to staff). @default on */
  answering?: AnsweringSwitch;
};

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Sources as a Markdown list of links. */
const linkList = (sources: Source[]): string => sources.map((s) => `- [${s.title}](${s.url})`).join('\n');

/** Whether one of the texts (a procedure's name; a FAQ's questions and tags) holds one of the folded phrases. */
const mentions = (texts: string[], phrases: string[]): boolean =>
  texts.some((text) => {
    const folded = ` ${foldedWords(text).join(' ')} `;
    return phrases.some((phrase) => folded.includes(` ${phrase} `));
  });

/** Share of the question's subject (IDF-weighted) a procedure listed with a handoff must be about. */
const likelyAbout = 0.5;

export class Assistant {
  readonly rules: IntentRules;
  readonly calibration: Calibration;
  readonly composer: Composer;
  private readonly glossary: Glossary;
  private readonly colloquial: Glossary;
  private readonly ranker: Ranker;
  private readonly handoffAgency: string;
  private readonly wording: Wording | undefined;
  readonly answering: AnsweringSwitch;

  constructor(
    readonly knowledge: Knowledge,
    options: AssistantOptions = {},
  ) {
    this.rules = options.rules ?? new IntentRules();
    this.calibration = options.calibration ?? readCalibration();
    this.composer = new Composer(options.messages ?? readMessages(), (l, slug) => knowledge.agency(l, slug));
    this.glossary = new Glossary(options.glossaryFile ?? defaultGlossaryFile);
    this.colloquial = new Glossary(defaultColloquialFile);
    this.ranker = new Ranker(knowledge, this.rules, this.calibration.ranking);
    this.handoffAgency = options.handoffAgency ?? 'trung-tam-phuc-vu-hanh-chinh-cong';
    this.wording = options.wording;
    this.answering = options.answering ?? new AnsweringSwitch();
  }

  /** The language a question is written in: diacritics mean Vietnamese; otherwise the words decide, then the hint. */
  language(question: string, hint: Locale | undefined): Locale {
    if (hasDiacritics(question)) return 'vi';
    const vi = this.knowledge.vocabulary('vi');
    const en = this.knowledge.vocabulary('en');
    let english = 0;
    let vietnamese = 0;
    for (const w of foldedWords(question)) {
      if (/\d/.test(w)) continue;
      const isVi = vietnameseSyllable(w) || vi.has(w);
      const isEn = en.has(w) || !vietnameseSyllable(w);
      if (isEn && !isVi) english += 1;
      else if (isVi && !isEn) vietnamese += 1;
    }
    if (english > vietnamese) return 'en';
    if (vietnamese > english) return 'vi';
    return hint ?? 'vi';
  }

  async ask(input: AskInput): Promise<Reply> {
    const trace = new Trace();
    const done = (reply: Draft): Reply => ({ ...reply, steps: trace.steps });
    if (!this.answering.on) {
      trace.stop('switch', 'answering-off');
      const lang = this.language(normalize(input.question), input.locale);
      const answer = this.composer.handoff(lang, 'handoffPaused', this.knowledge.agency(lang, this.handoffAgency));
      return done({ kind: 'handoff', answer, sources: [], confidence: 1, locale: lang, reason: 'handoff:answering-off', context: input.context ?? {}, candidates: [] });
    }
    trace.ok('switch', 'answering-on');
    const decided = await this.decide(input, trace);
    const reply = await this.compose(input, decided, trace);
    const failed = this.check(reply);
    if (failed) {
      trace.stop('check', failed);
      return done({ ...reply, ...this.lowConfidenceHandoff([], reply.locale), reason: 'handoff:check-failed', confidence: 0, context: {} });
    }
    trace.ok('check', 'passed');
    return done(reply);
  }

  /** An answer reworded by the optional model, from its own sources; the extractive text otherwise. */
  private async compose(input: AskInput, reply: Draft, trace: Trace): Promise<Draft> {
    // Only an answer may be reworded; undefined (off, timeout, failed check) keeps the extractive text.
    if (reply.kind !== 'answer' || !this.wording) {
      trace.ok('compose', reply.kind === 'answer' ? 'extractive' : reply.kind);
      return reply;
    }
    // The model may run elsewhere: it gets the question with personal data masked (it needs only the subject).
    const question = maskPersonalData(normalize(input.question));
    const worded = await this.wording.rephrase({ question, locale: reply.locale, extractiveAnswer: reply.answer, sources: this.passages(reply) });
    trace.ok('compose', worded === undefined ? 'extractive (wording unavailable or rejected)' : 'worded');
    return worded === undefined ? reply : { ...reply, answer: worded };
  }

  /**
   * The last look before a reply leaves: it has text, an answer has sources, and every source is
   * still in the content (a refresh may have removed one meanwhile). @returns why it fails, or undefined
   */
  private check(reply: Draft): string | undefined {
    if (!reply.answer.trim()) return 'empty-text';
    if (reply.kind === 'answer' && reply.sources.length === 0) return 'answer-without-source';
    const gone = reply.sources.find((s) =>
      s.type === 'faq' ? !this.knowledge.faq(reply.locale, s.key) && !this.knowledge.faq('vi', s.key) : !this.knowledge.procedure(reply.locale, s.key) && !this.knowledge.procedure('vi', s.key),
    );
    return gone ? `source-gone:${gone.type}:${gone.key}` : undefined;
  }

  /** A reply's sources with their text: a FAQ's answer, a procedure's fields for the aspects asked. */
  private passages(reply: Draft): Passage[] {
    const text = (s: Source, l: Locale): string | undefined => {
      if (s.type === 'faq') return this.knowledge.faq(l, s.key)?.answer;
      const p = this.knowledge.procedure(l, s.key);
      return p && this.composer.procedureAnswer(p, reply.context.aspects ?? []);
    };
    return reply.sources.map((s) => ({ title: s.title, url: s.url, text: text(s, reply.locale) ?? text(s, 'vi') ?? '' }));
  }

  private async decide(input: AskInput, trace: Trace): Promise<Draft> {
    const whole = normalize(input.question);
    const lang = this.language(whole, input.locale);
    trace.ok('normalise', lang);
    // Injections and requests for a person count wherever they are in a letter; the rest, requests
    // for someone's data or for something illegal included, is decided on the question it asks
    // (greetings, story and thanks left out): a story may name an address or a bribe without asking for one.
    const all = this.rules.analyse(whole);
    const question = focus(whole);
    trace.ok('focus', question === whole ? 'whole text' : `${question.length} of ${whole.length} characters`);
    const a = question === whole ? all : { ...this.rules.analyse(question), injection: all.injection, handoff: all.handoff };
    const base = { locale: lang, context: {}, candidates: [] as Reply['candidates'] };
    const agency = this.knowledge.agency(lang, this.handoffAgency);
    const stop = (step: 'rules' | 'decide', reply: Draft): Draft => {
      trace.stop(step, reply.reason);
      return reply;
    };

    if (a.words.length === 0) return stop('rules', { ...base, kind: 'clarify', answer: this.composer.text(lang, 'empty'), sources: [], confidence: 1, reason: 'small-talk:empty' });
    if (a.injection) return stop('rules', this.refuse(lang, 'injection', undefined, 0.95));
    if (a.illegal >= 2) return stop('rules', this.refuse(lang, 'illegal', undefined, Math.min(0.95, 0.6 + 0.1 * a.illegal)));
    if (a.privacy) return stop('rules', this.refuse(lang, 'privacy', undefined, 0.9));
    if (a.handoff >= 2) {
      return stop('rules', { ...base, kind: 'handoff', answer: this.composer.handoff(lang, 'handoffRequested', agency), sources: [], confidence: 0.95, reason: 'handoff:requested' });
    }
    if (a.smallTalk === 'about' && this.rules.aboutFaq) {
      const faq = this.knowledge.faq(lang, this.rules.aboutFaq) ?? this.knowledge.faq('vi', this.rules.aboutFaq);
      if (faq) return stop('rules', { ...base, ...this.faqAnswer(faq, lang), confidence: 0.9, reason: 'small-talk:about' });
    }
    if (a.smallTalk === 'greeting' || a.smallTalk === 'thanks') {
      return stop('rules', { ...base, kind: 'clarify', answer: this.composer.text(lang, a.smallTalk), sources: [], confidence: 0.9, reason: `small-talk:${a.smallTalk}`, context: input.context ?? {} });
    }

    // A short follow-up ("còn phí thì sao?") is about the procedure of the previous answer.
    const previous = input.context?.topic ? (this.knowledge.procedure(lang, input.context.topic) ?? this.knowledge.procedure('vi', input.context.topic)) : undefined;
    if (previous && a.followUpOnly) {
      trace.ok('rules', 'follow-up');
      const asked = a.aspects.length > 0 ? a.aspects : (input.context?.aspects ?? []);
      return this.followUp(previous, asked, question, lang, a, trace);
    }
    const asked = a.aspects.length === 0 && a.continuation && input.context?.aspects?.length ? input.context.aspects : a.aspects;
    // Nothing but fillers, generic and aspect words ("cho hỏi thủ tục này lệ phí bao nhiêu?") and no
    // earlier subject: ask which procedure.
    if (a.words.every((w, i) => a.aspectWords.has(i) || this.rules.isFiller(w) || this.rules.isGeneric(w))) {
      return stop('rules', { ...base, kind: 'clarify', answer: this.composer.text(lang, 'needSubject'), sources: [], confidence: 0.9, reason: 'small-talk:no-subject', context: input.context ?? {} });
    }
    trace.ok('rules', asked.length ? `asks: ${asked.join(', ')}` : 'a question');

    const candidates = await this.search(question, lang, asked, a);
    const best = candidates[0];
    trace.ok('retrieve', best ? `${candidates.length} candidates, best ${best.type} ${best.key} (${round(best.score)})` : 'nothing found');
    const features = this.features(candidates, a);
    const p = best ? confidence(features, this.calibration) : 0;
    const c = this.calibration;
    const listed = candidates.slice(0, 10).map((x) => ({ type: x.type, key: x.key, score: round(x.score), coverage: round(x.coverage) }));
    const decided = { candidates: listed, features };
    const decide = (reply: Draft): Draft => {
      if (reply.kind === 'answer') trace.ok('decide', reply.reason);
      else trace.stop('decide', reply.reason);
      return reply;
    };

    // The synonym list (search/data/synonyms.json) is public-administration vocabulary: a phrase of it
    // in the question is evidence the question is about administration.
    // Counted over the whole message: a letter's story names the administration its question is about.
    const domain = all.domain + this.ranker.synonymGroups(whole, best?.locale ?? lang);
    const cue = a.outOfScope ? a.outOfScope.score - domain : 0;
    if (a.outOfScope && cue >= c.refuseOutOfScopeAt && p < c.keepInScopeAt) {
      return decide({ ...this.refuse(lang, 'outOfScope', a.outOfScope.topic, round(Math.min(0.95, 0.5 + 0.1 * cue))), ...decided });
    }
    // A matter of a national agency (social insurance, tax, passports, courts…): a redirect to it,
    // unless one of the best procedures names the matter (the province has that procedure) or the
    // editors' FAQ about it answers with confidence.
    const national = a.national?.phrases;
    const provincial = national && candidates.slice(0, 3).some((x) => x.procedure && mentions([x.procedure.name], national));
    const bestFaq = best?.faq;
    const editorsAnswer =
      national &&
      bestFaq &&
      p >= c.answerAt &&
      (this.rules.isNationalFaq(bestFaq.tags) || mentions([bestFaq.question, ...(bestFaq.alternativeQuestions ?? []), ...(bestFaq.tags ?? [])], national));
    if (a.national && !provincial && !editorsAnswer) {
      return decide({ ...this.refuse(lang, 'national', a.national.topic, 0.9), ...decided });
    }
    if (domain === 0 && p < c.refuseUnrelatedBelow && (!best || best.idfCoverage < 0.5)) {
      return decide({ ...this.refuse(lang, 'outOfScope', a.outOfScope?.topic, round(1 - p)), ...decided });
    }
    if (!best || p < c.clarifyAt) {
      return decide({ ...base, ...this.lowConfidenceHandoff(candidates, lang), confidence: round(p), ...decided });
    }
    // Two subjects the question fits equally well (as close, covering as much, adding no more to
    // it): ask which one is meant rather than guess. A subject's tightest close candidate (a FAQ
    // asking just this) speaks for it.
    const rival = candidates.find((x) => x.topic !== best.topic);
    const tightest = (topic: string, from: number) =>
      Math.min(...candidates.filter((x) => x.topic === topic && x.score >= from - c.clarifyMargin).map((x) => x.extraWords));
    const tied =
      rival &&
      best.score - rival.score < c.clarifyMargin &&
      rival.idfCoverage >= best.idfCoverage &&
      rival.coverage >= best.coverage &&
      tightest(rival.topic, rival.score) <= 1.25 * tightest(best.topic, best.score);
    if (p >= c.answerAt && !tied) {
      // The editors' answer is preferred to one composed from the fields when it answers the same thing.
      const faq =
        best.procedure && asked.length > 0
          ? candidates.find((x) => x.faq && x.topic === best.topic && x.aspectMatch === 1 && x.score >= best.score - c.preferFaqWithin)
          : undefined;
      return decide({ ...this.answer(faq ?? best, asked, lang), confidence: round(p), ...decided });
    }
    const options = this.clarifyOptions(candidates, lang);
    if (options.length >= 2) {
      return decide({ ...base, kind: 'clarify', answer: `${this.composer.text(lang, 'clarify')}\n${linkList(options)}`, sources: options, confidence: round(p), reason: 'clarify', ...decided });
    }
    return decide({ ...base, ...this.lowConfidenceHandoff(candidates, lang), confidence: round(p), ...decided });
  }

  /**
   * A handoff when no answer is sure enough: staff will reply, and meanwhile the two or three
   * procedures most likely meant are listed (each once, only those about the question's subject).
   */
  private lowConfidenceHandoff(candidates: Candidate[], lang: Locale): Pick<Reply, 'kind' | 'answer' | 'sources' | 'reason'> {
    const answer = this.composer.handoff(lang, 'handoffLowConfidence', this.knowledge.agency(lang, this.handoffAgency));
    const likely = this.distinctSources(candidates.filter((x) => x.idfCoverage >= likelyAbout), lang);
    return { kind: 'handoff', answer: likely.length ? `${answer}\n\n${this.composer.text(lang, 'likely')}\n${linkList(likely)}` : answer, sources: likely, reason: 'handoff:low-confidence' };
  }

  private refuse(lang: Locale, category: string, topic: string | undefined, conf: number): Draft {
    const agency = this.knowledge.agency(lang, this.handoffAgency);
    return { kind: 'refuse', answer: this.composer.refusal(lang, category, topic, agency), sources: [], confidence: conf, locale: lang, reason: `refuse:${category}${topic ? `:${topic}` : ''}`, context: {}, candidates: [] };
  }

  /**
   * Ranked candidates in the question's language. An English question is matched in the forms the
   * English content uses; without a good English match it is also translated word by word
   * (bot/data/glossary.json) and searched in the Vietnamese content.
   */
  private async search(question: string, lang: Locale, asked: Aspect[], a: Analysis): Promise<Candidate[]> {
    if (lang === 'vi') {
      // Everyday words ("cưới", "đẻ") searched as the content names them; the rules keep the question as typed.
      const formal = this.colloquial.translate(question, () => true, () => false).text;
      return formal === foldedWords(question).join(' ') ? this.ranker.rank(question, 'vi', asked, a) : this.ranker.rank(formal, 'vi', asked, this.rules.analyse(formal));
    }
    const own = await this.ranker.rank(this.ranker.snapEnglish(question), 'en', asked, a);
    const p = own[0] ? confidence(this.features(own, a), this.calibration) : 0;
    if (p >= this.calibration.translateBelow) return own;
    const vi = this.knowledge.vocabulary('vi');
    const en = this.knowledge.vocabulary('en');
    const translated = this.glossary.translate(question, (w) => /\d/.test(w) || (vi.has(w) && !en.has(w)), (w) => this.rules.isFiller(w));
    if (!translated.text) return own;
    const other = await this.ranker.rank(translated.text, 'vi', asked, a, translated.coverage);
    const q = other[0] ? confidence(this.features(other, a), this.calibration) : 0;
    // The Vietnamese match wins when it is more confident, or confident enough and about clearly
    // more of the question (an English match on "business licence" alone is not about karaoke).
    const moreAbout = (other[0]?.idfCoverage ?? 0) > (own[0]?.idfCoverage ?? 0) + 0.1;
    return q > p || (moreAbout && q >= this.calibration.answerAt) ? other : own;
  }

  features(candidates: Candidate[], a: Analysis): Features {
    const best = candidates[0];
    const other = candidates.find((c) => c.topic !== best?.topic);
    // With no candidate about another subject, the best one is measured against a bare match (score ½).
    const margin = best ? Math.min(1, Math.max(0, best.score - (other?.score ?? 0.5))) : 0;
    return {
      score: best?.score ?? 0,
      coverage: best?.coverage ?? 0,
      idfCoverage: best?.idfCoverage ?? 0,
      margin,
      aspectMatch: best ? best.aspectMatch : 0,
      outOfScope: Math.max(0, (a.outOfScope?.score ?? 0) - a.domain),
      domain: Math.min(3, a.domain),
    };
  }

  private faqAnswer(faq: Faq, lang: Locale): Pick<Reply, 'kind' | 'answer' | 'sources' | 'context'> & { locale: Locale } {
    const own = faq.locale === lang ? faq : (this.knowledge.faq(lang, faq.slug) ?? faq);
    const note = own.locale !== lang ? `${this.composer.text(lang, 'onlyVietnamese')}\n\n` : '';
    const sources: Source[] = [faqSource(own)];
    const code = own.procedure?.nationalCode;
    const procedure = code ? (this.knowledge.procedure(lang, code) ?? this.knowledge.procedure(own.locale, code)) : undefined;
    if (procedure) sources.push(procedureSource(procedure));
    return { kind: 'answer', answer: `${note}${own.answer}`, sources, context: code ? { topic: code } : {}, locale: lang };
  }

  private procedureAnswer(procedure: Procedure, asked: Aspect[], lang: Locale): Pick<Reply, 'kind' | 'answer' | 'sources' | 'context'> & { locale: Locale } {
    const own = procedure.locale === lang ? procedure : (this.knowledge.procedure(lang, procedure.nationalCode) ?? procedure);
    const note = own.locale !== lang ? `${this.composer.text(lang, 'onlyVietnamese')}\n\n` : '';
    return {
      kind: 'answer',
      answer: `${note}${this.composer.procedureAnswer(own, asked)}`,
      sources: [procedureSource(own)],
      context: { topic: own.nationalCode, ...(asked.length ? { aspects: asked } : {}) },
      locale: lang,
    };
  }

  private answer(best: Candidate, asked: Aspect[], lang: Locale): Omit<Draft, 'confidence' | 'candidates'> {
    if (best.faq) {
      const r = this.faqAnswer(best.faq, lang);
      return { ...r, reason: 'faq', context: { ...r.context, ...(asked.length ? { aspects: asked } : {}) } };
    }
    return { ...this.procedureAnswer(best.procedure!, asked, lang), reason: 'procedure' };
  }

  /** A follow-up: the FAQ of that procedure that answers what is asked if the question finds one, else the procedure's own fields. */
  private async followUp(previous: Procedure, asked: Aspect[], question: string, lang: Locale, a: Analysis, trace: Trace): Promise<Draft> {
    const own = this.knowledge.procedure(lang, previous.nationalCode) ?? previous;
    const candidates = (await this.ranker.rank(`${question} ${own.name}`, own.locale, asked, a)).filter((c) => c.topic === own.nationalCode);
    trace.ok('retrieve', `${candidates.length} candidates of ${own.nationalCode}`);
    const p = candidates[0] ? confidence(this.features(candidates, a), this.calibration) : 0;
    const listed = candidates.slice(0, 10).map((x) => ({ type: x.type, key: x.key, score: round(x.score), coverage: round(x.coverage) }));
    const faq = candidates.find((c) => c.faq && c.aspectMatch > 0)?.faq;
    const useFaq = faq && (!described(own) || candidates[0]?.faq === faq);
    const reply = useFaq ? this.faqAnswer(faq, lang) : this.procedureAnswer(own, asked, lang);
    const prefix = useFaq ? `${this.composer.text(lang, 'followUpPrefix', { name: own.name })}\n\n` : '';
    trace.ok('decide', 'follow-up');
    return {
      ...reply,
      answer: `${prefix}${reply.answer}`,
      confidence: round(Math.max(p, 0.5)),
      reason: 'follow-up',
      context: { topic: own.nationalCode, ...(asked.length ? { aspects: asked } : {}) },
      candidates: listed,
    };
  }

  /** The best candidate of each of the first subjects close to the best one (at most 3); procedures name a subject best. */
  private clarifyOptions(candidates: Candidate[], lang: Locale): Source[] {
    const best = candidates[0];
    if (!best) return [];
    return this.distinctSources(candidates.filter((c) => c.score >= best.score - this.calibration.clarifyWithin && c.coverage >= 0.5), lang);
  }

  /** Up to three sources for the candidates' distinct subjects, best first: a subject's procedure, else its FAQ. */
  private distinctSources(close: Candidate[], lang: Locale): Source[] {
    const topics: string[] = [];
    for (const c of close) if (!topics.includes(c.topic)) topics.push(c.topic);
    return topics.slice(0, 3).map((topic) => {
      const inTopic = close.filter((c) => c.topic === topic);
      const procedure = inTopic.find((c) => c.procedure)?.procedure ?? (topic.startsWith('faq:') ? undefined : this.knowledge.procedure(lang, topic) ?? this.knowledge.procedure('vi', topic));
      if (procedure) return procedureSource(this.knowledge.procedure(lang, procedure.nationalCode) ?? procedure);
      const faq = inTopic[0]!.faq!;
      return faqSource(this.knowledge.faq(lang, faq.slug) ?? faq);
    });
  }
}
