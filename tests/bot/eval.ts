/**
 * npm run eval:bot [-- --verbose] [-- --calibrate]
 *
 * First, real citizens' questions (../shared/data/citizen-questions-dev.json, or CITIZEN_QUESTIONS;
 * read there, never copied here), asked as the assistant's HTTP contract takes them: top-1 and top-3
 * (a source is right when its procedure code is one an officer would open), the kinds of reply,
 * wrongful refusals, confident wrong answers, out-of-scope questions refused or redirected, per
 * length band and for questions typed without diacritics.
 *
 * Then the assistant's self-written question set (tests/bot/eval.json) against the assistant built on the full
 * sample content (seeds/data), without a CMS, and prints per part of the set: top-1 and top-3
 * source accuracy, the kind of reply, refusal precision and recall, wrongful refusals, handoffs,
 * calibration of the confidence, and latency.
 *
 * The set is split once and for all by a hash of each question: 30 % is held out. Tuning looks only
 * at the tuning part: `--verbose` lists its failures, never the held-out ones; `--calibrate` fits
 * the confidence model (bot/data/calibration.json) on the tuning part only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Locale } from '@portal/search';
import {
  Assistant,
  defaultCalibrationFile,
  featureNames,
  fitLogistic,
  HybridRetriever,
  Knowledge,
  LexicalRetriever,
  readCalibration,
  type Calibration,
  type Features,
  type Kind,
  type Reply,
  type TurnContext,
} from '@portal/bot';
import { askRequestSchema } from '@portal/bot/contracts';
import { publishedContent, sampleDataDir } from '@portal/seeds';
import { codeMatches, questionGroups, readCitizenQuestions, type CitizenQuestion, type OutOfScopeQuestion } from '../support/citizen-questions';

type Case = { q: string; locale?: Locale; kind: Kind; expect: string[]; tags: string[]; previous?: string[] };
type Outcome = { c: Case; reply: Reply; ms: number; holdout: boolean };

const { values } = parseArgs({
  options: { verbose: { type: 'boolean', default: false }, calibrate: { type: 'boolean', default: false }, set: { type: 'string', multiple: true, default: [] } },
});
const setFile = path.join(import.meta.dirname, 'eval.json');
const cases = JSON.parse(fs.readFileSync(setFile, 'utf8')) as Case[];

/** FNV-1a of the question: the same split on every machine and every run. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of Buffer.from(text.normalize('NFC'), 'utf8')) {
    h ^= ch;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
export const isHeldOut = (question: string): boolean => fnv1a(question) % 10 < 3;

const started = performance.now();
// No retrieval cache: the latency is that of a question met for the first time.
const knowledge = new Knowledge({ name: 'seed files', load: async () => publishedContent(sampleDataDir) }, new HybridRetriever([new LexicalRetriever({ cacheSize: 0 })]));
await knowledge.refresh();
const loadMs = performance.now() - started;
/** `--set ranking.extraTitleWords=0.3` tries another value without editing bot/data/calibration.json. */
const calibration = readCalibration();
for (const assignment of values.set ?? []) {
  const [name, value] = assignment.split('=');
  const pathParts = name!.split('.');
  // --set name.path=value walks the calibration object by name: a typed object read as a record.
  let target = calibration as unknown as Record<string, unknown>;
  for (const part of pathParts.slice(0, -1)) target = target[part] as Record<string, unknown>;
  target[pathParts.at(-1)!] = Number(value);
}
const assistant = new Assistant(knowledge, { calibration });

async function run(c: Case): Promise<{ reply: Reply; ms: number }> {
  let context: TurnContext = {};
  for (const q of c.previous ?? []) context = (await assistant.ask({ question: q, locale: c.locale, context })).context;
  const t = performance.now();
  const reply = await assistant.ask({ question: c.q, locale: c.locale, context });
  return { reply, ms: performance.now() - t };
}

// Warm up (JIT, first-query allocations), then measure.
for (const c of cases.slice(0, 10)) await run(c);
const outcomes: Outcome[] = [];
for (const c of cases) outcomes.push({ c, ...(await run(c)), holdout: isHeldOut(c.q) });

const key = (s: { type: string; key: string }) => `${s.type}:${s.key}`;
const refusesExpected = (o: Outcome) => o.c.kind === 'refuse';
const hasSources = (o: Outcome) => o.c.expect.length > 0;
const top = (o: Outcome, n: number) => o.reply.sources.slice(0, n).some((s) => o.c.expect.includes(key(s)));
const retrievedTop = (o: Outcome, n: number) => o.reply.candidates.slice(0, n).some((s) => o.c.expect.includes(key(s)));

const ratio = (n: number, d: number) => (d === 0 ? '   —  ' : (n / d).toFixed(3).padStart(6));
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

function report(label: string, list: Outcome[]): void {
  const answerable = list.filter(hasSources);
  const refuse = list.filter(refusesExpected);
  const oos = refuse.filter((o) => o.c.tags.includes('out of scope'));
  const refused = list.filter((o) => o.reply.kind === 'refuse');
  const notRefuse = list.filter((o) => !refusesExpected(o));
  const person = list.filter((o) => o.c.kind === 'handoff');
  const wantAnswer = list.filter((o) => o.c.kind === 'answer');
  const ms = list.map((o) => o.ms);
  console.log(`\n${label}: ${list.length} questions (${answerable.length} with expected sources, ${refuse.length} to refuse, ${person.length} asking for a person)`);
  console.log(`  top-1 source accuracy          ${ratio(answerable.filter((o) => top(o, 1)).length, answerable.length)}   (first source of the reply is an expected one)`);
  console.log(`  top-3 source accuracy          ${ratio(answerable.filter((o) => top(o, 3)).length, answerable.length)}`);
  console.log(`  retrieval top-1 / top-3        ${ratio(answerable.filter((o) => retrievedTop(o, 1)).length, answerable.length)} / ${ratio(answerable.filter((o) => retrievedTop(o, 3)).length, answerable.length).trim()}   (ranked candidates, whatever the decision)`);
  console.log(`  kind as expected               ${ratio(list.filter((o) => o.reply.kind === o.c.kind).length, list.length)}`);
  console.log(`  refusal precision              ${ratio(refused.filter(refusesExpected).length, refused.length)}`);
  console.log(`  refusal recall (all)           ${ratio(refuse.filter((o) => o.reply.kind === 'refuse').length, refuse.length)}`);
  console.log(`  out-of-scope refusal recall    ${ratio(oos.filter((o) => o.reply.kind === 'refuse').length, oos.length)}`);
  console.log(`  wrongful refusal rate          ${ratio(notRefuse.filter((o) => o.reply.kind === 'refuse').length, notRefuse.length)}   (refused though in scope)`);
  console.log(`  handoff rate                   ${ratio(list.filter((o) => o.reply.kind === 'handoff').length, list.length)}   (of all questions)`);
  console.log(`  handoff recall (asks a person) ${ratio(person.filter((o) => o.reply.kind === 'handoff').length, person.length)}`);
  console.log(`  answers handed off / clarified ${ratio(wantAnswer.filter((o) => o.reply.kind === 'handoff').length, wantAnswer.length)} / ${ratio(wantAnswer.filter((o) => o.reply.kind === 'clarify').length, wantAnswer.length).trim()}`);
  // Calibration of the confidence of direct answers: does a confidence of 0.8 come true 80 % of the time?
  const answered = answerable.filter((o) => o.reply.kind === 'answer' && o.reply.reason !== 'follow-up' && o.reply.features);
  if (answered.length) {
    const brier = answered.reduce((s, o) => s + (o.reply.confidence - (top(o, 1) ? 1 : 0)) ** 2, 0) / answered.length;
    const bins = [0, 0.5, 0.7, 0.85, 0.95, 1.01];
    let ece = 0;
    for (let i = 0; i + 1 < bins.length; i++) {
      const bin = answered.filter((o) => o.reply.confidence >= bins[i]! && o.reply.confidence < bins[i + 1]!);
      if (!bin.length) continue;
      const conf = bin.reduce((s, o) => s + o.reply.confidence, 0) / bin.length;
      const acc = bin.filter((o) => top(o, 1)).length / bin.length;
      ece += (bin.length / answered.length) * Math.abs(conf - acc);
    }
    console.log(`  confidence of answers          Brier ${brier.toFixed(3)}, ECE ${ece.toFixed(3)}   (${answered.length} answers)`);
  }
  console.log(`  latency p50 / p95              ${pct(ms, 50).toFixed(1)} ms / ${pct(ms, 95).toFixed(1)} ms`);
}

/** The real questions' figures; misses are listed by id only, so their text stays in the shared folder. */
async function reportReal(): Promise<void> {
  const real = readCitizenQuestions();
  if (typeof real === 'string') return console.log(real);
  const ask = async (q: string) => {
    const { question } = askRequestSchema.parse({ question: q });
    const t = performance.now();
    const reply = await assistant.ask({ question, locale: 'vi', context: {} });
    return { reply, ms: performance.now() - t };
  };
  type Asked = { reply: Reply; ms: number };
  const inScope: (Asked & { c: CitizenQuestion; groups: string[] })[] = [];
  for (const c of real.inScope) inScope.push({ c, groups: ['all', ...questionGroups(c.q)], ...(await ask(c.q)) });
  const outOfScope: (Asked & { c: OutOfScopeQuestion })[] = [];
  for (const c of real.outOfScope) outOfScope.push({ c, ...(await ask(c.q)) });
  const right = (o: (typeof inScope)[number], n: number) => o.reply.sources.slice(0, n).some((s) => codeMatches(s.code, o.c.codes));
  const kinds = (list: { reply: Reply }[]) =>
    (['answer', 'clarify', 'handoff', 'refuse'] as const).map((k) => `${k} ${list.filter((o) => o.reply.kind === k).length}`).join(', ');
  console.log(`Real citizens' questions: ${real.inScope.length} in scope, ${real.outOfScope.length} out of scope (${real.file}), as the HTTP contract takes them`);
  console.log('Targets: top-1 ≥ 0.80, top-3 ≥ 0.92, long within 0.10 of short; out of scope refused or redirected ≥ 0.90; wrongful refusals 0; confident wrong ≤ 0.03; p95 ≤ 300 ms');
  console.log(`  ${'group'.padEnd(16)} ${'n'.padStart(4)}  top-1  top-3`);
  for (const group of ['all', 'length ≤ 200', 'length > 200', 'no diacritics']) {
    const list = inScope.filter((o) => o.groups.includes(group));
    console.log(`  ${group.padEnd(16)} ${String(list.length).padStart(4)} ${ratio(list.filter((o) => right(o, 1)).length, list.length)} ${ratio(list.filter((o) => right(o, 3)).length, list.length)}`);
  }
  const confidentWrong = inScope.filter((o) => o.reply.kind === 'answer' && !right(o, 1));
  console.log(`  kinds (in scope)               ${kinds(inScope)}`);
  console.log(`  wrongful refusals              ${inScope.filter((o) => o.reply.kind === 'refuse').length} of ${inScope.length}`);
  console.log(`  confident wrong answers        ${ratio(confidentWrong.length, inScope.length)}   (${confidentWrong.length}: kind answer, first source not a right procedure)`);
  console.log(`  out of scope refused/redirected${ratio(outOfScope.filter((o) => o.reply.kind === 'refuse').length, outOfScope.length)}   (kinds: ${kinds(outOfScope)})`);
  const ms = [...inScope, ...outOfScope].map((o) => o.ms);
  console.log(`  latency p50 / p95              ${pct(ms, 50).toFixed(1)} ms / ${pct(ms, 95).toFixed(1)} ms`);
  if (values.verbose) {
    console.log(`  not first: ${inScope.filter((o) => !right(o, 1)).map((o) => `${o.c.id}:${o.reply.kind}`).join(' ')}`);
    console.log(`  out of scope not refused: ${outOfScope.filter((o) => o.reply.kind !== 'refuse').map((o) => `${o.c.id}:${o.reply.kind}`).join(' ')}`);
  }
  console.log('');
}
await reportReal();

const tuning = outcomes.filter((o) => !o.holdout);
const heldOut = outcomes.filter((o) => o.holdout);
console.log(`Assistant evaluation: ${cases.length} questions (tests/bot/eval.json), content of seeds/data loaded in ${(loadMs / 1000).toFixed(1)} s, no CMS`);
console.log('Targets: top-1 ≥ 0.90, top-3 ≥ 0.97, out-of-scope refusal recall ≥ 0.95, wrongful refusals ≤ 0.02, p95 ≤ 300 ms');
report('Tuning part (70 %)', tuning);
report('Held-out part (30 %, never looked at while tuning)', heldOut);
report('Whole set', outcomes);

if (values.verbose) {
  const failures = tuning.filter((o) => o.reply.kind !== o.c.kind || (hasSources(o) && !top(o, 1)));
  console.log(`\nTuning part, not as expected (${failures.length}):`);
  for (const o of failures) {
    const got = o.reply.sources.slice(0, 3).map(key).join(', ');
    const cands = o.reply.candidates.slice(0, 3).map((c) => `${c.type}:${c.key} ${c.score}/${c.coverage}`).join(' | ');
    console.log(`  [${o.c.tags.join(', ')}] "${o.c.q}" → ${o.reply.kind} (${o.reply.reason}, ${o.reply.confidence}), want ${o.c.kind} ${o.c.expect.slice(0, 3).join(' | ')}\n      sources: ${got || '—'}\n      candidates: ${cands || '—'}`);
  }
}

if (values.calibrate) {
  // Every tuning question that retrieval decided (not the rules, not a follow-up) is a sample:
  // positive when its best candidate is an expected source of a question that wants an answer.
  const samples = tuning
    .filter((o) => o.reply.features && o.reply.reason !== 'follow-up')
    .map((o): { features: Features; label: 0 | 1 } => ({
      features: o.reply.features as Features,
      label: o.c.kind === 'answer' && o.c.expect.includes(key(o.reply.candidates[0] ?? { type: '', key: '' })) ? 1 : 0,
    }));
  const fit = fitLogistic(samples);
  const current = JSON.parse(fs.readFileSync(defaultCalibrationFile, 'utf8')) as Calibration;
  const next: Calibration = {
    ...current,
    weights: Object.fromEntries(featureNames.map((f) => [f, Math.round(fit.weights[f] * 1000) / 1000])) as Calibration['weights'],
    bias: Math.round(fit.bias * 1000) / 1000,
    fitted: { samples: samples.length, positives: samples.filter((s) => s.label).length, at: new Date().toISOString().slice(0, 10), logLoss: Math.round(fit.logLoss * 1000) / 1000 },
  };
  fs.writeFileSync(defaultCalibrationFile, `${JSON.stringify(next, null, 2)}\n`);
  console.log(`\nCalibration fitted on ${samples.length} tuning questions (log loss ${fit.logLoss.toFixed(3)}), written to ${path.relative(process.cwd(), defaultCalibrationFile)}. Run again to see its effect.`);
}
