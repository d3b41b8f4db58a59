/**
 * Checks on the real content in seeds/data: what the loader's schemas cannot see.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { readSeedDir, sampleDataDir } from '../src/index';

const set = readSeedDir(sampleDataDir);
const records = (name: Parameters<typeof set.get>[0]) => set.get(name)!.map((r) => r.data as Record<string, any>);
const procedures = new Map(records('procedures').map((p) => [p.nationalCode as string, p]));
const faqs = records('faqs');
const coreCodes = parse<{ code: string }>(fs.readFileSync(path.join(sampleDataDir, 'core-procedures.csv')), { columns: true }).map((r) =>
  r.code.slice(0, 8),
);

/** What "the same question" means: case, spacing, punctuation and diacritics ignored. */
const normalise = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

test('the bank has at least 500 Vietnamese and 100 English FAQs, each with 3 ways citizens ask it', () => {
  assert.ok(faqs.length >= 500, `${faqs.length} Vietnamese FAQs`);
  assert.ok(faqs.filter((f) => f.en).length >= 100, `${faqs.filter((f) => f.en).length} English FAQs`);
  for (const f of faqs) {
    for (const locale of ['vi', 'en'] as const) {
      if (f[locale]) assert.ok(f[locale].alternativeQuestions.length >= 3, `${f.slug} (${locale}) has fewer than 3 alternative questions`);
    }
  }
});

test('no two FAQ questions are the same once case, spacing and diacritics are ignored', () => {
  for (const locale of ['vi', 'en'] as const) {
    const owner = new Map<string, string>();
    for (const f of faqs.filter((x) => x[locale])) {
      for (const q of [f[locale].question, ...f[locale].alternativeQuestions]) {
        const key = normalise(q);
        const other = owner.get(key);
        assert.ok(!other || other === f.slug, `"${q}" (${f.slug}) repeats a question of ${other}`);
        owner.set(key, f.slug);
      }
    }
  }
});

test('every FAQ is linked to its field, and to its procedure unless it is general', () => {
  for (const f of faqs) {
    assert.ok(f.field, `${f.slug} has no field`);
    if (f.procedure) assert.equal(f.field, procedures.get(f.procedure)!.field, `${f.slug} is filed under another field than its procedure`);
  }
});

test('the catalogue lists every procedure once, and all 60 core procedures', () => {
  assert.equal(procedures.size, 1294);
  assert.equal(coreCodes.length, 60);
  for (const code of coreCodes) assert.ok(procedures.has(code), `core procedure ${code} is missing`);
});

/**
 * Core procedures that no life event fits: organisations' land changes, large works, groundwater
 * licences, commendations, and folk-belief registration are not moments of a citizen's life.
 */
const withoutLifeEvent = new Set(['1.012770', '1.013233', '1.004223', '1.012373', '1.012592']);

test('every core procedure is complete in Vietnamese and English and has at least 6 FAQs', () => {
  for (const code of coreCodes) {
    const p = procedures.get(code)!;
    assert.ok(p.audiences?.length && p.agencies?.length, `${code}: audiences and agencies`);
    assert.equal(Boolean(p.lifeEvents?.length), !withoutLifeEvent.has(code), `${code}: life events`);
    for (const locale of ['vi', 'en'] as const) {
      const t = p[locale];
      assert.ok(t, `${code} has no ${locale} text`);
      for (const part of ['name', 'procedureType', 'requirements', 'result']) assert.ok(t[part], `${code} (${locale}) lacks ${part}`);
      for (const part of ['steps', 'channels', 'documents', 'legalBasis', 'keywords']) assert.ok(t[part]?.length, `${code} (${locale}) lacks ${part}`);
      for (const c of t.channels) {
        assert.ok(c.timeLimitDays != null || c.timeLimitText, `${code} (${locale}) ${c.channel}: no time limit`);
        assert.ok(c.feeText, `${code} (${locale}) ${c.channel}: no fee text`);
      }
    }
    const count = faqs.filter((f) => f.procedure === code).length;
    assert.ok(count >= 6, `${code} has ${count} FAQs`);
  }
});

/** Fees (VND) and working-day counts written in a text, in the formats CONTENT.md sets. */
function statedNumbers(text: string, locale: 'vi' | 'en') {
  const fees = locale === 'vi'
    ? [...text.matchAll(/(\d{1,3}(?:\.\d{3})+|\d+)\s*đồng/g)].map((m) => Number(m[1]!.replace(/\./g, '')))
    : [...text.matchAll(/VND\s*(\d{1,3}(?:,\d{3})+|\d+)|(\d{1,3}(?:,\d{3})+|\d+)\s*VND/g)].map((m) => Number((m[1] ?? m[2])!.replace(/,/g, '')));
  const days = [...text.matchAll(locale === 'vi' ? /(\d+(?:,\d+)?)\s*ngày làm việc/g : /(\d+(?:\.\d+)?)\s*working days?/g)].map((m) =>
    Number(m[1]!.replace(',', '.')),
  );
  return { fees, days };
}

test('every fee and working-day count an FAQ answer states matches its procedure', () => {
  for (const f of faqs) {
    for (const locale of ['vi', 'en'] as const) {
      if (!f[locale]) continue;
      const { fees, days } = statedNumbers(f[locale].answer, locale);
      if (!f.procedure) {
        assert.deepEqual({ fees, days }, { fees: [], days: [] }, `${f.slug}: a general FAQ states a fee or a time limit`);
        continue;
      }
      const channels = procedures.get(f.procedure)![locale]?.channels ?? procedures.get(f.procedure)!.vi.channels ?? [];
      const inTexts = channels.map((c: any) => `${c.timeLimitText ?? ''} ${c.feeText ?? ''}`).join(' ');
      const known = statedNumbers(inTexts, locale);
      const knownFees = new Set([...channels.map((c: any) => c.feeAmount), ...known.fees]);
      const knownDays = new Set([...channels.map((c: any) => c.timeLimitDays), ...known.days]);
      for (const fee of fees) assert.ok(knownFees.has(fee), `${f.slug} (${locale}) states a fee of ${fee} that ${f.procedure} does not have`);
      for (const day of days) assert.ok(knownDays.has(day), `${f.slug} (${locale}) states ${day} working days that ${f.procedure} does not have`);
    }
  }
});

test('Vietnamese text carries its diacritics and no mojibake', () => {
  const vietnamese = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
  const mojibake = /Ã|á»|Æ°|Ä‘|\uFFFD/;
  const texts: [string, string][] = [
    ...faqs.flatMap((f) => [[f.slug, f.vi.question], [f.slug, f.vi.answer]] as [string, string][]),
    ...[...procedures.values()].map((p) => [p.nationalCode, p.vi.name] as [string, string]),
    ...records('news').map((n) => [n.slug, `${n.vi.title} ${n.vi.body ?? ''}`] as [string, string]),
  ];
  for (const [key, text] of texts) {
    assert.match(text, vietnamese, `${key}: "${text.slice(0, 60)}" has no Vietnamese diacritics`);
    assert.doesNotMatch(text, mojibake, `${key}: mojibake in "${text.slice(0, 60)}"`);
  }
});

test('every life event groups at least two procedures', () => {
  for (const event of records('life-events')) {
    const count = [...procedures.values()].filter((p) => p.lifeEvents?.includes(event.slug)).length;
    assert.ok(count >= 2, `${event.slug} groups ${count} procedures`);
  }
});

test('slugs are unique within each type', () => {
  for (const [name, list] of set) {
    const slugs = list.map((r) => r.data.slug);
    assert.equal(new Set(slugs).size, slugs.length, `${name} repeats a slug`);
  }
});

test('news cover the last year, at least 40 items', () => {
  const news = records('news');
  assert.ok(news.length >= 40);
  const dates = news.map((n) => n.publishedOn as string).sort();
  assert.ok(dates[0]! >= '2025-11-01' && dates.at(-1)! <= '2026-12-31', `${dates[0]} … ${dates.at(-1)}`);
});
