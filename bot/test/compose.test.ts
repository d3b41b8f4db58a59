/**
 * Structured answers are built from the procedure's fields only: every number they state is in the
 * source (the procedure and the agencies that handle it), for every described procedure, in both
 * languages, for every aspect.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { formatNumber } from '../src/compose';
import type { Procedure } from '../src/content/types';
import { aspects } from '../src/intents';
import { described, type Knowledge } from '../src/knowledge';
import type { Assistant } from '../src/assistant';
import { sampleAssistant } from './helpers';

let assistant: Assistant;
let knowledge: Knowledge;
before(async () => {
  ({ assistant, knowledge } = await sampleAssistant());
});

/** Numbers as written in Vietnamese or English ("200.000", "VND 200,000", "0,5", "7:30" → 7 and 30), normalised. */
function numbers(text: string): string[] {
  return (text.match(/\d+(?:[.,]\d+)*/g) ?? []).map((token) => {
    if (/^\d{1,3}([.,]\d{3})+$/.test(token)) return token.replace(/[.,]/g, '');
    return token.replace(',', '.');
  });
}

/** Every number of a procedure's record and of the agencies it names, in the same normal form. */
function sourceNumbers(p: Procedure): Set<string> {
  const agencies = (p.agencies ?? []).map((a) => knowledge.agency(p.locale, a.slug));
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'number') found.add(String(value));
    else if (typeof value === 'string') for (const n of numbers(value)) found.add(n);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(p);
  walk(agencies);
  return found;
}

test('every number in a structured answer appears in its source, for all described procedures, aspects and languages', () => {
  let checked = 0;
  for (const locale of ['vi', 'en'] as const) {
    const procedures = knowledge.procedures(locale).filter(described);
    assert.ok(procedures.length >= 60, `${locale}: ${procedures.length} described procedures`);
    for (const p of procedures) {
      const source = sourceNumbers(p);
      for (const asked of [[], ...aspects.map((a) => [a])]) {
        const answer = assistant.composer.procedureAnswer(p, asked);
        for (const n of numbers(answer)) {
          assert.ok(source.has(n), `${locale} ${p.nationalCode} [${asked.join(',') || 'overview'}]: ${n} is not in the source\n${answer}`);
        }
        checked += 1;
      }
    }
  }
  assert.ok(checked > 1000);
});

test('the numbers check does catch an invented number', () => {
  const p = knowledge.procedure('vi', '2.000488')!;
  const source = sourceNumbers(p);
  const tampered = `${assistant.composer.procedureAnswer(p, ['fee'])}\n- Phụ thu: 123.456 đồng`;
  assert.ok(numbers(tampered).some((n) => !source.has(n)));
});

test('fees and time limits come from each channel, grouped when they are the same', () => {
  const company = knowledge.procedure('vi', '2.001610')!; // online cheaper than in person
  const fee = assistant.composer.procedureAnswer(company, ['fee']);
  const amounts = new Set(company.channels.map((c) => c.feeAmount));
  assert.ok(amounts.size > 1, 'the sample has different fees per channel');
  assert.match(fee, /\*\*Trực tuyến\*\*/);
  const birth = knowledge.procedure('vi', '1.001193')!;
  const time = assistant.composer.procedureAnswer(birth, ['time']);
  for (const c of birth.channels) assert.ok(time.includes(c.timeLimitText!), 'the official time-limit text of each channel');
  const documents = assistant.composer.procedureAnswer(birth, ['documents']);
  for (const d of birth.documents) assert.ok(documents.includes(d.name));
  assert.match(documents, /1 bản chính/);
});

test('where to apply names the agencies with their address from the content', () => {
  const p = knowledge.procedure('vi', '2.000488')!;
  const answer = assistant.composer.procedureAnswer(p, ['where']);
  for (const ref of p.agencies) {
    const agency = knowledge.agency('vi', ref.slug)!;
    assert.ok(answer.includes(agency.name), agency.name);
    if (agency.address) assert.ok(answer.includes(agency.address));
  }
});

test('numbers are written the Vietnamese or the English way', () => {
  assert.equal(formatNumber(200000, 'vi'), '200.000');
  assert.equal(formatNumber(200000, 'en'), '200,000');
  assert.equal(formatNumber(0.5, 'vi'), '0,5');
  assert.equal(formatNumber(1500.5, 'en'), '1,500.5');
});
