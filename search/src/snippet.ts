import { escapeHtml, escapeRegExp, fold } from './text';

/**
 * A short passage of `text` around the query's words, HTML-escaped, with each matched word in
 * <mark>. Matching is on folded text; folding keeps positions, so the marks land on the original.
 */
export function snippet(text: string, queryWords: string[], length = 180): string {
  const source = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const folded = fold(source);
  const pattern = wordsPattern(queryWords);
  const matches = pattern ? [...folded.matchAll(pattern)] : [];
  const first = matches[0]?.index ?? 0;
  let start = Math.max(0, first - Math.floor(length / 3));
  if (start > 0) start = source.indexOf(' ', start) + 1 || start;
  let end = Math.min(source.length, start + length);
  if (end < source.length) end = source.lastIndexOf(' ', end) > start ? source.lastIndexOf(' ', end) : end;
  let out = '';
  let at = start;
  for (const m of matches) {
    const from = m.index;
    const to = from + m[0].length;
    if (from < start || to > end) continue;
    out += escapeHtml(source.slice(at, from)) + '<mark>' + escapeHtml(source.slice(from, to)) + '</mark>';
    at = to;
  }
  out += escapeHtml(source.slice(at, end));
  return `${start > 0 ? '… ' : ''}${out}${end < source.length ? ' …' : ''}`;
}

/** The pattern that finds any of the words (two letters or more) at a word start; the last one is kept, as every hit of a query asks for the same. */
let last: { key: string; pattern: RegExp | null } = { key: '', pattern: null };
function wordsPattern(queryWords: string[]): RegExp | null {
  const wanted = [...new Set(queryWords.filter((w) => w.length >= 2))];
  const key = wanted.join(' ');
  if (key !== last.key) {
    const alternatives = wanted.map(escapeRegExp).join('|');
    last = { key, pattern: wanted.length ? new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives})[\\p{L}\\p{N}]*`, 'gu') : null };
  }
  return last.pattern;
}
