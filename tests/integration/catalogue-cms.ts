/**
 * The catalogue CMS as the public, editors and the seed loader meet it, on one database.
 * Each `*.test.ts` beside this file runs it on one database engine.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { seed, SeedValidationError, SeedWriteError, siteTokenName } from '@portal/seeds';
import { settings } from '@portal/cms';
import { fixtureSeedDir, request, startCms, type RunningCms } from '../support/cms';
import { describeOnDatabase, type TestDatabase } from '../support/databases';

const fixture = (file: string) => JSON.parse(fs.readFileSync(path.join(fixtureSeedDir, file), 'utf8')) as any[];
const inLocale = (records: any[], locale: string) => records.filter((r) => r[locale]).length;

/** Row counts of every catalogue table: what "the database is unchanged" means here. */
async function snapshot(cms: RunningCms) {
  const uids = ['api::procedure.procedure', 'api::faq.faq', 'api::news.news-item', 'api::field.field', 'api::agency.agency', 'api::life-event.life-event'] as const;
  const counts: Record<string, number> = {};
  for (const uid of uids) counts[uid] = await cms.strapi.db.query(uid).count();
  const latest = await cms.strapi.db.query('api::procedure.procedure').findMany({ select: ['updatedAt'], orderBy: { updatedAt: 'desc' }, limit: 1 });
  return { counts, latestUpdate: latest[0]?.updatedAt ?? null };
}

function copyFixture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-seed-'));
  fs.cpSync(fixtureSeedDir, dir, { recursive: true });
  return dir;
}

export function catalogueCmsSuite(database: TestDatabase): void {
  describeOnDatabase('catalogue CMS', database, () => {
    let cms: RunningCms;
    let firstRun: Awaited<ReturnType<typeof seed>>;
    before(async () => {
      cms = await startCms(database);
      firstRun = await seed(cms.strapi, fixtureSeedDir);
    });
    after(async () => {
      await cms?.stop();
    });

    describe('seed loader', () => {
      test('writes every record of the fixture in each of its locales', () => {
        assert.equal(firstRun.changed, true);
        assert.equal(firstRun.summary.procedures!.created, inLocale(fixture('procedures.json'), 'vi') + inLocale(fixture('procedures.json'), 'en'));
        assert.equal(firstRun.summary.faqs!.created, inLocale(fixture('faqs.json'), 'vi') + inLocale(fixture('faqs.json'), 'en'));
        assert.equal(firstRun.summary.news!.created, 4);
      });

      test('changes nothing when run a second time, and says so', async () => {
        const before = await snapshot(cms);
        const again = await seed(cms.strapi, fixtureSeedDir);
        assert.equal(again.changed, false);
        for (const counts of Object.values(again.summary)) assert.deepEqual([counts.created, counts.updated], [0, 0]);
        assert.deepEqual(await snapshot(cms), before);
      });

      test('updates only the record whose file changed', async () => {
        const dir = copyFixture();
        const news = JSON.parse(fs.readFileSync(path.join(dir, 'news.json'), 'utf8'));
        news[0].vi.summary = `${news[0].vi.summary} (cập nhật)`;
        fs.writeFileSync(path.join(dir, 'news.json'), JSON.stringify(news));
        const result = await seed(cms.strapi, dir);
        const { ms: _ms, ...newsCounts } = result.summary.news!;
        assert.deepEqual(newsCounts, { created: 0, updated: 1, unchanged: 3 });
        const { body } = await request(cms, 'GET', `/api/news?locale=vi&filters[slug][$eq]=${news[0].slug}`);
        assert.match(body.data[0].summary, /\(cập nhật\)$/);
        await seed(cms.strapi, fixtureSeedDir); // back to the fixture for the other tests
      });

      test('refuses an invalid file with a message naming the file and the record, and writes nothing', async () => {
        const dir = copyFixture();
        const procedures = JSON.parse(fs.readFileSync(path.join(dir, 'procedures.json'), 'utf8'));
        procedures[1].serviceLevel = 'muc-do-5';
        procedures.push({ ...procedures[0], nationalCode: '1.999999', slug: 'thu-tuc-moi', vi: { name: 'Thủ tục mới' } });
        delete procedures[0].en;
        fs.writeFileSync(path.join(dir, 'procedures.json'), JSON.stringify(procedures));
        const before = await snapshot(cms);
        await assert.rejects(seed(cms.strapi, dir), (error: unknown) => {
          assert.ok(error instanceof SeedValidationError);
          assert.match(error.message, /procedures\.json › record 2 \(nationalCode 1\.000894\) › serviceLevel:/);
          return true;
        });
        assert.deepEqual(await snapshot(cms), before);
      });

      test('rolls back the whole run when the CMS refuses a record mid-way (refusal injected by a test middleware)', async () => {
        const dir = copyFixture();
        const news = JSON.parse(fs.readFileSync(path.join(dir, 'news.json'), 'utf8'));
        news.push({ ...news[0], slug: 'tin-bi-tu-choi', vi: { ...news[0].vi, title: 'Tin bị từ chối' }, en: undefined });
        fs.writeFileSync(path.join(dir, 'news.json'), JSON.stringify(news));
        const procedures = JSON.parse(fs.readFileSync(path.join(dir, 'procedures.json'), 'utf8'));
        procedures[0].vi.result = 'Giấy khai sinh (đã sửa trong lần chạy bị hủy)';
        fs.writeFileSync(path.join(dir, 'procedures.json'), JSON.stringify(procedures));
        let refuse = true;
        cms.strapi.documents.use(async (context, next) => {
          const data = (context.params as { data?: { slug?: string } }).data;
          if (refuse && context.action === 'create' && data?.slug === 'tin-bi-tu-choi') throw new Error('refused by the test');
          return next();
        });
        const before = await snapshot(cms);
        try {
          await assert.rejects(seed(cms.strapi, dir), (error: unknown) => {
            assert.ok(error instanceof SeedWriteError);
            assert.match(error.message, /news\.json › record 3 \(slug tin-bi-tu-choi\)/);
            return true;
          });
        } finally {
          refuse = false;
        }
        assert.deepEqual(await snapshot(cms), before);
        const { body } = await request(cms, 'GET', '/api/procedures?locale=vi&filters[nationalCode][$eq]=1.001193');
        assert.doesNotMatch(body.data[0].result, /bị hủy/);
      });

      test('gives the site build a read-only token that reads the catalogue and cannot write', async () => {
        const token = fs.readFileSync(settings().siteTokenFile, 'utf8').trim();
        assert.equal(firstRun.siteToken, 'created');
        const read = await request(cms, 'GET', '/api/faqs?locale=vi', { token });
        assert.equal(read.status, 200);
        const write = await request(cms, 'POST', '/api/news', { token, body: { data: { title: 'x' } } });
        assert.equal(write.status, 403);
        const users = await request(cms, 'GET', '/api/users', { token });
        assert.equal(users.status, 403);
        const tokens = await cms.strapi.db.query('admin::api-token').findMany({ where: { name: siteTokenName } });
        assert.equal(tokens.length, 1);
      });
    });

    describe('public REST API', () => {
      test('lists the published procedures in Vietnamese and in English', async () => {
        const vi = await request(cms, 'GET', '/api/procedures?locale=vi');
        const en = await request(cms, 'GET', '/api/procedures?locale=en');
        assert.equal(vi.status, 200);
        assert.equal(vi.body.meta.pagination.total, inLocale(fixture('procedures.json'), 'vi'));
        assert.equal(en.body.meta.pagination.total, inLocale(fixture('procedures.json'), 'en'));
        const birth = en.body.data.find((p: any) => p.nationalCode === '1.001193');
        assert.equal(birth.name, 'Birth registration');
        assert.equal(birth.code, '1.001193.000.00.00.H36');
      });

      test('answers in Vietnamese when no locale is given', async () => {
        const { body } = await request(cms, 'GET', '/api/procedures');
        assert.ok(body.data.some((p: any) => p.name === 'Thủ tục đăng ký khai sinh'));
      });

      test('lists the published FAQs in each locale', async () => {
        const vi = await request(cms, 'GET', '/api/faqs?locale=vi');
        const en = await request(cms, 'GET', '/api/faqs?locale=en');
        assert.equal(vi.body.meta.pagination.total, inLocale(fixture('faqs.json'), 'vi'));
        assert.equal(en.body.meta.pagination.total, inLocale(fixture('faqs.json'), 'en'));
        assert.ok(Array.isArray(vi.body.data[0].alternativeQuestions));
      });

      test('links each locale of a procedure to the same locale of its field, agencies and related procedures', async () => {
        const query = 'filters[nationalCode][$eq]=1.000894&populate[field]=true&populate[agencies]=true&populate[relatedProcedures]=true&populate[channels]=true';
        const en = (await request(cms, 'GET', `/api/procedures?locale=en&${query}`)).body.data[0];
        const vi = (await request(cms, 'GET', `/api/procedures?locale=vi&${query}`)).body.data[0];
        assert.equal(en.field.name, 'Civil status');
        assert.equal(vi.field.name, 'Hộ tịch');
        assert.match(en.agencies[0].name, /People's Committee/);
        assert.deepEqual(en.relatedProcedures.map((p: any) => p.name), ['Birth registration']);
        assert.deepEqual(vi.channels.map((c: any) => [c.channel, c.timeLimitDays, c.feeAmount]), [['truc-tiep', 5, 0], ['truc-tuyen', 5, 0]]);
      });

      test('hides drafts: a new draft is not listed and cannot be fetched', async () => {
        const draft = await cms.strapi.documents('api::faq.faq').create({
          locale: 'vi',
          data: { question: 'Câu hỏi còn nháp?', slug: 'cau-hoi-con-nhap', answer: 'Chưa duyệt.', alternativeQuestions: ['cau hoi nhap', 'nhap', 'chua duyet'] } as any,
        });
        const list = await request(cms, 'GET', '/api/faqs?locale=vi&pagination[pageSize]=100');
        assert.ok(!list.body.data.some((f: any) => f.slug === 'cau-hoi-con-nhap'));
        const one = await request(cms, 'GET', `/api/faqs/${draft.documentId}?locale=vi`);
        assert.equal(one.status, 404);
      });

      test('shows the published version while an editor changes the draft', async () => {
        const docs = cms.strapi.documents('api::news.news-item');
        const [item] = await docs.findMany({ locale: 'vi', status: 'draft', filters: { slug: 'lich-tiep-nhan-ho-so-dip-quoc-khanh' } });
        await docs.update({ documentId: item!.documentId, locale: 'vi', data: { title: 'Tiêu đề chưa duyệt' } as any });
        const { body } = await request(cms, 'GET', `/api/news/${item!.documentId}?locale=vi`);
        assert.equal(body.data.title, 'Lịch tiếp nhận hồ sơ dịp nghỉ lễ Quốc khánh 2/9');
      });

      test('refuses to create, update or delete without a token', async () => {
        const { body } = await request(cms, 'GET', '/api/faqs?locale=vi');
        const id = body.data[0].documentId;
        assert.equal((await request(cms, 'POST', '/api/faqs', { body: { data: { question: 'x' } } })).status, 403);
        assert.equal((await request(cms, 'PUT', `/api/faqs/${id}`, { body: { data: { question: 'x' } } })).status, 403);
        assert.equal((await request(cms, 'DELETE', `/api/faqs/${id}`)).status, 403);
        assert.equal((await request(cms, 'POST', '/api/fields', { body: { data: { name: 'x' } } })).status, 403);
      });

      test('gives the public nothing outside the catalogue: no users, no sign-up', async () => {
        assert.equal((await request(cms, 'GET', '/api/users')).status, 403);
        const signUp = await request(cms, 'POST', '/api/auth/local/register', { body: { username: 'a', email: 'a@b.vn', password: 'Abcdef12' } });
        assert.ok([403, 404].includes(signUp.status), `sign-up answered ${signUp.status}`);
      });

      describe('with a full-access token', () => {
        let token: string;
        before(async () => {
          const service = cms.strapi.service('admin::api-token-content-api') as any;
          token = (await service.create({ name: 'test full access', type: 'full-access', lifespan: null })).accessKey;
        });
        const valid = {
          nationalCode: '1.000656',
          code: '1.000656.000.00.00.H36',
          name: 'Thủ tục đăng ký khai tử',
          slug: 'dang-ky-khai-tu',
          serviceLevel: 'mot-phan',
          levels: ['cap-xa'],
        };

        test('answers 400 naming the field when an enumeration is wrong', async () => {
          const { status, body } = await request(cms, 'POST', '/api/procedures?locale=vi', { token, body: { data: { ...valid, serviceLevel: 'muc-do-5' } } });
          assert.equal(status, 400);
          assert.equal(body.error.name, 'ValidationError');
          assert.deepEqual(body.error.details.errors.map((e: any) => e.path.join('.')), ['serviceLevel']);
        });

        test('answers 400 naming the field when a list holds an unknown level', async () => {
          const { status, body } = await request(cms, 'POST', '/api/procedures?locale=vi', { token, body: { data: { ...valid, levels: ['cap-xa', 'cap-sao-hoa'] } } });
          assert.equal(status, 400);
          assert.match(body.error.message, /^levels\.1: /);
        });

        test('answers 400 naming the field when the national code is malformed', async () => {
          const { status, body } = await request(cms, 'POST', '/api/procedures?locale=vi', { token, body: { data: { ...valid, nationalCode: '1000656' } } });
          assert.equal(status, 400);
          assert.deepEqual(body.error.details.errors.map((e: any) => e.path.join('.')), ['nationalCode']);
        });

        test('accepts a valid procedure and stores its text in Unicode NFC', async () => {
          const decomposed = valid.name.normalize('NFD');
          const { status, body } = await request(cms, 'POST', '/api/procedures?locale=vi', { token, body: { data: { ...valid, name: decomposed } } });
          assert.equal(status, 201);
          assert.equal(body.data.name, valid.name.normalize('NFC'));
          assert.notEqual(decomposed, body.data.name);
        });
      });
    });

    test(`runs on ${database}`, () => {
      const client = cms.strapi.config.get('database.connection.client');
      assert.equal(client, database === 'postgres' ? 'postgres' : 'sqlite');
    });

    describe('admin roles', () => {
      test('vi is the default locale and en exists', async () => {
        const locales: { getDefaultLocale(): Promise<unknown>; findByCode(code: string): Promise<unknown> } = cms.strapi.plugin('i18n').service('locales');
        assert.equal(await locales.getDefaultLocale(), 'vi');
        assert.ok(await locales.findByCode('en'));
      });

      test('an editor creates and publishes a procedure and reads search misses in the admin, but cannot manage admin users', async () => {
        const editorRole = await (cms.strapi.service('admin::role') as any).findOne({ code: 'strapi-editor' });
        await (cms.strapi.service('admin::user') as any).create({
          email: 'bien.tap@test.local', firstname: 'Biên', lastname: 'Tập', password: 'Editor-pass-2026', isActive: true, roles: [editorRole.id],
        });
        const login = await request(cms, 'POST', '/admin/login', { body: { email: 'bien.tap@test.local', password: 'Editor-pass-2026' } });
        assert.equal(login.status, 200);
        const token = login.body.data.token;
        const base = '/content-manager/collection-types/api::procedure.procedure';
        const created = await request(cms, 'POST', `${base}?locale=vi`, {
          token,
          body: { nationalCode: '1.004884', code: '1.004884.000.00.00.H36', name: 'Thủ tục đăng ký lại khai sinh', slug: 'dang-ky-lai-khai-sinh', serviceLevel: 'mot-phan', levels: ['cap-xa'] },
        });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        const published = await request(cms, 'POST', `${base}/${created.body.data.documentId}/actions/publish?locale=vi`, { token, body: {} });
        assert.equal(published.status, 200, JSON.stringify(published.body));
        const publicRead = await request(cms, 'GET', `/api/procedures/${created.body.data.documentId}?locale=vi`);
        assert.equal(publicRead.body.data.name, 'Thủ tục đăng ký lại khai sinh');
        assert.equal((await request(cms, 'GET', '/admin/users', { token })).status, 403);
        const misses = await request(cms, 'GET', '/content-manager/collection-types/api::search-miss.search-miss?sort=count:desc', { token });
        assert.equal(misses.status, 200, 'editors read the searches that found nothing');
        const view = await request(cms, 'GET', '/content-manager/content-types/api::search-miss.search-miss/configuration', { token });
        assert.deepEqual([view.body.data.contentType.settings.defaultSortBy, view.body.data.contentType.settings.defaultSortOrder], ['count', 'DESC']);
      });
    });
  });
}
