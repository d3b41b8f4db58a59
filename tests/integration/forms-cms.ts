/**
 * Form templates: the seed loader uploads each form a procedure document names to the media
 * library once, links it as the document's template, and the site reads its url with its token.
 * Each `*.test.ts` beside this file runs it on one database engine.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { docxContentHash, docxMimeType, formDocx, formFileName, readSeedDir, readZip, seed, SeedWriteError } from '@portal/seeds';
import { getService, settings } from '@portal/cms';
import { fixtureSeedDir, request, startCms, type RunningCms } from '../support/cms';
import { describeOnDatabase, type TestDatabase } from '../support/databases';

const form = 'to-khai-dang-ky-khai-sinh';
const birth = '1.001193';
/** What the site asks for: the url and name of each document's template. */
const templateQuery = 'populate[documents][populate][template][fields][0]=url&populate[documents][populate][template][fields][1]=name';

type MediaFile = { id: number; name: string; url: string; mime: string; caption: string; provider: string };

/**
 * The shared fixture, with the birth registration form named by the first document of the birth
 * procedure in both locales. Only this suite uploads: the other suites seed the fixture as it is.
 */
function fixtureWithForm(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-seed-forms-'));
  fs.cpSync(fixtureSeedDir, dir, { recursive: true });
  const file = path.join(dir, 'procedures.json');
  const procedures = JSON.parse(fs.readFileSync(file, 'utf8'));
  const procedure = procedures.find((p: any) => p.nationalCode === birth);
  for (const locale of ['vi', 'en']) procedure[locale].documents[0].form = form;
  fs.writeFileSync(file, JSON.stringify(procedures));
  return dir;
}

/** Adds a line to the fixture form in `dir`: new content, so a new .docx. */
function changeForm(dir: string, label: string): void {
  const file = path.join(dir, 'forms', `${form}.json`);
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  data.items.push({ type: 'line', label });
  fs.writeFileSync(file, JSON.stringify(data));
}

export function formsCmsSuite(database: TestDatabase): void {
  describeOnDatabase('form templates', database, () => {
    let cms: RunningCms;
    let dir: string;
    let token: string;
    let firstRun: Awaited<ReturnType<typeof seed>>;
    const mediaFiles = async () => (await cms.strapi.db.query('plugin::upload.file').findMany({ orderBy: { id: 'asc' } })) as MediaFile[];
    const uploadsDir = () => path.join(cms.strapi.dirs.static.public, 'uploads');
    const templates = async (locale: string) => {
      const { status, body } = await request(cms, 'GET', `/api/procedures?locale=${locale}&filters[nationalCode][$eq]=${birth}&${templateQuery}`, { token });
      assert.equal(status, 200, JSON.stringify(body));
      return (body.data[0].documents as { name: string; template: { url: string; name: string } | null }[]).map((d) => d.template);
    };

    before(async () => {
      cms = await startCms(database);
      dir = fixtureWithForm();
      firstRun = await seed(cms.strapi, dir);
      token = fs.readFileSync(settings().siteTokenFile, 'utf8').trim();
    });
    after(async () => {
      // The upload plugin writes into the CMS app's public/uploads folder, not into the test's
      // data folder: delete what this suite uploaded.
      if (cms) {
        const upload = getService(cms.strapi, 'plugin::upload.upload');
        for (const file of await mediaFiles()) await upload.remove(file);
      }
      await cms?.stop();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    test('uploads the form once, as <slug>.docx with its content hash, before writing the procedure', async () => {
      const { ms: _ms, ...forms } = firstRun.forms;
      assert.deepEqual(forms, { uploaded: 1, kept: 0, removed: 0 });
      const files = await mediaFiles();
      assert.equal(files.length, 1);
      assert.equal(files[0]!.name, formFileName(form));
      assert.equal(files[0]!.mime, docxMimeType);
      assert.match(files[0]!.caption, new RegExp(`^forms/${form}\\.json sha256:[0-9a-f]{64}$`));
      assert.ok(fs.existsSync(path.join(uploadsDir(), path.basename(files[0]!.url))));
    });

    test('the site token reads the template url and name of the document in both locales', async () => {
      const vi = await templates('vi');
      const en = await templates('en');
      assert.match(vi[0]!.url, /^\/uploads\/[^/]+\.docx$/);
      assert.equal(vi[0]!.name, formFileName(form));
      assert.deepEqual(en[0], vi[0], 'both locales link the same file');
      assert.deepEqual(vi.slice(1), [null, null], 'documents without a form have no template');
    });

    test('the public reads the template too, as the site build does without a token', async () => {
      const { status, body } = await request(cms, 'GET', `/api/procedures?locale=vi&filters[nationalCode][$eq]=${birth}&${templateQuery}`);
      assert.equal(status, 200);
      assert.match(body.data[0].documents[0].template.url, /\.docx$/);
    });

    test('serves the .docx bytes at /uploads/<file>', async () => {
      const [template] = await templates('vi');
      const response = await fetch(`${cms.url}${template!.url}`);
      assert.equal(response.status, 200);
      const bytes = Buffer.from(await response.arrayBuffer());
      assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
      const expected = await formDocx(readSeedDir(dir).forms.get(form)!.data);
      assert.equal(docxContentHash(bytes), docxContentHash(expected));
      assert.match(readZip(bytes).get('word/document.xml')!.toString('utf8'), /TỜ KHAI ĐĂNG KÝ KHAI SINH/);
    });

    test('a second run uploads nothing and reports the procedure unchanged', async () => {
      const before = await mediaFiles();
      const again = await seed(cms.strapi, dir);
      assert.equal(again.changed, false);
      assert.deepEqual([again.forms.uploaded, again.forms.kept, again.forms.removed], [0, 1, 0]);
      const { ms: _ms, ...procedures } = again.summary.procedures!;
      assert.deepEqual([procedures.created, procedures.updated], [0, 0]);
      assert.deepEqual(await mediaFiles(), before);
    });

    test('a changed form is uploaded anew, linked in both locales, and the old file is deleted', async () => {
      const [old] = await templates('vi');
      changeForm(dir, 'Số điện thoại liên hệ');
      const result = await seed(cms.strapi, dir);
      assert.deepEqual([result.forms.uploaded, result.forms.removed], [1, 1]);
      assert.equal(result.summary.procedures!.updated, 2, 'the vi and en versions of the procedure');
      const [vi] = await templates('vi');
      const [en] = await templates('en');
      assert.notEqual(vi!.url, old!.url);
      assert.equal(en!.url, vi!.url);
      assert.equal((await mediaFiles()).length, 1);
      assert.equal((await fetch(`${cms.url}${old!.url}`)).status, 404);
    });

    test('a run the CMS refuses mid-way deletes the file it uploaded and keeps the old link (refusal injected by a test middleware)', async () => {
      const before = await mediaFiles();
      const [linked] = await templates('vi');
      const uploads = fs.readdirSync(uploadsDir()).sort();
      const formFile = path.join(dir, 'forms', `${form}.json`);
      const current = fs.readFileSync(formFile);
      changeForm(dir, 'Thư điện tử');
      let refuse = true;
      cms.strapi.documents.use(async (context, next) => {
        if (refuse && context.uid === 'api::procedure.procedure' && context.action === 'update') throw new Error('refused by the test');
        return next();
      });
      try {
        await assert.rejects(seed(cms.strapi, dir), (error: unknown) => {
          assert.ok(error instanceof SeedWriteError, String(error));
          return true;
        });
      } finally {
        refuse = false;
        fs.writeFileSync(formFile, current);
      }
      assert.deepEqual(await mediaFiles(), before);
      assert.deepEqual(fs.readdirSync(uploadsDir()).sort(), uploads);
      assert.deepEqual((await templates('vi'))[0], linked);
    });

    test('uploads again when the file behind the media entry is gone from the uploads folder', async () => {
      const [template] = await templates('vi');
      fs.rmSync(path.join(uploadsDir(), path.basename(template!.url)));
      const result = await seed(cms.strapi, dir);
      assert.deepEqual([result.forms.uploaded, result.forms.removed], [1, 1]);
      const [now] = await templates('vi');
      assert.equal((await fetch(`${cms.url}${now!.url}`)).status, 200);
      assert.equal((await mediaFiles()).length, 1);
    });

    test('keeps an earlier template that a document outside the seed still uses', async () => {
      const [file] = await mediaFiles();
      await cms.strapi.documents('api::procedure.procedure').create({
        locale: 'vi',
        status: 'published',
        data: {
          nationalCode: '1.000656',
          code: '1.000656.000.00.00.H36',
          name: 'Thủ tục đăng ký khai tử',
          slug: 'dang-ky-khai-tu',
          serviceLevel: 'mot-phan',
          levels: ['cap-xa'],
          documents: [{ name: 'Tờ khai đăng ký khai sinh của người đã chết (bản sao)', template: file!.id }],
        } as any,
      });
      changeForm(dir, 'Nghề nghiệp');
      const result = await seed(cms.strapi, dir);
      assert.deepEqual([result.forms.uploaded, result.forms.removed], [1, 0]);
      assert.deepEqual((await mediaFiles()).map((f) => f.id).slice(0, 1), [file!.id]);
      assert.equal((await fetch(`${cms.url}${file!.url}`)).status, 200);
    });
  });
}
