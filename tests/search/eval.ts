/**
 * npm run eval:search [-- --verbose] [-- --engine embedded]
 * Runs the relevance set (tests/search/relevance.json) against the search built from seeds/data and
 * prints top-1, top-3 and MRR, overall and per kind of query. --verbose lists the misses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EmbeddedEngine, type Locale } from '@portal/search';
import { seedSearchDocuments } from './seed-documents';

type Case = { query: string; locale: Locale; expect: { type: string; key: string }[]; note: string };

const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false } } });
const cases = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'relevance.json'), 'utf8')) as Case[];

const engine = new EmbeddedEngine();
await engine.upsert(seedSearchDocuments());

type Score = { n: number; top1: number; top3: number; rr: number };
const totals = new Map<string, Score>();
const add = (group: string, rank: number) => {
  const s = totals.get(group) ?? { n: 0, top1: 0, top3: 0, rr: 0 };
  s.n += 1;
  if (rank === 1) s.top1 += 1;
  if (rank >= 1 && rank <= 3) s.top3 += 1;
  if (rank >= 1) s.rr += 1 / rank;
  totals.set(group, s);
};
const misses: string[] = [];
for (const c of cases) {
  const { hits } = await engine.search({ q: c.query, locale: c.locale, limit: 10 });
  const ranks = c.expect.map((e) => hits.findIndex((h) => h.type === e.type && h.key === e.key) + 1).filter((r) => r > 0);
  const rank = ranks.length ? Math.min(...ranks) : 0;
  add('all', rank);
  add(c.note, rank);
  if (rank !== 1) {
    misses.push(
      `${rank === 0 ? '  miss' : `  #${rank}`}  [${c.locale}] "${c.query}" → want ${c.expect.map((e) => `${e.type}:${e.key}`).join(' | ')}; got ${hits
        .slice(0, 3)
        .map((h) => `${h.type}:${h.key}`)
        .join(', ')}`,
    );
  }
}
const fmt = (x: number) => x.toFixed(3);
console.log(`Relevance set: ${cases.length} queries (tests/search/relevance.json), embedded engine, content of seeds/data`);
console.log(`${'group'.padEnd(16)} ${'n'.padStart(4)}  top-1  top-3    MRR`);
for (const [group, s] of [...totals].sort((a, b) => (a[0] === 'all' ? -1 : b[0] === 'all' ? 1 : b[1].n - a[1].n))) {
  console.log(`${group.padEnd(16)} ${String(s.n).padStart(4)}  ${fmt(s.top1 / s.n)}  ${fmt(s.top3 / s.n)}  ${fmt(s.rr / s.n)}`);
}
if (values.verbose) console.log(`\nNot first (${misses.length}):\n${misses.join('\n')}`);
await engine.close();
