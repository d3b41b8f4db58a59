/**
 * Phrase lists that turn a question into the words the content uses, longest phrase first: English
 * to Vietnamese (bot/data/glossary.json) for English questions about content that exists only in
 * Vietnamese, and everyday to formal Vietnamese (bot/data/colloquial.json).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Phrases, foldedWords } from './text';

export const defaultGlossaryFile = path.resolve(import.meta.dirname, '../data/glossary.json');
export const defaultColloquialFile = path.resolve(import.meta.dirname, '../data/colloquial.json');

export class Glossary {
  private readonly phrases: Map<string, string>;
  private readonly matcher: Phrases;
  constructor(file: string) {
    const pairs = (JSON.parse(fs.readFileSync(file, 'utf8')) as { pairs: [string, string][] }).pairs;
    this.phrases = new Map(pairs.map(([en, vi]) => [foldedWords(en).join(' '), vi]));
    this.matcher = Phrases.of(pairs.map(([en]) => en));
  }
  /**
   * The Vietnamese words for the English phrases the question holds; other words are kept when
   * `keep` says so (codes, abbreviations). `coverage`: share of the question's subject words
   * (not `filler`) that were translated or kept.
   */
  translate(text: string, keep: (word: string) => boolean, filler: (word: string) => boolean): { text: string; coverage: number } {
    const words = foldedWords(text);
    const matches = this.matcher.find(words);
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

