/**
 * npm run bench:load [-- --duration 15 --connections 50]
 *
 * Starts the whole system (`npm start`) on the full sample content in a temporary data folder, warms
 * each target up (every query or question of its set once, then 5 s of load), then loads it with autocannon over loopback for a bounded time and prints
 * requests per second, p50/p95/p99 latency and errors (connection errors, timeouts and answers other
 * than 2xx): the home page, a procedure page, search through the portal with the queries of the
 * search relevance set, and questions to the assistant through the portal (and, for comparison,
 * straight to the assistant) with the questions of its evaluation set. Then it says which targets
 * were met and stops everything it started.
 *
 * The per-address limits are lifted for the run (BOT_RATE_LIMIT, SEARCH_RATE_LIMIT): every request
 * comes from this one address, and the limits are not what is measured. LOG_LEVEL=warn.
 *
 * The sets are small (302 queries, 324 questions) and repeat during a run, so the figures are those
 * of queries and questions met before: the CMS's search results and the assistant's retrieval are
 * cached. `SEARCH_CACHE=0 BOT_RETRIEVAL_CACHE=0 npm run bench:load` measures them met for the first time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startSystem } from './system';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '15' }, connections: { type: 'string', default: '50' } } });
const duration = Number(values.duration);
const connections = Number(values.connections);

const here = import.meta.dirname;
const queries = (JSON.parse(fs.readFileSync(path.join(here, '../search/relevance.json'), 'utf8')) as { query: string; locale: string }[]).map(
  ({ query, locale }) => `/api/search?${new URLSearchParams({ q: query, locale })}`,
);
const questions = (JSON.parse(fs.readFileSync(path.join(here, '../bot/eval.json'), 'utf8')) as { q: string; locale?: string }[]).map(({ q, locale }) =>
  JSON.stringify(locale ? { question: q, locale } : { question: q }),
);

type Target = { name: string; base: 'site' | 'bot'; method: 'GET' | 'POST'; paths?: string[]; path?: string; bodies?: string[]; goal?: { rps: number; p95?: number } };
const targets: Target[] = [
  { name: 'home page /', base: 'site', method: 'GET', path: '/', goal: { rps: 2000 } },
  { name: 'procedure page /thu-tuc/dang-ky-khai-sinh', base: 'site', method: 'GET', path: '/thu-tuc/dang-ky-khai-sinh', goal: { rps: 2000 } },
  { name: `search via portal (${queries.length} queries)`, base: 'site', method: 'GET', paths: queries, goal: { rps: 300, p95: 100 } },
  { name: `POST /api/ask via portal (${questions.length} questions)`, base: 'site', method: 'POST', path: '/api/ask', bodies: questions, goal: { rps: 100, p95: 300 } },
  { name: 'POST /api/ask to the assistant directly', base: 'bot', method: 'POST', path: '/api/ask', bodies: questions },
];

type Measured = { rps: number; p50: number; p95: number; p99: number; errors: number; detail: string; total: number };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** One autocannon run against `target` for `seconds`, or for `amount` requests; each request takes the next path or body in turn. */
async function load(url: string, target: Target, seconds: number, amount?: number): Promise<Measured> {
  let next = 0;
  const times: number[] = [];
  let finished: (result: autocannon.Result) => void = () => {};
  let failed: (error: Error) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => ((finished = resolve), (failed = reject)));
  const instance = autocannon({
    url,
    connections,
    ...(amount ? { amount } : { duration: seconds }),
    timeout: 10,
    requests: [
      {
        method: target.method,
        headers: target.bodies ? { 'content-type': 'application/json' } : {},
        setupRequest: (request) => {
          const i = next++;
          return { ...request, path: target.paths ? target.paths[i % target.paths.length]! : target.path!, ...(target.bodies ? { body: target.bodies[i % target.bodies.length]! } : {}) };
        },
      },
    ],
  }, (error, result) => (error ? failed(error) : finished(result)));
  instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  const result = await done;
  times.sort((a, b) => a - b);
  return {
    rps: result.requests.total / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    // autocannon's `errors` include its `timeouts`.
    errors: result.errors + result.non2xx,
    detail: result.errors + result.non2xx ? `  (${result.timeouts} timeouts, ${result.non2xx} non-2xx, ${result.errors - result.timeouts} other)` : '',
    total: result.requests.total,
  };
}

const system = await startSystem({ BOT_RATE_LIMIT: '100000000', SEARCH_RATE_LIMIT: '100000000', LOG_LEVEL: 'warn' }, (line) => console.log(`▶ ${line}`));
const verdicts: string[] = [];
try {
  console.log(`▶ ${connections} connections, ${duration} s per target after a 5 s warm-up, loopback only\n`);
  console.log(`${'target'.padEnd(52)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)}`);
  for (const target of targets) {
    // A pause, so that what one target left queued (writes, logs) does not weigh on the next.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const url = system[target.base];
    const set = target.paths?.length ?? target.bodies?.length;
    if (set) await load(url, target, 0, set);
    await load(url, target, 5);
    const m = await load(url, target, duration);
    console.log(`${target.name.padEnd(52)} ${m.rps.toFixed(0).padStart(8)} ${m.p50.toFixed(0).padStart(8)} ${m.p95.toFixed(0).padStart(8)} ${m.p99.toFixed(0).padStart(8)} ${String(m.errors).padStart(7)}${m.detail}`);
    if (target.goal) {
      const { rps, p95 } = target.goal;
      const met = m.rps >= rps && (p95 === undefined || m.p95 <= p95) && m.errors === 0;
      verdicts.push(`${met ? 'MET    ' : 'NOT MET'} ${target.name}: target ≥ ${rps} req/s${p95 ? `, p95 ≤ ${p95} ms` : ''}, 0 errors`);
    }
  }
  console.log(`\n${verdicts.join('\n')}`);
} finally {
  await system.stop();
}
