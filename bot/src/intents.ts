/**
 * The data-driven rules the assistant applies beside retrieval (bot/data/intents.json): requests
 * for a person, refusals (rule changes, unlawful requests, other people's data, topics out of
 * scope), what about a procedure a question asks, follow-ups and small talk. Every list holds
 * phrases in Vietnamese and English; all are matched on folded words, so diacritics are optional.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Phrases, foldedWords, fold, wordsOf, type Words } from './text';

export const aspects = ['fee', 'time', 'documents', 'where', 'online', 'steps', 'requirements', 'result'] as const;
export type Aspect = (typeof aspects)[number];

type Bilingual = { vi?: string[]; en?: string[] };
type Graded = { strong?: Bilingual; weak?: Bilingual; unless?: Bilingual };
export type IntentData = {
  handoff: Graded;
  refusals: {
    injection: { phrases: Bilingual; patterns: string[]; rolePatterns?: string[] };
    illegal: Graded;
    privacy: { data: Bilingual; thirdParty: Bilingual; reveal: Bilingual; unless?: Bilingual };
    outOfScope: { topics: Record<string, Graded>; domain: Bilingual };
    /** Matters national agencies handle (social insurance, tax, passports, courts…): a redirect to the agency, not an answer. */
    national: Record<string, Bilingual>;
    /** FAQ tags by which editors mark an answer about a national matter (where to go for it). */
    nationalTags?: string[];
  };
  aspects: Record<Aspect, Bilingual & { tags?: string[] }>;
  followUp: Bilingual;
  genericWords?: Bilingual;
  questionWords: Bilingual;
  smallTalk: { politeness?: Bilingual; greeting: Bilingual; thanks: Bilingual; about: Bilingual & { faq?: string } };
};

export const defaultIntentsFile = path.resolve(import.meta.dirname, '../data/intents.json');

export function readIntents(file = defaultIntentsFile): IntentData {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as IntentData;
}

/** What the rules found in one question. */
export type Analysis = {
  /** Folded words of the question. */
  words: string[];
  /** Strength of a request for a person (≥ 2: hand off). */
  handoff: number;
  injection: boolean;
  /** Strength of a request to break the law (≥ 2: refuse), 0 when the question is about reporting it. */
  illegal: number;
  privacy: boolean;
  /** The out-of-scope topic with the highest score, if any cue was found. */
  outOfScope: { topic: string; score: number } | undefined;
  /** A matter of a national agency the text names, and the folded phrases that name it. */
  national: { topic: string; phrases: string[] } | undefined;
  /** Number of public-administration words: evidence against an out-of-scope reading. */
  domain: number;
  /** What about a procedure the question asks, in the order mentioned. */
  aspects: Aspect[];
  /** Positions (in `words`) of the words that name those aspects. */
  aspectWords: Set<number>;
  /** Nothing left once follow-up words, fillers and aspect words are removed ("còn phí thì sao?"). */
  followUpOnly: boolean;
  /** Explicit continuation words ("còn … thì sao", "what about"). */
  continuation: boolean;
  /** A question (question mark or question words), not just the name of something. */
  question: boolean;
  smallTalk: 'greeting' | 'thanks' | 'about' | undefined;
};

const both = (b: Bilingual | undefined): string[] => [...(b?.vi ?? []), ...(b?.en ?? [])];

const strict = { strictMarks: true };
const strictOf = (...lists: string[][]) => new Phrases([{ phrases: lists.flat() }], strict);

class GradedRule {
  private readonly cues: Phrases;
  private readonly unless: Phrases;
  constructor(graded: Graded) {
    this.cues = new Phrases(
      [
        { phrases: both(graded.strong), weight: 2 },
        { phrases: both(graded.weak), weight: 1 },
      ],
      strict,
    );
    this.unless = Phrases.of(both(graded.unless));
  }
  score(words: Words): number {
    const score = this.cues.score(words);
    return score > 0 && this.unless.has(words) ? 0 : score;
  }
}

const continuationPhrases = Phrases.of(['còn', 'thì sao', 'thế còn', 'vậy còn', 'what about', 'how about', 'and for']);

export class IntentRules {
  readonly aboutFaq: string | undefined;
  private readonly handoff: GradedRule;
  private readonly injection: Phrases;
  private readonly injectionPatterns: RegExp[];
  private readonly rolePatterns: RegExp[];
  private readonly politeness: Phrases;
  private readonly illegal: GradedRule;
  private readonly privacy: { data: Phrases; thirdParty: Phrases; reveal: Phrases; unless: Phrases };
  private readonly topics: [string, GradedRule][];
  private readonly national: [string, Phrases][];
  private readonly nationalTags: Set<string>;
  private readonly domain: Phrases;
  private readonly aspectPhrases: [Aspect, Phrases][];
  private readonly aspectTags: Map<string, Aspect[]>;
  private readonly fillers: Set<string>;
  private readonly generic: Set<string>;
  private readonly questionWords: Phrases;
  private readonly smallTalk: [Exclude<Analysis['smallTalk'], undefined>, Phrases][];

  constructor(data: IntentData = readIntents()) {
    this.handoff = new GradedRule(data.handoff);
    this.injection = strictOf(both(data.refusals.injection.phrases));
    this.injectionPatterns = data.refusals.injection.patterns.map((p) => new RegExp(p));
    this.rolePatterns = (data.refusals.injection.rolePatterns ?? []).map((p) => new RegExp(p));
    this.politeness = Phrases.of(both(data.smallTalk.politeness));
    this.illegal = new GradedRule(data.refusals.illegal);
    const p = data.refusals.privacy;
    this.privacy = { data: strictOf(both(p.data)), thirdParty: strictOf(both(p.thirdParty)), reveal: strictOf(both(p.reveal)), unless: Phrases.of(both(p.unless)) };
    this.topics = Object.entries(data.refusals.outOfScope.topics).map(([topic, graded]) => [topic, new GradedRule(graded)]);
    this.domain = strictOf(both(data.refusals.outOfScope.domain));
    this.national = Object.entries(data.refusals.national).map(([topic, phrases]) => [topic, strictOf(both(phrases))]);
    this.nationalTags = new Set((data.refusals.nationalTags ?? []).map(fold));
    this.aspectPhrases = aspects.map((a) => [a, Phrases.of(both(data.aspects[a]))]);
    this.aspectTags = new Map();
    for (const a of aspects) {
      for (const tag of data.aspects[a].tags ?? []) {
        const key = fold(tag);
        this.aspectTags.set(key, [...(this.aspectTags.get(key) ?? []), a]);
      }
    }
    this.fillers = new Set(both(data.followUp).flatMap(foldedWords));
    this.generic = new Set(both(data.genericWords).flatMap(foldedWords));
    this.questionWords = Phrases.of(both(data.questionWords));
    this.smallTalk = [
      ['about', Phrases.of(both(data.smallTalk.about))],
      ['greeting', Phrases.of(both(data.smallTalk.greeting))],
      ['thanks', Phrases.of(both(data.smallTalk.thanks))],
    ];
    this.aboutFaq = data.smallTalk.about.faq;
  }

  /** The aspects an FAQ answers, from its tags. */
  aspectsOfTags(tags: readonly string[] | null | undefined): Aspect[] {
    return [...new Set((tags ?? []).flatMap((t) => this.aspectTags.get(fold(t)) ?? []))];
  }

  /** Whether the editors marked a FAQ, by its tags, as about a national matter (where to go for it). */
  isNationalFaq(tags: readonly string[] | null | undefined): boolean {
    return (tags ?? []).some((t) => this.nationalTags.has(fold(t)));
  }

  /** Whether a folded word names no particular procedure ("thủ tục", "hồ sơ"). */
  isGeneric(word: string): boolean {
    return this.generic.has(word);
  }

  /** Whether a folded word only fills a question ("thì", "cho", "the", "my"…). */
  isFiller(word: string): boolean {
    return this.fillers.has(word);
  }

  analyse(text: string): Analysis {
    const typed = wordsOf(text);
    const words = typed.folded;
    const folded = words.join(' ');

    const aspectMatches = this.aspectPhrases.flatMap(([aspect, phrases]) => phrases.find(typed).map((m) => ({ aspect, ...m })));
    // Longest match wins where two aspects claim the same words ("bao nhiêu ngày" is time, not fee).
    aspectMatches.sort((a, b) => b.end - b.start - (a.end - a.start));
    const covered = new Set<number>();
    const found: { aspect: Aspect; start: number }[] = [];
    for (const m of aspectMatches) {
      if (Array.from({ length: m.end - m.start }, (_, i) => m.start + i).some((i) => covered.has(i))) continue;
      for (let i = m.start; i < m.end; i++) covered.add(i);
      found.push({ aspect: m.aspect, start: m.start });
    }
    const ordered = [...new Set(found.sort((a, b) => a.start - b.start).map((f) => f.aspect))];

    const rest = words.filter((w, i) => !covered.has(i) && !this.fillers.has(w) && !this.generic.has(w));

    let outOfScope: Analysis['outOfScope'];
    for (const [topic, rule] of this.topics) {
      const score = rule.score(typed);
      if (score > 0 && (!outOfScope || score > outOfScope.score)) outOfScope = { topic, score };
    }

    let national: Analysis['national'];
    for (const [topic, phrases] of this.national) {
      const matches = phrases.find(typed);
      if (matches.length) {
        national = { topic, phrases: matches.map((m) => words.slice(m.start, m.end).join(' ')) };
        break;
      }
    }

    const privacy =
      this.privacy.data.has(typed) && this.privacy.thirdParty.has(typed) && this.privacy.reveal.has(typed) && !this.privacy.unless.has(typed);

    const question = text.includes('?') || this.questionWords.has(typed);
    let smallTalk: Analysis['smallTalk'];
    const polite = this.politeness.find(typed).reduce((n, m) => n + m.end - m.start, 0);
    for (const [kind, phrases] of this.smallTalk) {
      const matches = phrases.find(typed);
      if (matches.length === 0) continue;
      const coveredWords = matches.reduce((n, m) => n + m.end - m.start, 0);
      // Small talk only when it is (nearly) all the message says, politeness aside.
      if (words.length - coveredWords - polite <= (kind === 'about' ? 1 : 0)) {
        smallTalk = kind;
        break;
      }
    }

    return {
      words,
      handoff: this.handoff.score(typed),
      injection: this.injection.has(typed) || this.injectionPatterns.some((re) => re.test(folded)) || (!question && this.rolePatterns.some((re) => re.test(folded))),
      illegal: this.illegal.score(typed),
      privacy,
      outOfScope,
      national,
      domain: this.domain.find(typed).length,
      aspects: ordered,
      aspectWords: covered,
      followUpOnly: words.length > 0 && rest.length === 0,
      continuation: continuationPhrases.has(typed),
      question,
      smallTalk,
    };
  }
}
