import { oneEdit } from './rank';

/**
 * The words of an index with their document frequency, to choose the terms a query is searched
 * with: completions of a word being typed, corrections of a word the index does not know.
 */
export class Vocabulary {
  private readonly frequency = new Map<string, number>();
  private sorted: string[] | undefined;

  add(words: Iterable<string>): void {
    for (const w of words) this.frequency.set(w, (this.frequency.get(w) ?? 0) + 1);
    this.sorted = undefined;
  }

  delete(words: Iterable<string>): void {
    for (const w of words) {
      const n = (this.frequency.get(w) ?? 0) - 1;
      if (n > 0) this.frequency.set(w, n);
      else this.frequency.delete(w);
    }
    this.sorted = undefined;
  }

  /** Number of documents holding the word. */
  documents(word: string): number {
    return this.frequency.get(word) ?? 0;
  }

  has(word: string): boolean {
    return this.frequency.has(word);
  }

  /** Indexed words starting with `prefix`, the most frequent first. */
  completions(prefix: string, limit: number): string[] {
    this.sorted ??= [...this.frequency.keys()].sort();
    const list = this.sorted;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let i = lo; i < list.length && list[i]!.startsWith(prefix); i++) found.push(list[i]!);
    return this.mostFrequent(found, limit);
  }

  /** Indexed words one edit away from `word` with the same first letter, the most frequent first. */
  corrections(word: string, limit: number): string[] {
    const found: string[] = [];
    for (const candidate of this.frequency.keys()) {
      if (candidate[0] === word[0] && Math.abs(candidate.length - word.length) <= 1 && oneEdit(word, candidate)) found.push(candidate);
    }
    return this.mostFrequent(found, limit);
  }

  private mostFrequent(words: string[], limit: number): string[] {
    return words.sort((a, b) => this.frequency.get(b)! - this.frequency.get(a)!).slice(0, limit);
  }
}
