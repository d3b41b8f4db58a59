/**
 * npm run bench:search
 * Latency of the embedded engine on the full content and on a 10× catalogue (≈13,000 generated
 * procedures plus the real FAQs and news): index build time, then every query of the relevance set,
 * three rounds, one at a time. Prints p50, p95 and queries per second.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedEngine, type Locale, type SearchDocument } from '@portal/search';
import { seedSearchDocuments } from './seed-documents';

const queries = (JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'relevance.json'), 'utf8')) as { query: string; locale: Locale }[]).map(
  ({ query, locale }) => ({ q: query, locale }),
);

/** Deterministic pseudo-random numbers, so every run benchmarks the same catalogue. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

/** 10 variants of every procedure: titles differ by a few words drawn from the catalogue's own vocabulary. */
function tenfold(docs: SearchDocument[]): SearchDocument[] {
  const next = random(42);
  const procedures = docs.filter((d) => d.type === 'procedure');
  const vocabulary = [...new Set(procedures.flatMap((d) => d.title.toLowerCase().split(/\s+/)))];
  const pick = () => vocabulary[Math.floor(next() * vocabulary.length)];
  const copies = procedures.flatMap((d) =>
    Array.from({ length: 10 }, (_, i) => ({
      ...d,
      id: `${d.documentId}x${i}-${d.locale}`,
      documentId: `${d.documentId}x${i}`,
      key: `${d.key}x${i}`,
      title: i === 0 ? d.title : `${d.title} ${pick()} ${pick()}`,
    })),
  );
  return [...copies, ...docs.filter((d) => d.type !== 'procedure')];
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function bench(label: string, docs: SearchDocument[]): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-search-'));
  const engine = new EmbeddedEngine({ dir });
  const t0 = performance.now();
  await engine.upsert(docs);
  await engine.flush();
  const buildMs = performance.now() - t0;
  const t1 = performance.now();
  const restored = new EmbeddedEngine({ dir });
  const restoreMs = performance.now() - t1;
  for (const q of queries.slice(0, 20)) await restored.search(q); // warm-up
  const times: number[] = [];
  const started = performance.now();
  for (let round = 0; round < 3; round++) {
    for (const q of queries) {
      const t = performance.now();
      await restored.search(q);
      times.push(performance.now() - t);
    }
  }
  const elapsed = performance.now() - started;
  times.sort((a, b) => a - b);
  const procedures = docs.filter((d) => d.type === 'procedure').length;
  console.log(
    `${label.padEnd(14)} ${String(docs.length).padStart(6)} docs (${procedures} procedures)  build ${(buildMs / 1000).toFixed(1)} s  restore ${(restoreMs / 1000).toFixed(1)} s  ` +
      `p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms  ${(times.length / (elapsed / 1000)).toFixed(0)} queries/s`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

console.log(`Embedded engine, ${queries.length} queries × 3 rounds, one at a time, on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'})`);
const content = seedSearchDocuments();
await bench('full content', content);
await bench('10× catalogue', tenfold(content));
