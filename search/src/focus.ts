import fs from 'node:fs';
import path from 'node:path';
import { escapeRegExp, fold } from './text';

/**
 * The cues that tell the sentences of a letter apart (`data/focus.json`, folded Vietnamese and
 * English): courtesy (greetings, thanks, the addressee) and the words that make a sentence a question.
 */
type Cues = { courtesy: string[]; question: string[] };
const cues: Cues = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../data/focus.json'), 'utf8')) as Cues;
const alternatives = (list: string[]) => list.map(escapeRegExp).join('|');
const courtesy = new RegExp(`^(?:${alternatives(cues.courtesy)})(?![\\p{L}\\p{N}])`, 'u');
const question = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives(cues.question)})(?![\\p{L}\\p{N}])`, 'u');
const questionAll = new RegExp(question.source, 'gu');

/** Texts up to this many characters are searched as they are: a query, or a one-line question. */
const shortText = 160;
/** Question sentences naming fewer words than this besides their question words ("có cách nào không?") take the sentence before them along. */
const thinQuestion = 8;
/** A courtesy sentence longer than this many words, or with a question mark, says more than courtesy, and is kept. */
const courtesyWords = 6;

/** At most this many words are ranked on, the first and the last half of them: what a search costs stays bounded. */
const maxWords = 48;

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** The text, or its first and last `maxWords / 2` words when it has more. */
function bounded(text: string): string {
  const all = text.split(/\s+/).filter(Boolean);
  return all.length <= maxWords ? text : [...all.slice(0, maxWords / 2), ...all.slice(-maxWords / 2)].join(' ');
}

/**
 * The part of a long text that a search should rank on. Citizens write letters: a greeting, their
 * story, the question, thanks. Ranking on all of it lets the story decide, and a document must
 * cover a share of the words it is ranked on. So a text of several sentences is cut to its
 * question sentences (a question mark, or words that ask: "xin hỏi", "như thế nào", "cần gì"),
 * with the sentence before when the question alone names little ("có cách nào không?"); courtesy
 * sentences go. A text with no recognisable question keeps every sentence but the courtesy ones.
 * Short texts are returned unchanged. What is kept is a subsequence of the original sentences, of
 * at most `maxWords` words.
 */
export function focus(text: string): string {
  return bounded(sentencesAsked(text.trim()));
}

function sentencesAsked(trimmed: string): string {
  if (trimmed.length <= shortText) return trimmed;
  const sentences = trimmed
    .split(/(?<=[.!?…;:])\s+|\s*\n+\s*/u)
    .map((s) => s.trim())
    .filter(Boolean);
  if (sentences.length < 2) return trimmed;
  const kept = sentences.map((s) => ({ s, folded: fold(s) })).filter(({ s, folded }) => !(courtesy.test(folded) && !s.includes('?') && wordCount(s) <= courtesyWords));
  const asking = kept.map(({ s, folded }) => s.includes('?') || question.test(folded));
  const first = asking.indexOf(true);
  if (first < 0) return kept.map(({ s }) => s).join(' ') || trimmed;
  const chosen = kept.filter((_, i) => asking[i]);
  // The words a question names beyond the words that ask ("tôi xin hỏi có cách nào … được không").
  const words = chosen.reduce((n, { folded }) => n + wordCount(folded.replace(questionAll, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ')), 0);
  const withContext = words < thinQuestion && first > 0 ? [kept[first - 1]!, ...chosen] : chosen;
  return withContext.map(({ s }) => s).join(' ');
}
