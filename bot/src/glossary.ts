/**
 * Phrase lists that turn a question into the words the content uses, longest phrase first: English
 * to Vietnamese (bot/data/glossary.json) for English questions about content that exists only in
 * Vietnamese, and everyday to formal Vietnamese (bot/data/colloquial.json).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Phrases, foldedWords, wordsOf } from './text';

export const defaultGlossaryFile = path.resolve(import.meta.dirname, '../data/glossary.json');
export const defaultColloquialFile = path.resolve(import.meta.dirname, '../data/colloquial.json');

/** A list's pairs: [what a question says, what the content says, where the first was seen in public text?]. */
export function readPairs(file: string): [string, string, ...string[]][] {
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { pairs: [string, string, ...string[]][] }).pairs;
}

export class Glossary {
  private readonly phrases: Map<string, string>;
  private readonly matcher: Phrases;
  /**
   * Marks typed in the question must agree with a phrase's ("cuối" is not "cưới"); a single
   * syllable with marks is not matched when typed without them ("cuoi" may be either).
   */
  constructor(file: string) {
    const pairs = readPairs(file);
    this.phrases = new Map(pairs.map(([from, to]) => [foldedWords(from).join(' '), to]));
    this.matcher = new Phrases([{ phrases: pairs.map(([from]) => from) }], { strictMarks: true });
  }
  /**
   * The Vietnamese words for the English phrases the question holds; other words are kept when
   * `keep` says so (codes, abbreviations). `coverage`: share of the question's subject words
   * (not `filler`) that were translated or kept.
   */
  translate(text: string, keep: (word: string) => boolean, filler: (word: string) => boolean): { text: string; coverage: number } {
    const typed = wordsOf(text);
    const words = typed.folded;
    const matches = this.matcher.find(typed);
    const out: string[] = [];
    let subject = 0;
    let understood = 0;
    for (let i = 0; i < words.length; i++) {
      const m = matches.find((x) => x.start === i);
      if (m) {
        out.push(this.phrases.get(foldedWords(m.phrase).join(' ')) ?? '');
        const span = words.slice(i, m.end).filter((w) => !filler(w)).length;
        subject += span;
        understood += span;
        i = m.end - 1;
        continue;
      }
      const w = words[i]!;
      if (filler(w)) continue;
      subject += 1;
      if (keep(w)) {
        out.push(w);
        understood += 1;
      }
    }
    return { text: out.join(' ').trim(), coverage: subject ? understood / subject : 0 };
  }
}

