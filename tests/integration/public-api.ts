/**
 * What is public today, hardened (issue 9): only published content, whatever the query says; a
 * bounded query language that answers 400 in Vietnamese for anything else; the portal's origin
 * only for CORS; sane answers to odd requests.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { seed } from '@portal/seeds';
import { settings } from '@portal/cms';
import { cmsContentSource } from '@portal/bot';
import { createCmsClient } from '@portal/cms/client';
import { collections } from '@portal/cms/contracts';
import { fixtureSeedDir, request, startCms, type RunningCms } from '../support/cms';
import { describeOnDatabase, type TestDatabase } from '../support/databases';
import { openApiProblems } from '../support/openapi';

/** Status tricks seen in the wild: none may reveal a draft. */
const statusTricks = ['status=draft', 'status[]=draft', 'status[0]=draft', 'status=anything', 'status=published&status=draft', 'status[$ne]=published', 'status='];

export function publicApiSuite(database: TestDatabase): void {
  describeOnDatabase('public API', database, () => {
    let cms: RunningCms;
    let siteToken: string;
    let draftId: string;
    let editedId: string;
    before(async () => {
      cms = await startCms(database);
      await seed(cms.strapi, fixtureSeedDir);
      siteToken = fs.readFileSync(settings().siteTokenFile, 'utf8').trim();
      const faqs = cms.strapi.documents('api::faq.faq');
      draftId = (
        await faqs.create({
          locale: 'vi',
          data: { question: 'Câu hỏi còn nháp?', slug: 'cau-hoi-con-nhap', answer: 'Chưa duyệt.', alternativeQuestions: ['nhap mot', 'nhap hai', 'nhap ba'] } as any,
        })
      ).documentId;
      const [published] = await faqs.findMany({ locale: 'vi', status: 'draft', filters: { slug: 'ket-hon-bao-lau-co-giay' } });
      editedId = published!.documentId;
      await faqs.update({ documentId: editedId, locale: 'vi', data: { question: 'Câu hỏi sửa chưa duyệt?' } as any });
    });
    after(async () => {
      await cms?.stop();
    });

    describe('drafts are never public', () => {
      for (const [who, token] of [['anonymous visitors', undefined], ['the site build’s API token', 'site']] as const) {
        test(`${who} get only published FAQs, whatever status the query names`, async () => {
          for (const trick of ['', ...statusTricks]) {
            const list = await request(cms, 'GET', `/api/faqs?locale=vi&pagination[pageSize]=100&${trick}`, { token: token && siteToken });
            assert.equal(list.status, 200, `${trick}: ${JSON.stringify(list.body)}`);
            const slugs = list.body.data.map((f: any) => f.slug);
            assert.equal(slugs.length, 4, trick);
            assert.ok(!slugs.includes('cau-hoi-con-nhap'), `${trick} listed a draft`);
            const edited = list.body.data.find((f: any) => f.documentId === editedId);
            assert.equal(edited.question, 'Đăng ký kết hôn bao lâu thì có giấy chứng nhận?', `${trick} showed an unpublished edit`);
            const one = await request(cms, 'GET', `/api/faqs/${draftId}?locale=vi&${trick}`, { token: token && siteToken });
            assert.equal(one.status, 404, `${trick} fetched a draft`);
            const editedOne = await request(cms, 'GET', `/api/faqs/${editedId}?locale=vi&${trick}`, { token: token && siteToken });
            assert.equal(editedOne.body.data.question, 'Đăng ký kết hôn bao lâu thì có giấy chứng nhận?', trick);
          }
        });
      }

      test('populated relations are the published ones too', async () => {
        const { body } = await request(cms, 'GET', '/api/procedures?locale=vi&status=draft&populate[relatedProcedures][fields][0]=slug&filters[slug][$eq]=dang-ky-ket-hon');
        assert.deepEqual(body.data.map((p: any) => p.slug), ['dang-ky-ket-hon']);
        const faq = await request(cms, 'GET', `/api/faqs?status=draft&populate[procedure][fields][0]=name&filters[documentId][$eq]=${editedId}`);
        assert.equal(faq.body.data[0].question, 'Đăng ký kết hôn bao lâu thì có giấy chứng nhận?');
      });
    });

    describe('a bounded query language', () => {
      test('the portal build reads every collection it reads today, in both languages', async () => {
        const client = createCmsClient({ url: cms.url, token: siteToken });
        for (const collection of collections) {
          for (const locale of ['vi', 'en'] as const) {
            const entries = await client.all(collection, locale);
            if (locale === 'vi') assert.ok(entries.length > 0, `${collection} is empty`);
          }
        }
        const [birth] = (await client.all('procedures', 'vi')).filter((p) => p.slug === 'dang-ky-khai-sinh');
        assert.equal(birth!.field?.slug, 'ho-tich');
        assert.ok(birth!.documents.some((d) => d.template?.url), 'the form template is populated');
      });

      test('the assistant loads its content as it does today', async () => {
        const content = await cmsContentSource({ url: cms.url, token: siteToken }).load();
        assert.equal(content.vi.procedures.length, 3);
        assert.equal(content.vi.faqs.length, 4);
        assert.equal(content.vi.faqs.find((f: any) => f.slug === 'khai-sinh-can-giay-to-gi')?.procedure?.nationalCode, '1.001193');
        assert.equal(content.vi.agencies.length, 1);
      });

      test('the nested populate that once answered 147 MB is refused at once, naming the parameter', async () => {
        const started = performance.now();
        const { status, body } = await request(cms, 'GET', '/api/procedures?populate[agencies][populate][procedures][populate]=*&pagination[pageSize]=100');
        assert.equal(status, 400);
        assert.equal(body.error.name, 'ValidationError');
        assert.match(body.error.message, /^populate\[agencies\]\[populate\]\[procedures\]: không lấy kèm được/);
        assert.ok(performance.now() - started < 1000);
      });

      const refused: [string, RegExp][] = [
        ['/api/procedures?pagination[start]=99999999999999999999', /^pagination\[start\]: phải là số nguyên từ 0 đến/],
        ['/api/procedures?pagination[pageSize]=101', /^pagination\[pageSize\]: phải là số nguyên từ 1 đến 100/],
        ['/api/procedures?pagination[page]=0', /^pagination\[page\]: /],
        ['/api/procedures?pagination[page]=2&pagination[start]=0', /^pagination: dùng page và pageSize, hoặc start và limit/],
        ['/api/procedures?pagination[foo]=1', /^pagination\[foo\]: chỉ dùng page/],
        ['/api/procedures?filters[slug][$between]=a', /^filters\[slug\]\[\$between\]: cần đúng 2 giá trị/],
        ['/api/procedures?filters[$or]=x', /^filters\[\$or\]: phải là danh sách/],
        ['/api/procedures?filters[$and]=x', /^filters\[\$and\]: phải là danh sách/],
        ['/api/procedures?filters[slug][documentId][$ne]=x', /^filters\[slug\]\[documentId\]: toán tử không dùng được/],
        ['/api/procedures?filters[slug][$regex]=x', /^filters\[slug\]\[\$regex\]: toán tử không dùng được/],
        ['/api/procedures?filters[nothing][$eq]=x', /^filters\[nothing\]: không lọc được theo "nothing"/],
        ['/api/procedures?filters[levels][$contains]=cap-xa', /^filters\[levels\]: trường dạng danh sách/],
        ['/api/life-events?filters[order][$eq]=abc', /^filters\[order\]\[\$eq\]: phải là số nguyên/],
        ['/api/procedures?filters[id][$eq]=4294967296', /^filters\[id\]\[\$eq\]: phải là số nguyên từ/],
        ['/api/faqs?filters[reviewedAt][$gt]=2026-02-30', /^filters\[reviewedAt\]\[\$gt\]: không phải là một ngày có thật/],
        ['/api/faqs?filters[procedure][faqs][slug][$eq]=x', /^filters\[procedure\]\[faqs\]: không lọc được theo "faqs"/],
        ['/api/procedures?filters[slug][$in][0][x]=y', /^filters\[slug\]\[\$in\]\[0\]: phải là một giá trị/],
        ['/api/procedures?populate[faqs]=true', /^populate\[faqs\]: không lấy kèm được "faqs". Được phép: field, agencies/],
        ['/api/agencies?populate=procedures', /^populate: không lấy kèm được "procedures": ở đây không lấy kèm quan hệ nào/],
        ['/api/procedures?populate[field][filters][slug]=x', /^populate\[field\]\[filters\]: không được hỗ trợ/],
        ['/api/procedures?fields[0]=password', /^fields\[0\]: không có trường "password"/],
        ['/api/procedures?sort=levels:asc', /^sort: không sắp xếp được theo "levels"/],
        ['/api/procedures?sort=name:sideways', /^sort: chiều sắp xếp phải là asc hoặc desc/],
        ['/api/procedures?locale=fr', /^locale: phải là vi hoặc en/],
        ['/api/procedures?_q=khai', /^_q: tham số không được hỗ trợ/],
      ];
      for (const [pathname, message] of refused) {
        test(`answers 400 naming the parameter: ${decodeURIComponent(pathname)}`, async () => {
          const { status, body } = await request(cms, 'GET', pathname);
          assert.equal(status, 400, JSON.stringify(body));
          assert.match(body.error.message, message);
          assert.equal(body.error.message, body.error.message.normalize('NFC'));
          assert.deepEqual(openApiProblems('Error', body), []);
        });
      }

      test('accepts what the language allows: filters on fields and relations, $or, sort, fields, * and pages', async () => {
        const ok = async (pathname: string) => {
          const response = await request(cms, 'GET', pathname);
          assert.equal(response.status, 200, `${pathname}: ${JSON.stringify(response.body)}`);
          return response.body;
        };
        assert.equal((await ok('/api/faqs?filters[procedure][slug][$eq]=dang-ky-khai-sinh')).data.length, 2);
        assert.equal((await ok('/api/faqs?filters[$or][0][slug][$eq]=tra-cuu-ho-so-bang-ma&filters[$or][1][slug][$startsWith]=ket')).data.length, 2);
        assert.equal((await ok('/api/faqs?filters[reviewedAt][$null]=false')).data.length, 0, '$null=false means not null');
        assert.equal((await ok('/api/faqs?filters[reviewedAt][$null]=true')).data.length, 4);
        assert.deepEqual((await ok('/api/procedures?sort=name:desc&fields=name,slug')).data.map((p: any) => Object.keys(p).sort()), Array(3).fill(['documentId', 'id', 'name', 'slug']));
        assert.equal((await ok('/api/procedures?populate=*&pagination[page]=1&pagination[pageSize]=100')).data.length, 3);
        assert.equal((await ok('/api/life-events?filters[order][$between][0]=1&filters[order][$between][1]=5&populate[procedures][fields][0]=slug')).data.length, 2);
        assert.equal((await ok('/api/procedures?pagination[start]=1&pagination[limit]=1')).data.length, 1);
      });
    });

    describe('odd requests', () => {
      test('GET /favicon.ico answers 204, not 500', async () => {
        assert.equal((await fetch(`${cms.url}/favicon.ico`)).status, 204);
      });

      test('a request target that is not a URL (GET http://[/) answers 400, not 500', async () => {
        const port = Number(new URL(cms.url).port);
        const answer = await new Promise<string>((resolve, reject) => {
          const socket = net.connect(port, '127.0.0.1', () => socket.end('GET http://[/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
          let text = '';
          socket.setEncoding('utf8');
          socket.on('data', (chunk: string) => (text += chunk));
          socket.on('end', () => resolve(text));
          socket.on('error', reject);
        });
        assert.match(answer, /^HTTP\/1\.1 400 /);
        assert.match(answer, /Địa chỉ yêu cầu không hợp lệ/);
      });
    });

    describe('CORS and security headers', () => {
      const portal = `http://localhost:${settings().site.port}`;
      test('a foreign origin gets no Access-Control-Allow-Origin, on the content API or on /admin/access-token', async () => {
        const origin = { origin: 'https://evil.example' };
        assert.equal((await request(cms, 'GET', '/api/faqs', { headers: origin })).headers.get('access-control-allow-origin'), null);
        for (const method of ['POST', 'OPTIONS']) {
          const response = await fetch(`${cms.url}/admin/access-token`, { method, headers: { ...origin, 'access-control-request-method': 'POST' } });
          assert.equal(response.headers.get('access-control-allow-origin'), null, method);
          assert.equal(response.headers.get('access-control-allow-credentials'), null, method);
        }
        const preflight = await fetch(`${cms.url}/api/faqs`, { method: 'OPTIONS', headers: { ...origin, 'access-control-request-method': 'GET' } });
        assert.equal(preflight.headers.get('access-control-allow-origin'), null);
      });

      test('the portal’s origin may read the content API, without credentials, and not the admin', async () => {
        for (const origin of [portal, `http://127.0.0.1:${settings().site.port}`]) {
          const { headers } = await request(cms, 'GET', '/api/faqs', { headers: { origin } });
          assert.equal(headers.get('access-control-allow-origin'), origin);
          assert.equal(headers.get('access-control-allow-credentials'), null);
        }
        const admin = await fetch(`${cms.url}/admin/access-token`, { method: 'POST', headers: { origin: portal } });
        assert.equal(admin.headers.get('access-control-allow-origin'), null);
      });

      test('answers with the security headers', async () => {
        const { headers } = await request(cms, 'GET', '/api/faqs');
        assert.match(headers.get('content-security-policy') ?? '', /default-src 'self'/);
        assert.equal(headers.get('x-content-type-options'), 'nosniff');
        assert.equal(headers.get('x-frame-options'), 'SAMEORIGIN');
        assert.equal(headers.get('referrer-policy'), 'no-referrer');
        assert.equal(headers.get('cross-origin-opener-policy'), 'same-origin');
        assert.equal(headers.get('cross-origin-resource-policy'), 'same-site');
        assert.equal(headers.get('x-powered-by'), null);
      });
    });
  });
}
