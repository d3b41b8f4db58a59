/**
 * Everyday vocabulary (bot/data/colloquial.json) against its toneless twins: a citizen typing
 * without diacritics writes "de con" for "đẻ con" and for "để con", so a phrase that matches input
 * typed without marks must not have a twin — the same letters with other marks — anywhere in the
 * content; and marks that are typed must agree ("cuối năm" is not "cưới").
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { Synonyms } from '@portal/search';
import { Glossary, defaultColloquialFile, readPairs } from '../src/glossary';
import { wordsOf, type Words } from '../src/text';
import { SeedContentSource } from './support/seed-content';

let texts: Words[] = [];
before(async () => {
  const content = await new SeedContentSource().load();
  texts = [
    ...content.vi.procedures.flatMap((p) => [p.name, JSON.stringify(p)]),
    ...content.vi.faqs.flatMap((f) => [f.question, f.answer, ...(f.alternativeQuestions ?? [])]),
  ].map(wordsOf);
});

/** The marked forms in the content that fold to the phrase's letters but carry other marks. */
function twins(phrase: string): string[] {
  const wanted = wordsOf(phrase);
  const n = wanted.folded.length;
  const found = new Set<string>();
  for (const t of texts) {
    for (let i = 0; i + n <= t.folded.length; i++) {
      if (!wanted.folded.every((w, j) => t.folded[i + j] === w)) continue;
      const marks = wanted.folded.map((_, j) => t.marks[i + j] ?? '');
      if (marks.some((m, j) => m !== (wanted.marks[j] ?? '')) && marks.some((m) => m !== '')) found.add(`${t.folded.slice(i, i + n).join(' ')} [${marks.join('|')}]`);
    }
  }
  return [...found];
}

test('no everyday phrase that matches a question typed without diacritics has a toneless twin in the content', () => {
  const colliding: string[] = [];
  for (const [everyday] of readPairs(defaultColloquialFile)) {
    const w = wordsOf(everyday);
    // A single syllable with marks matches only as typed (strict marks): its twins cannot reach it.
    if (w.folded.length === 1 && w.marks[0]) continue;
    const found = twins(everyday);
    if (found.length) colliding.push(`${everyday}: ${found.join(', ')}`);
  }
  assert.deepEqual(colliding, []);
  assert.ok(twins('đẻ con').length > 0, 'the check finds a known twin ("để con")');
});

test('every pair mined since 2026-12 names a public page where citizens use the everyday form', () => {
  const pairs = readPairs(defaultColloquialFile);
  const withEvidence = pairs.filter((p) => p.length > 2);
  assert.ok(withEvidence.length >= 20, `${withEvidence.length} pairs with evidence`);
  for (const [everyday, , ...evidence] of withEvidence) for (const url of evidence) assert.match(url, /^https?:\/\/[^\s]+$/, everyday);
});

test('typed marks must agree: "cuối năm" is not a wedding, "cưới" is, and toneless "cuoi" alone is left as typed', () => {
  const colloquial = new Glossary(defaultColloquialFile);
  const formal = (q: string) => colloquial.translate(q, () => true, () => false).text;
  assert.equal(formal('Cuối năm tôi muốn làm giấy tờ'), 'cuoi nam toi muon lam giay to');
  assert.equal(formal('tôi muốn cưới vợ'), 'toi muon kết hôn');
  assert.equal(formal('cuoi nam nay'), 'cuoi nam nay');
  assert.equal(formal('dam cuoi xong thi dang ky o dau'), 'kết hôn xong thi dang ki o dau');
});

test('the search synonyms do not read "nộp hồ sơ" or "làm hồ sơ" (toneless "nop ho so") as a proxy filing ("nộp hộ")', () => {
  const synonyms = Synonyms.fromFile();
  for (const q of ['nộp hồ sơ ở đâu', 'nop ho so o dau', 'làm hồ sơ đăng ký kết hôn', 'lam ho so dang ky ket hon']) {
    const groups = synonyms.expand(q, 'vi').groups.map((g) => g.map((p) => p.join(' ')));
    assert.ok(!groups.some((g) => g.includes('uy quyen')), `${q}: ${JSON.stringify(groups)}`);
  }
  assert.ok(synonyms.expand('nhờ người nộp hồ sơ thay', 'vi').groups.some((g) => g.some((p) => p.join(' ') === 'uy quyen')), 'a proxy filing is still one');
});
