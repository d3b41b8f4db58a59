import fs from 'node:fs';
import path from 'node:path';
import { foldedWords } from './text';
import type { Locale } from './types';

/** Groups of phrases a citizen uses for the same thing, per locale: `search/data/synonyms.json`. */
export type SynonymList = Partial<Record<Locale, string[][]>>;

export const defaultSynonymsFile = path.resolve(__dirname, '../data/synonyms.json');

/** A group as the matcher sees it: folded phrases, each a list of words. */
type Group = string[][];

export type Expansion = {
  /** The query's words, folded. */
  words: string[];
  /** For each synonym group the query names: the phrases of the group (folded words). */
  groups: Group[];
  /** Indices in `words` covered by a group. */
  covered: Set<number>;
};

const indexOf = (haystack: string[], needle: string[]): number => {
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((w, j) => haystack[i + j] === w)) return i;
  }
  return -1;
};

/** Matches queries against synonym groups; build once per list. */
export class Synonyms {
  private readonly groups: Record<Locale, Group[]>;
  /** Every phrase of every group, longest first. */
  private readonly phrases: Record<Locale, { group: Group; phrase: string[] }[]>;

  constructor(list: SynonymList) {
    const prepare = (groups: string[][] = []) =>
      groups.map((g) => g.map((phrase) => foldedWords(phrase)).filter((p) => p.length > 0)).filter((g) => g.length > 1);
    this.groups = { vi: prepare(list.vi), en: prepare(list.en) };
    const phrases = (groups: Group[]) => groups.flatMap((group) => group.map((phrase) => ({ group, phrase }))).sort((a, b) => b.phrase.length - a.phrase.length);
    this.phrases = { vi: phrases(this.groups.vi), en: phrases(this.groups.en) };
  }

  /** The folded phrase groups of a locale (for engines that expand synonyms themselves). */
  groupsOf(locale: Locale): readonly string[][][] {
    return this.groups[locale];
  }

  static fromFile(file = defaultSynonymsFile): Synonyms {
    return new Synonyms(fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as SynonymList) : {});
  }

  /** The groups whose phrases occur in the query, longest phrases first (so "giấy phép lái xe" wins over "lái xe"). */
  expand(query: string, locale: Locale): Expansion {
    const queryWords = foldedWords(query);
    const covered = new Set<number>();
    const groups: Group[] = [];
    const present = new Set(queryWords);
    for (const { group, phrase } of this.phrases[locale]) {
      if (!present.has(phrase[0]!) || groups.includes(group)) continue;
      const at = indexOf(queryWords, phrase);
      if (at < 0) continue;
      const span = phrase.map((_, j) => at + j);
      if (span.some((i) => covered.has(i))) continue;
      span.forEach((i) => covered.add(i));
      groups.push(group);
    }
    return { words: queryWords, groups, covered };
  }
}
