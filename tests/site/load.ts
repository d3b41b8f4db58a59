/**
 * npm run bench:site -- --load [portal URL]: load on a running portal (npm start), loopback only,
 * 20 s per scenario with autocannon, 50 connections:
 * - static pages: the built pages of DATA_DIR/site/current in random order, brotli accepted;
 * - search through the portal: the queries of tests/search/relevance.json in turn (varied, as
 *   citizens type them), /api/search?q=…&locale=….
 * Prints requests per second and latency percentiles. Every search comes from 127.0.0.1 here, so
 * run the CMS with a SEARCH_RATE_LIMIT above the rate (e.g. 100000000), or the 429s are counted.
 */
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { siteConfig } from '@portal/site/server';

type Scenario = { name: string; paths: string[] };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** Every page of the served build, as a URL path. */
function pagePaths(siteDir: string): string[] {
  const root = fs.realpathSync(path.join(siteDir, 'current'));
  return (fs.readdirSync(root, { recursive: true, encoding: 'utf8' }))
    .filter((file) => path.basename(file) === 'index.html')
    .map((file) => `/${path.dirname(file) === '.' ? '' : `${path.dirname(file).split(path.sep).join('/')}/`}`);
}

function searchPaths(): string[] {
  const relevance = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../search/relevance.json'), 'utf8')) as { query: string; locale: string }[];
  return relevance.map(({ query, locale }) => `/api/search?q=${encodeURIComponent(query)}&locale=${locale}`);
}

async function run(base: string, { name, paths }: Scenario, connections = 50, seconds = 20): Promise<void> {
  let next = 0;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options = {
      url: base,
      connections,
      duration: seconds,
      headers: { 'accept-encoding': 'br, gzip' },
      requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
    };
    const instance = autocannon(options, (error, done) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)));
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(latencies, p).toFixed(0));
  console.log(
    `${name}: ${result.requests.average.toFixed(0)} req/s; latency p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms ` +
      `(${result['2xx']} 2xx, ${result.non2xx} other, ${result.errors} errors, ${result.timeouts} timeouts; ${connections} connections, ${seconds} s)`,
  );
}

export async function loadBench(base: string): Promise<void> {
  const pages = pagePaths(siteConfig().siteDir).sort(() => Math.random() - 0.5);
  console.log(`\n▶ Load on ${base} (${pages.length} pages, ${searchPaths().length} search queries)`);
  await run(base, { name: 'static pages', paths: pages });
  await run(base, { name: 'search through the portal', paths: searchPaths() });
}
