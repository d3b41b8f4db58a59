/**
 * The forms in seeds/data/forms: valid, written in NFC Vietnamese, each turned into a .docx that
 * opens, and linked from the procedure documents that are those forms. No CMS needed.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { docxContentHash, formDocx, readSeedDir, readZip, sampleDataDir } from '../src/index';
import { problemsOf, seedDir } from './support';
import { usedForms } from '../src/templates';

const formsDir = path.join(sampleDataDir, 'forms');
const set = readSeedDir(sampleDataDir);
const procedures = new Map(set.get('procedures')!.map((r) => [r.key, r.data as Record<string, any>]));
const formOf = (code: string, locale: 'vi' | 'en' = 'vi') => (procedures.get(code)![locale].documents as { form?: string }[]).map((d) => d.form);

/** Text of a .docx body, with its XML entities decoded. */
const bodyText = (docx: Buffer) =>
  readZip(docx)
    .get('word/document.xml')!
    .toString('utf8')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

test('every file in forms/ is a valid form, read by the loader under its file name', () => {
  const files = fs.readdirSync(formsDir).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 12, `${files.length} forms`);
  assert.deepEqual([...set.forms.keys()].sort(), files.map((f) => f.slice(0, -'.json'.length)).sort());
});

test('form files are Unicode NFC Vietnamese with the diacritics and the parts of an official form', () => {
  const vietnamese = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
  for (const form of set.forms.values()) {
    const raw = fs.readFileSync(path.join(formsDir, `${form.slug}.json`), 'utf8');
    assert.equal(raw, raw.normalize('NFC'), `${form.slug} is not NFC`);
    assert.doesNotMatch(raw, /Ã|á»|Æ°|Ä‘|\uFFFD/, `${form.slug}: mojibake`);
    assert.match(form.data.title, vietnamese, form.slug);
    assert.match(form.data.commitment, /cam (đoan|kết)/, `${form.slug}: no commitment`);
    assert.ok(form.data.items.some((i) => i.type !== 'heading' && i.type !== 'text'), `${form.slug}: nothing to fill in`);
  }
});

test('every form becomes a .docx that unzips, with the header, the title in capitals and every label', async () => {
  for (const form of set.forms.values()) {
    const docx = await formDocx(form.data);
    assert.equal(docx.subarray(0, 2).toString('latin1'), 'PK', form.slug);
    const files = readZip(docx);
    for (const part of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']) assert.ok(files.has(part), `${form.slug}: no ${part}`);
    const text = bodyText(docx);
    assert.ok(text.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), form.slug);
    assert.ok(text.includes('Độc lập - Tự do - Hạnh phúc'), form.slug);
    assert.ok(text.includes(form.data.title.toLocaleUpperCase('vi')), `${form.slug}: no title in capitals`);
    assert.ok(text.includes('Times New Roman') || files.get('word/styles.xml')!.toString('utf8').includes('Times New Roman'), `${form.slug}: font`);
    for (const item of form.data.items) {
      const labels = 'labels' in item ? item.labels : 'label' in item ? [item.label] : [item.text];
      for (const label of labels) assert.ok(text.includes(label), `${form.slug}: "${label}" missing from the .docx`);
    }
    assert.ok(text.includes(form.data.commitment), `${form.slug}: commitment`);
    assert.ok(text.includes('ngày …… tháng …… năm'), `${form.slug}: date line`);
    for (const signer of form.data.signers) assert.ok(text.includes(signer.title) && text.includes(signer.note), `${form.slug}: signature block`);
  }
});

test('the same form gives the same content hash on every run, and another form another one', async () => {
  const hashes = new Set<string>();
  for (const form of set.forms.values()) {
    const first = docxContentHash(await formDocx(form.data));
    assert.equal(docxContentHash(await formDocx(form.data)), first, form.slug);
    hashes.add(first);
  }
  assert.equal(hashes.size, set.forms.size);
});

test('every form is used, and each procedure names the same forms in Vietnamese and in English', () => {
  assert.deepEqual(usedForms(set), [...set.forms.keys()].sort());
  for (const [code, p] of procedures) {
    if (!p.en?.documents) continue;
    assert.deepEqual(formOf(code, 'en'), formOf(code, 'vi'), `${code}: the vi and en documents name different forms`);
  }
});

test('the core procedures offer their main form', () => {
  const expected: [string, string][] = [
    ['1.001193', 'to-khai-dang-ky-khai-sinh'],
    ['1.000894', 'to-khai-dang-ky-ket-hon'],
    ['1.000656', 'to-khai-dang-ky-khai-tu'],
    ['1.004873', 'to-khai-xac-nhan-tinh-trang-hon-nhan'],
    ['2.000488', 'to-khai-yeu-cau-cap-phieu-ly-lich-tu-phap'],
    ['1.001612', 'giay-de-nghi-dang-ky-ho-kinh-doanh'],
    ['1.013225', 'don-de-nghi-cap-giay-phep-xay-dung'],
    ['1.012783', 'don-dang-ky-bien-dong-dat-dai'],
    ['1.004859', 'to-khai-thay-doi-cai-chinh-bo-sung-ho-tich'],
    ['1.001022', 'to-khai-dang-ky-nhan-cha-me-con'],
    ['1.004837', 'to-khai-dang-ky-giam-ho'],
    ['1.001776', 'to-khai-de-nghi-tro-giup-xa-hoi'],
  ];
  for (const [code, form] of expected) assert.equal(formOf(code)[0], form, code);
});

const procedure = (form: string) => ({
  nationalCode: '1.001193',
  code: '1.001193.000.00.00.H36',
  slug: 'dang-ky-khai-sinh',
  serviceLevel: 'mot-phan',
  levels: ['cap-xa'],
  field: 'ho-tich',
  vi: { name: 'Thủ tục đăng ký khai sinh', documents: [{ name: 'Giấy chứng sinh' }, { name: 'Tờ khai đăng ký khai sinh', form }] },
});
const fields = [{ slug: 'ho-tich', vi: { name: 'Hộ tịch' } }];
const birthForm = JSON.parse(fs.readFileSync(path.join(formsDir, 'to-khai-dang-ky-khai-sinh.json'), 'utf8'));

test('refuses a document naming a form that has no file, naming the file, the record and the attribute', () => {
  const dir = seedDir({ 'fields.json': fields, 'procedures.json': [procedure('to-khai-khong-co')], 'forms/to-khai-dang-ky-khai-sinh.json': birthForm });
  assert.deepEqual(problemsOf(dir), [
    `${path.relative(process.cwd(), path.join(dir, 'procedures.json'))} › record 1 (nationalCode 1.001193) › vi.documents.1.form: no form file forms/to-khai-khong-co.json`,
  ]);
});

test('refuses an invalid form file, naming the file and the attribute', () => {
  const broken = { ...birthForm, title: 'Tờ khai'.normalize('NFD'), items: [{ type: 'table', label: 'Bảng', columns: ['Một'] }] };
  const dir = seedDir({ 'fields.json': fields, 'procedures.json': [procedure('to-khai-dang-ky-khai-sinh')], 'forms/to-khai-dang-ky-khai-sinh.json': broken });
  const problems = problemsOf(dir);
  assert.ok(problems.some((p) => /forms\/to-khai-dang-ky-khai-sinh\.json › title: is not Unicode NFC/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /forms\/to-khai-dang-ky-khai-sinh\.json › items\.0\.columns: needs at least two columns/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /vi\.documents\.1\.form: no form file/.test(p)), 'the reference to the refused form is reported too');
});

test('accepts a document that names an existing form', () => {
  const dir = seedDir({ 'fields.json': fields, 'procedures.json': [procedure('to-khai-dang-ky-khai-sinh')], 'forms/to-khai-dang-ky-khai-sinh.json': birthForm });
  assert.deepEqual(usedForms(readSeedDir(dir)), ['to-khai-dang-ky-khai-sinh']);
});
