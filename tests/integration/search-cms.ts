/**
 * Search inside the CMS: the public API, and the index following what editors do in the admin.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { collectionQuery } from '@portal/cms/client';
import { collectionPageSchema, collectionSchemas } from '@portal/cms/contracts';
import { seed } from '@portal/seeds';
import { fixtureSeedDir, request, startCms, testAdmin, type RunningCms } from '../support/cms';
import { describeOnDatabase, type TestDatabase } from '../support/databases';
import { openApiProblems } from '../support/openapi';

/** Each search poses as a new visitor (X-Forwarded-For from a trusted loopback peer): polling must not meet the per-address limit, which has its own test. */
let visitor = 0;
const nextVisitor = () => `10.0.${(++visitor >> 8) & 255}.${visitor & 255}`;
const search = async (cms: RunningCms, query: string) => (await request(cms, 'GET', `/api/search?${query}`, { clientIp: nextVisitor() })).body;

/** Polls the search until `check` holds, for at most 2 s (the promise to editors). */
async function within2s(cms: RunningCms, query: string, check: (body: any) => boolean): Promise<any> {
  const deadline = Date.now() + 2000;
  for (;;) {
    const body = await search(cms, query);
    if (check(body)) return body;
    if (Date.now() > deadline) assert.fail(`search ${query} did not show the change within 2 s: ${JSON.stringify(body.hits?.map((h: any) => h.title))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The search misses matching `where`, once `ready` holds for them (misses are recorded after the answer), or fails after 5 s. */
async function missesOnce(cms: RunningCms, where: object, ready: (rows: any[]) => boolean): Promise<any[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const rows = await cms.strapi.db.query('api::search-miss.search-miss').findMany({ where });
    if (ready(rows) || Date.now() > deadline) return rows;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function searchCmsSuite(database: TestDatabase): void {
  describeOnDatabase('search in the CMS', database, () => {
    let cms: RunningCms;
    let admin: string;
    const cm = '/content-manager/collection-types';
    before(async () => {
      cms = await startCms(database);
      await seed(cms.strapi, fixtureSeedDir);
      admin = (await request(cms, 'POST', '/admin/login', { body: testAdmin })).body.data.token;
      await within2s(cms, 'q=khai%20sinh', (b) => b.total > 0);
    });
    after(async () => {
      await cms?.stop();
    });

    describe('public search API', () => {
      test('finds the birth registration procedure first, typed with or without diacritics', async () => {
        for (const q of ['khai sinh', 'lam giay khai sinh', 'đăng ký khai sinh', 'dang ki khai sin']) {
          const { hits } = await search(cms, `q=${encodeURIComponent(q)}`);
          assert.equal(hits[0]?.code, '1.001193.000.00.00.H36', q);
        }
      });

      test('returns the contract shape: type, documentId, code, title, portal url, highlighted snippet', async () => {
        const body = await search(cms, 'q=ket%20hon');
        const hit = body.hits[0];
        assert.deepEqual(Object.keys(hit).sort(), ['code', 'documentId', 'key', 'snippet', 'title', 'type', 'url']);
        assert.equal(hit.url, '/thu-tuc/dang-ky-ket-hon');
        assert.match(hit.snippet, /<mark>/);
        assert.equal(typeof body.total, 'number');
        assert.equal(typeof body.tookMs, 'number');
      });

      test('answers as docs/openapi.json says: results, suggestions, errors and catalogue lists', async () => {
        assert.deepEqual(openApiProblems('SearchResult', await search(cms, 'q=khai%20sinh&limit=50')), []);
        assert.deepEqual(openApiProblems('SearchResult', await search(cms, 'q=birth&locale=en')), []);
        assert.deepEqual(openApiProblems('Suggestions', (await request(cms, 'GET', '/api/search/suggest?q=ket')).body), []);
        assert.deepEqual(openApiProblems('Error', (await request(cms, 'GET', '/api/search?q=')).body), []);
        assert.deepEqual(openApiProblems('ProcedurePage', (await request(cms, 'GET', '/api/procedures?locale=en')).body), []);
        // With the populate the typed client sends, the page holds the full documents its schema parses.
        const populated = (await request(cms, 'GET', `/api/procedures?${collectionQuery('procedures', 'en', 1)}`)).body;
        assert.deepEqual(openApiProblems('ProcedurePage', populated), []);
        const parsed = collectionPageSchema(collectionSchemas.procedures).safeParse(populated);
        assert.ok(parsed.success && parsed.data.data.length > 0 && parsed.data.data.every((p) => Array.isArray(p.steps)), JSON.stringify(parsed.error?.issues.slice(0, 3)));
        assert.notDeepEqual(openApiProblems('SearchResult', { hits: [{ type: 'page' }], total: -1 }), [], 'the schema does reject a wrong shape');
      });

      test('searches the English content under locale=en with English portal paths', async () => {
        const { hits } = await search(cms, 'q=birth%20registration&locale=en');
        assert.equal(hits[0].title, 'Birth registration');
        assert.equal(hits[0].url, '/en/procedures/dang-ky-khai-sinh');
      });

      test('gives a FAQ the code of its procedure and news no code', async () => {
        const faq = (await search(cms, 'q=khai%20sinh%20mat%20phi&type=faq')).hits[0];
        assert.equal(faq.type, 'faq');
        assert.equal(faq.code, '1.001193.000.00.00.H36');
        const news = (await search(cms, 'q=quoc%20khanh&type=news')).hits[0];
        assert.equal(news.code, null);
      });

      test('filters by type and field and counts facets', async () => {
        const body = await search(cms, 'q=dang%20ky&type=procedure&field=ho-tich');
        assert.ok(body.hits.length > 0);
        assert.ok(body.hits.every((h: any) => h.type === 'procedure'));
        assert.equal(body.facets.type.procedure, body.total);
        assert.equal(body.facets.field['ho-tich'], body.total);
      });

      test('pages through the results', async () => {
        const all = await search(cms, 'q=dang%20ky&limit=50');
        const second = await search(cms, 'q=dang%20ky&limit=2&page=2');
        assert.deepEqual(second.hits.map((h: any) => h.documentId), all.hits.slice(2, 4).map((h: any) => h.documentId));
        assert.equal(second.total, all.total);
      });

      test('suggests titles for what is being typed', async () => {
        const { body } = await request(cms, 'GET', '/api/search/suggest?q=dang%20ky%20ket');
        assert.equal(body.suggestions[0], 'Thủ tục đăng ký kết hôn');
      });

      test('a question pasted with a long story is searched, cut at a word past 1,000 characters, never refused', async () => {
        const story = encodeURIComponent(`Cho tôi hỏi thủ tục đăng ký khai sinh cho con. ${'Chuyện nhà tôi dài dòng lắm. '.repeat(60)}`);
        const long = await request(cms, 'GET', `/api/search?q=${story}`);
        assert.equal(long.status, 200, JSON.stringify(long.body));
        assert.ok(long.body.hits.some((h: any) => h.title === 'Thủ tục đăng ký khai sinh'), JSON.stringify(long.body.hits.map((h: any) => h.title)));
        const unbroken = await request(cms, 'GET', `/api/search?q=${'a'.repeat(5000)}`);
        assert.equal(unbroken.status, 200, 'one unbroken 5,000-letter word is cut, not refused');
      });

      test('answers 400 with a message for an empty or an unknown parameter', async () => {
        const empty = await request(cms, 'GET', '/api/search?q=%20%20');
        assert.equal(empty.status, 400);
        assert.match(empty.body.error.message, /Hãy nhập từ khóa/);
        const unknown = await request(cms, 'GET', '/api/search?q=x&sort=title');
        assert.equal(unknown.status, 400);
        assert.match(unknown.body.error.message, /không được hỗ trợ: sort/);
        const locale = await request(cms, 'GET', '/api/search?q=x&locale=fr');
        assert.deepEqual(locale.body.error.details.errors[0].path, ['locale']);
      });

      test('answers 429 with Retry-After once one address exceeds the per-minute limit', async () => {
        const statuses: number[] = [];
        for (let i = 0; i < 41; i++) statuses.push((await request(cms, 'GET', '/api/search?q=khai%20sinh', { clientIp: '203.0.113.9' })).status);
        assert.deepEqual(statuses.slice(0, 40), Array(40).fill(200));
        assert.equal(statuses[40], 429);
        const limited = await request(cms, 'GET', '/api/search?q=khai%20sinh', { clientIp: '203.0.113.9' });
        assert.deepEqual(openApiProblems('Error', limited.body), []);
        assert.match(limited.body.error.message, /quá nhiều lần/);
        const retryAfter = Number(limited.headers.get('retry-after'));
        assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After: ${limited.headers.get('retry-after')}`);
        const other = await request(cms, 'GET', '/api/search?q=khai%20sinh', { clientIp: '203.0.113.10' });
        assert.equal(other.status, 200);
      });

      test('records queries that find nothing, once per query, counting repeats', async () => {
        await search(cms, 'q=Xyzzy%20Quux');
        await search(cms, 'q=xyzzy%20%20quux');
        const misses = await missesOnce(cms, { query: 'xyzzy quux' }, (rows) => rows.reduce((n, r) => n + r.count, 0) >= 2);
        assert.equal(misses.length, 1);
        assert.equal(misses[0].count, 2);
        assert.equal(misses[0].example, 'Xyzzy Quux');
      });

      test('stores no identity number, phone number or e-mail address from a query that found nothing', async () => {
        await search(cms, `q=${encodeURIComponent('cccd 079203001234 sdt 0912 345 678 mail an.nguyen@example.vn')}`);
        const misses = await missesOnce(cms, { example: { $contains: 'cccd' } }, (rows) => rows.length > 0);
        assert.equal(misses.length, 1);
        assert.equal(misses[0].example, 'cccd [số] sdt [số] mail [email]');
        assert.doesNotMatch(JSON.stringify(misses), /079203001234|0912|an\.nguyen/);
      });

      test('stores no personal name or street address either, and leaves the rest of the query readable', async () => {
        await search(cms, `q=${encodeURIComponent('tôi tên Nguyễn Văn An ở số 12 đường Trần Hưng Đạo thôn Phú Hòa muốn làm zyxwvut')}`);
        const misses = await missesOnce(cms, { example: { $contains: 'zyxwvut' } }, (rows) => rows.length > 0);
        assert.equal(misses.length, 1);
        assert.equal(misses[0].example, 'tôi tên [tên] ở [địa chỉ] [địa chỉ] muốn làm zyxwvut');
        assert.doesNotMatch(`${misses[0].example} ${misses[0].query}`, /Nguyễn|Nguyen|Trần|Tran|Phú Hòa|Phu Hoa|\b12\b/i);
      });

      test('keeps search misses SEARCH_MISS_RETENTION_DAYS (180) after they were last seen: a nightly job deletes the older ones', async () => {
        const misses = cms.strapi.db.query('api::search-miss.search-miss');
        const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000);
        await misses.create({ data: { query: 'cu qua han', example: 'cũ quá hạn', locale: 'vi', count: 3, lastSeenAt: daysAgo(181) } });
        await misses.create({ data: { query: 'con trong han', example: 'còn trong hạn', locale: 'vi', count: 1, lastSeenAt: daysAgo(179) } });
        const job = (cms.strapi.cron.jobs as { name: string | null; job: { invoke(): Promise<number>; nextInvocation(): Date | null } }[]).find((j) => j.name === 'purge-search-misses');
        assert.ok(job, 'the purge is scheduled');
        const next = job.job.nextInvocation()!.getTime() - Date.now();
        assert.ok(next > 0 && next <= 24 * 60 * 60 * 1000, `next purge in ${next} ms`);
        await job.job.invoke();
        assert.equal(await misses.count({ where: { query: 'cu qua han' } }), 0);
        assert.equal(await misses.count({ where: { query: 'con trong han' } }), 1);
      });
    });

    describe('index follows the admin', () => {
      const faqs = `${cm}/api::faq.faq`;
      test('a FAQ published, edited and unpublished in the admin shows in search within 2 s', async () => {
        const created = await request(cms, 'POST', `${faqs}?locale=vi`, {
          token: admin,
          body: { question: 'Làm thẻ thư viện tỉnh ở đâu?', slug: 'the-thu-vien-o-dau', answer: 'Tại quầy thư viện.', alternativeQuestions: ['lam the thu vien', 'the thu vien o dau', 'dang ky the thu vien'] },
        });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        const id = created.body.data.documentId;
        assert.equal((await search(cms, 'q=the%20thu%20vien')).total, 0, 'a draft is not searchable');
        await request(cms, 'POST', `${faqs}/${id}/actions/publish?locale=vi`, { token: admin, body: {} });
        await within2s(cms, 'q=the%20thu%20vien', (b) => b.hits[0]?.documentId === id);

        await request(cms, 'PUT', `${faqs}/${id}?locale=vi`, { token: admin, body: { question: 'Làm thẻ bạn đọc thư viện tỉnh ở đâu?' } });
        await request(cms, 'POST', `${faqs}/${id}/actions/publish?locale=vi`, { token: admin, body: {} });
        await within2s(cms, 'q=the%20ban%20doc', (b) => b.hits[0]?.title === 'Làm thẻ bạn đọc thư viện tỉnh ở đâu?');

        await request(cms, 'POST', `${faqs}/${id}/actions/unpublish?locale=vi`, { token: admin, body: {} });
        await within2s(cms, 'q=the%20ban%20doc', (b) => !b.hits.some((h: any) => h.documentId === id));
      });

      test('a deleted FAQ leaves the index', async () => {
        const [faq] = await cms.strapi.documents('api::faq.faq').findMany({ locale: 'vi', status: 'published', filters: { slug: 'tra-cuu-ho-so-bang-ma' } });
        await within2s(cms, 'q=tra%20cuu%20ho%20so', (b) => b.hits.some((h: any) => h.documentId === faq!.documentId));
        await request(cms, 'DELETE', `${faqs}/${faq!.documentId}?locale=vi`, { token: admin });
        await within2s(cms, 'q=tra%20cuu%20ho%20so', (b) => !b.hits.some((h: any) => h.documentId === faq!.documentId));
      });

      test('renaming a field re-indexes the procedures that show it', async () => {
        const [field] = await cms.strapi.documents('api::field.field').findMany({ locale: 'vi', filters: { slug: 'chung-thuc' } });
        assert.equal((await search(cms, 'q=sao%20y%20giay%20to&type=procedure')).total, 0);
        const [procedure] = await cms.strapi.documents('api::procedure.procedure').findMany({ locale: 'vi', status: 'published', filters: { nationalCode: '1.005461' } });
        await request(cms, 'PUT', `${cm}/api::procedure.procedure/${procedure!.documentId}?locale=vi`, { token: admin, body: { field: { set: [{ documentId: field!.documentId, locale: 'vi' }] } } });
        await request(cms, 'POST', `${cm}/api::procedure.procedure/${procedure!.documentId}/actions/publish?locale=vi`, { token: admin, body: {} });
        await request(cms, 'PUT', `${cm}/api::field.field/${field!.documentId}?locale=vi`, { token: admin, body: { name: 'Chứng thực, sao y giấy tờ' } });
        await within2s(cms, 'q=sao%20y%20giay%20to&type=procedure', (b) => b.hits.some((h: any) => h.documentId === procedure!.documentId));
      });

      test('search:check finds the index equal to the CMS, and names what is missing', async () => {
        const service = cms.strapi.service('api::search.search') as any;
        await service.flush();
        for (const r of await service.check()) assert.deepEqual([r.missing, r.extra], [[], []], r.locale);
        const [first] = await service.engine.ids('vi');
        await service.engine.remove([first]);
        const vi = (await service.check()).find((r: any) => r.locale === 'vi');
        assert.deepEqual(vi.missing, [first]);
        await service.reindex();
        for (const r of await service.check()) assert.deepEqual(r.missing, []);
      });

      test('search:check finds an entry whose document changed in the database without reaching the index', async () => {
        const service = cms.strapi.service('api::search.search') as any;
        await service.flush();
        const faqs = cms.strapi.db.query('api::faq.faq');
        const row = await faqs.findOne({ where: { slug: 'khai-sinh-mat-bao-nhieu-tien', locale: 'vi', publishedAt: { $notNull: true } } });
        // Straight to the database: no document-service middleware, so no search sync (as after a crash).
        await faqs.update({ where: { id: row.id }, data: { question: 'Khai sinh có mất lệ phí không?', updatedAt: new Date(Date.now() + 1000) } });
        const vi = (await service.check()).find((r: any) => r.locale === 'vi');
        assert.deepEqual([vi.missing, vi.extra, vi.stale], [[], [], [`${row.documentId}-vi`]]);
        await service.reindex();
        for (const r of await service.check()) assert.deepEqual(r.stale, [], r.locale);
        assert.equal((await search(cms, 'q=mat%20le%20phi&type=faq')).hits[0]?.documentId, row.documentId);
      });
    });
  });
}
