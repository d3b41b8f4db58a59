/**
 * What every search engine must do, whatever it is built on: the same documents and queries in,
 * the same behaviour out. A test file runs it on one engine with `engineContract(name, makeEngine)`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Synonyms } from '../src/synonyms';
import type { Locale, SearchDocument, SearchEngine, SearchHit, SearchQuery } from '../src/types';

/** The synonym list the engines under contract are built with. */
export const contractSynonyms = new Synonyms({
  vi: [
    ['giấy phép lái xe', 'gplx', 'bằng lái', 'bằng lái xe'],
    ['ủy ban nhân dân', 'ubnd'],
  ],
  en: [['driving licence', 'driver license', 'driving license']],
});

type Fields = Pick<SearchDocument, 'type' | 'locale' | 'documentId' | 'title'> & Partial<SearchDocument>;

const doc = (fields: Fields): SearchDocument => ({
  id: `${fields.documentId}-${fields.locale}`,
  code: null,
  key: fields.documentId,
  questions: [],
  keywords: [],
  body: '',
  url: `${fields.locale === 'en' ? '/en' : ''}/${fields.type}/${fields.documentId}`,
  field: '',
  levels: [],
  serviceLevel: '',
  audiences: [],
  agencies: [],
  complete: true,
  ...fields,
});

const codes = {
  khaiSinh: '1.001193.000.00.00.H42',
  ketHon: '1.000894.000.00.00.H42',
  thuongTru: '1.004194.000.00.00.H42',
  gplx: '1.002804.000.00.00.H42',
  xayDung: '1.009994.000.00.00.H42',
  doanhNghiep: '2.001610.000.00.00.H42',
};

const procedure = (fields: Omit<Fields, 'type'> & { code: string }): SearchDocument =>
  doc({ type: 'procedure', key: fields.code.slice(0, 8), ...fields });

/** Twelve Vietnamese and three English documents: procedures, FAQs about them, news. */
export const fixture: SearchDocument[] = [
  procedure({
    locale: 'vi',
    documentId: 'proc-khai-sinh',
    code: codes.khaiSinh,
    title: 'Đăng ký khai sinh',
    questions: ['làm giấy khai sinh', 'khai sinh cho con'],
    keywords: ['Hộ tịch', 'Ủy ban nhân dân cấp xã'],
    body: 'Người đi đăng ký khai sinh nộp tờ khai theo mẫu và giấy chứng sinh. Trường hợp không có giấy chứng sinh thì nộp văn bản xác nhận của người làm chứng.',
    field: 'ho-tich',
    levels: ['xa'],
    serviceLevel: 'toan-trinh',
    audiences: ['cong-dan'],
    agencies: ['ubnd-xa'],
  }),
  procedure({
    locale: 'vi',
    documentId: 'proc-ket-hon',
    code: codes.ketHon,
    title: 'Đăng ký kết hôn',
    questions: ['làm giấy đăng ký kết hôn'],
    keywords: ['Hộ tịch', 'Ủy ban nhân dân cấp xã'],
    body: 'Hai bên nam, nữ nộp tờ khai đăng ký kết hôn và xuất trình giấy tờ tùy thân. Việc kết hôn được đăng ký tại Ủy ban nhân dân cấp xã nơi cư trú của một trong hai bên.',
    field: 'ho-tich',
    levels: ['xa'],
    serviceLevel: 'mot-phan',
    audiences: ['cong-dan'],
    agencies: ['ubnd-xa'],
  }),
  procedure({
    locale: 'vi',
    documentId: 'proc-thuong-tru',
    code: codes.thuongTru,
    title: 'Đăng ký thường trú',
    questions: ['nhập hộ khẩu'],
    keywords: ['Cư trú', 'Công an cấp xã'],
    body: 'Công dân nộp tờ khai thay đổi thông tin cư trú và giấy tờ chứng minh chỗ ở hợp pháp tới Công an cấp xã.',
    field: 'cu-tru',
    levels: ['xa'],
    serviceLevel: 'toan-trinh',
    audiences: ['cong-dan'],
    agencies: ['cong-an-xa'],
  }),
  procedure({
    locale: 'vi',
    documentId: 'proc-gplx',
    code: codes.gplx,
    title: 'Cấp đổi giấy phép lái xe',
    keywords: ['Đường bộ', 'Sở Xây dựng'],
    body: 'Người có giấy phép lái xe do ngành Giao thông vận tải cấp còn thời hạn hoặc đã hết hạn được đổi sang giấy phép mới. Nộp đơn đề nghị kèm ảnh chân dung.',
    field: 'duong-bo',
    levels: ['tinh'],
    serviceLevel: 'toan-trinh',
    audiences: ['cong-dan'],
    agencies: ['so-xay-dung'],
  }),
  procedure({
    locale: 'vi',
    documentId: 'proc-xay-dung',
    code: codes.xayDung,
    title: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    keywords: ['Xây dựng', 'Ủy ban nhân dân cấp huyện'],
    body: 'Chủ đầu tư nộp đơn đề nghị cấp giấy phép xây dựng kèm bản vẽ thiết kế và giấy tờ về quyền sử dụng đất.',
    field: 'xay-dung',
    levels: ['huyen'],
    serviceLevel: 'mot-phan',
    audiences: ['cong-dan', 'doanh-nghiep'],
    agencies: ['ubnd-huyen'],
  }),
  procedure({
    locale: 'vi',
    documentId: 'proc-doanh-nghiep',
    code: codes.doanhNghiep,
    title: 'Đăng ký thành lập doanh nghiệp tư nhân',
    keywords: ['Thành lập và hoạt động của doanh nghiệp', 'Sở Tài chính'],
    body: 'Chủ doanh nghiệp nộp giấy đề nghị đăng ký doanh nghiệp và bản sao giấy tờ pháp lý của cá nhân.',
    field: 'doanh-nghiep',
    levels: ['tinh'],
    serviceLevel: 'toan-trinh',
    audiences: ['doanh-nghiep'],
    agencies: ['so-tai-chinh'],
  }),
  doc({
    type: 'faq',
    locale: 'vi',
    documentId: 'faq-khai-sinh-giay-to',
    code: codes.khaiSinh,
    key: 'dang-ky-khai-sinh-can-giay-to-gi',
    title: 'Đăng ký khai sinh cho con cần những giấy tờ gì?',
    questions: ['Làm giấy khai sinh cho bé cần mang theo gì?'],
    keywords: ['Hộ tịch'],
    body: 'Cần tờ khai theo mẫu, giấy chứng sinh do cơ sở y tế cấp và giấy tờ tùy thân của người đi đăng ký.',
    field: 'ho-tich',
  }),
  doc({
    type: 'faq',
    locale: 'vi',
    documentId: 'faq-ket-hon-le-phi',
    code: codes.ketHon,
    key: 'dang-ky-ket-hon-co-mat-le-phi-khong',
    title: 'Đăng ký kết hôn có mất lệ phí không?',
    keywords: ['Hộ tịch'],
    body: 'Đăng ký kết hôn giữa công dân Việt Nam cư trú trong nước được miễn lệ phí.',
    field: 'ho-tich',
  }),
  doc({
    type: 'faq',
    locale: 'vi',
    documentId: 'faq-gplx-het-han',
    code: codes.gplx,
    key: 'giay-phep-lai-xe-het-han-doi-o-dau',
    title: 'Giấy phép lái xe hết hạn thì đổi ở đâu?',
    keywords: ['Đường bộ'],
    body: 'Người dân nộp hồ sơ đổi trực tuyến trên Cổng dịch vụ công hoặc trực tiếp tại Sở Xây dựng.',
    field: 'duong-bo',
  }),
  doc({
    type: 'news',
    locale: 'vi',
    documentId: 'news-toan-trinh',
    key: 'tinh-day-manh-dich-vu-cong-truc-tuyen-toan-trinh',
    title: 'Tỉnh đẩy mạnh dịch vụ công trực tuyến toàn trình',
    keywords: ['tin tức'],
    body: 'Từ tháng Bảy, người dân có thể nộp hồ sơ khai sinh, kết hôn và thường trú hoàn toàn trực tuyến, không phải đến bộ phận một cửa.',
  }),
  doc({
    type: 'news',
    locale: 'vi',
    documentId: 'news-nghi-le',
    key: 'lich-nghi-le-quoc-khanh',
    title: 'Lịch nghỉ lễ Quốc khánh của bộ phận một cửa',
    keywords: ['thông báo'],
    body: 'Bộ phận tiếp nhận và trả kết quả nghỉ lễ từ ngày 1 đến hết ngày 2 tháng 9.',
  }),
  procedure({
    locale: 'en',
    documentId: 'proc-khai-sinh',
    code: codes.khaiSinh,
    title: 'Birth registration',
    keywords: ['Civil status', 'Commune People’s Committee'],
    body: 'The person registering the birth submits a declaration form and the birth certificate issued by the hospital.',
    field: 'ho-tich',
    levels: ['xa'],
    serviceLevel: 'toan-trinh',
    audiences: ['cong-dan'],
    agencies: ['ubnd-xa'],
  }),
  procedure({
    locale: 'en',
    documentId: 'proc-ket-hon',
    code: codes.ketHon,
    title: 'Marriage registration',
    keywords: ['Civil status', 'Commune People’s Committee'],
    body: 'Both parties submit a marriage registration form and show their identity papers.',
    field: 'ho-tich',
    levels: ['xa'],
    serviceLevel: 'mot-phan',
    audiences: ['cong-dan'],
    agencies: ['ubnd-xa'],
  }),
  doc({
    type: 'news',
    locale: 'en',
    documentId: 'news-toan-trinh',
    key: 'tinh-day-manh-dich-vu-cong-truc-tuyen-toan-trinh',
    title: 'Province expands fully online public services',
    keywords: ['news'],
    body: 'From July, residents can register a birth, a marriage or a permanent residence entirely online.',
  }),
];

const byId = (documentId: string, locale: Locale = 'vi'): SearchDocument => {
  const found = fixture.find((d) => d.documentId === documentId && d.locale === locale);
  assert.ok(found, `fixture has ${documentId}-${locale}`);
  return found;
};
const idsOf = (locale: Locale) => fixture.filter((d) => d.locale === locale).map((d) => d.id);
const documentIds = (hits: SearchHit[]) => hits.map((h) => h.documentId);
const sorted = (list: string[]) => [...list].sort();

export function engineContract(name: string, makeEngine: () => Promise<SearchEngine>): void {
  /** A new engine holding the fixture; closed by the caller. */
  const loaded = async (): Promise<SearchEngine> => {
    const engine = await makeEngine();
    await engine.upsert(fixture);
    return engine;
  };

  /** Runs a test body on its own loaded engine, for tests that change the index. */
  const withEngine = (body: (engine: SearchEngine) => Promise<void>) => async () => {
    const engine = await loaded();
    try {
      await body(engine);
    } finally {
      await engine.close();
    }
  };

  describe(`search engine contract: ${name}`, () => {
    let engine: SearchEngine;
    const search = (q: string, extra: Partial<SearchQuery> = {}) => engine.search({ q, locale: 'vi', limit: 50, ...extra });

    /** Runs a query with and without one filter: the filtered hits are exactly the allowed ones, and fewer. */
    const assertFilter = async (q: string, filter: Partial<SearchQuery>, allowed: string[]) => {
      const all = await search(q);
      const filtered = await search(q, filter);
      assert.ok(filtered.hits.length > 0, `"${q}" with ${JSON.stringify(filter)} finds something`);
      assert.deepEqual(sorted(documentIds(filtered.hits)), sorted(allowed));
      assert.ok(filtered.total < all.total, `the filter removes hits (${filtered.total} < ${all.total})`);
    };

    before(async () => {
      engine = await loaded();
    });
    after(async () => {
      await engine?.close();
    });

    describe('indexing and matching', () => {
      test('a new engine holds no documents', async () => {
        const empty = await makeEngine();
        try {
          assert.deepEqual(await empty.ids('vi'), []);
          assert.equal((await empty.search({ q: 'khai sinh', locale: 'vi' })).total, 0);
        } finally {
          await empty.close();
        }
      });

      test('ids lists exactly the documents indexed in a locale', async () => {
        assert.deepEqual(sorted(await engine.ids('vi')), sorted(idsOf('vi')));
        assert.deepEqual(sorted(await engine.ids('en')), sorted(idsOf('en')));
      });

      test('a query typed without diacritics finds a document written with them', async () => {
        const result = await search('dang ky ket hon');
        assert.ok(documentIds(result.hits).includes('proc-ket-hon'));
      });

      test('a query typed with full diacritics finds the document', async () => {
        const result = await search('Đăng ký thường trú');
        assert.ok(documentIds(result.hits).includes('proc-thuong-tru'));
      });

      test('a query mixing words with and without diacritics finds the document', async () => {
        const result = await search('ket hôn');
        assert.ok(documentIds(result.hits).includes('proc-ket-hon'));
      });

      test('a procedure named exactly by the query ranks first', async () => {
        const result = await search('dang ky khai sinh');
        assert.equal(result.hits[0]?.documentId, 'proc-khai-sinh');
      });

      test('a query with đ typed as d finds the document', async () => {
        const result = await search('duong bo giay phep lai xe');
        assert.ok(documentIds(result.hits).includes('proc-gplx'));
      });

      test('a query with one wrong letter in a word still finds the document', async () => {
        const result = await search('dang ky thuonh tru');
        assert.ok(documentIds(result.hits).includes('proc-thuong-tru'));
      });

      test('a query whose last word is cut short still finds the document', async () => {
        const result = await search('dang ky khai sin');
        assert.ok(documentIds(result.hits).includes('proc-khai-sinh'));
      });

      test('an abbreviation from the synonym list finds the document written in full', async () => {
        const result = await search('gplx');
        assert.ok(documentIds(result.hits).includes('proc-gplx'));
      });

      test('another phrase of a synonym group finds the document', async () => {
        const result = await search('đổi bằng lái');
        assert.ok(documentIds(result.hits).includes('proc-gplx'));
      });

      test('a query about nothing indexed finds nothing', async () => {
        const result = await search('xuất khẩu lao động');
        assert.equal(result.total, 0);
        assert.deepEqual(result.hits, []);
      });
    });

    describe('hits', () => {
      test('a hit has the contract shape', async () => {
        const result = await search('khai sinh', { type: 'procedure' });
        const hit = result.hits.find((h) => h.documentId === 'proc-khai-sinh');
        assert.ok(hit);
        assert.deepEqual(Object.keys(hit).sort(), ['code', 'documentId', 'key', 'snippet', 'title', 'type', 'url']);
        const source = byId('proc-khai-sinh');
        assert.deepEqual(
          { type: hit.type, documentId: hit.documentId, code: hit.code, title: hit.title, url: hit.url, key: hit.key },
          { type: 'procedure', documentId: source.documentId, code: codes.khaiSinh, title: 'Đăng ký khai sinh', url: source.url, key: '1.001193' },
        );
      });

      test('a snippet marks the matched words of the original text', async () => {
        const result = await search('chung sinh', { type: 'procedure' });
        const hit = result.hits.find((h) => h.documentId === 'proc-khai-sinh');
        assert.match(hit?.snippet ?? '', /<mark>chứng<\/mark> <mark>sinh<\/mark>/);
      });

      test("a FAQ hit carries its procedure's code", async () => {
        const result = await search('khai sinh', { type: 'faq' });
        const hit = result.hits.find((h) => h.documentId === 'faq-khai-sinh-giay-to');
        assert.equal(hit?.code, codes.khaiSinh);
      });

      test('a news hit has a null code', async () => {
        const result = await search('dich vu cong truc tuyen', { type: 'news' });
        const hit = result.hits.find((h) => h.documentId === 'news-toan-trinh');
        assert.ok(hit);
        assert.equal(hit.code, null);
      });
    });

    describe('filters', () => {
      test('the type filter keeps only documents of that type', async () => {
        await assertFilter('khai sinh', { type: 'faq' }, ['faq-khai-sinh-giay-to']);
      });

      test('the field filter keeps only documents of that field', async () => {
        await assertFilter('dang ky', { field: 'cu-tru' }, ['proc-thuong-tru']);
      });

      test('the level filter keeps only documents handled at that level', async () => {
        await assertFilter('cap giay phep', { level: 'huyen' }, ['proc-xay-dung']);
      });

      test('the service level filter keeps only documents offered at that level', async () => {
        await assertFilter('dang ky', { serviceLevel: 'mot-phan' }, ['proc-ket-hon']);
      });

      test('the audience filter keeps only documents for that audience', async () => {
        await assertFilter('dang ky', { audience: 'doanh-nghiep' }, ['proc-doanh-nghiep']);
      });

      test('the agency filter keeps only documents of that agency', async () => {
        await assertFilter('dang ky', { agency: 'cong-an-xa' }, ['proc-thuong-tru']);
      });

      test('filters combine so that every one must hold', async () => {
        const result = await search('dang ky', { field: 'ho-tich', type: 'faq' });
        assert.deepEqual(sorted(documentIds(result.hits)), ['faq-ket-hon-le-phi', 'faq-khai-sinh-giay-to']);
      });
    });

    describe('facets', () => {
      test('the type facet counts the matches of each type', async () => {
        const result = await search('khai sinh', { limit: 100 });
        const counted: Record<string, number> = {};
        for (const hit of result.hits) counted[hit.type] = (counted[hit.type] ?? 0) + 1;
        assert.deepEqual(result.facets.type, counted);
      });

      test('each field facet count equals the total of the search filtered by that field', async () => {
        const result = await search('dang ky');
        assert.ok(Object.keys(result.facets.field).length > 1, 'several fields match');
        for (const [field, count] of Object.entries(result.facets.field)) {
          assert.equal((await search('dang ky', { field })).total, count, `field ${field}`);
        }
      });

      test('each level facet count equals the total of the search filtered by that level', async () => {
        const result = await search('cap');
        assert.ok(Object.keys(result.facets.levels).length > 1, 'several levels match');
        for (const [level, count] of Object.entries(result.facets.levels)) {
          assert.equal((await search('cap', { level })).total, count, `level ${level}`);
        }
      });

      test('facets count every match, not only the page', async () => {
        const result = await search('dang ky', { limit: 1 });
        const typeCount = Object.values(result.facets.type).reduce((s, n) => s + n, 0);
        assert.equal(result.hits.length, 1);
        assert.equal(typeCount, result.total);
      });
    });

    describe('pagination', () => {
      test('limit caps the number of hits while total counts them all', async () => {
        const all = await search('dang ky');
        const first = await search('dang ky', { limit: 2 });
        assert.ok(all.total > 2, 'enough matches to page');
        assert.equal(first.hits.length, 2);
        assert.equal(first.total, all.total);
      });

      test('consecutive pages follow the order of one long page', async () => {
        const all = await search('dang ky');
        const pages = [];
        for (let page = 1; page <= 3; page++) pages.push(...(await search('dang ky', { limit: 2, page })).hits);
        assert.deepEqual(documentIds(pages), documentIds(all.hits).slice(0, 6));
      });

      test('a page past the end is empty and keeps the total', async () => {
        const all = await search('dang ky');
        const beyond = await search('dang ky', { limit: 10, page: 10 });
        assert.deepEqual(beyond.hits, []);
        assert.equal(beyond.total, all.total);
      });

      test('without limit and page the first ten hits are returned', async () => {
        const result = await engine.search({ q: 'dang ky', locale: 'vi' });
        const all = await search('dang ky');
        assert.deepEqual(documentIds(result.hits), documentIds(all.hits).slice(0, 10));
      });
    });

    describe('locales', () => {
      test('a search returns only documents of its locale', async () => {
        const result = await engine.search({ q: 'registration', locale: 'en' });
        assert.ok(result.hits.length > 0);
        assert.ok(result.hits.every((h) => h.url.startsWith('/en/')));
      });

      test('a word found only in the other locale finds nothing', async () => {
        const result = await search('registration');
        assert.equal(result.total, 0);
      });

      test('the same document in two locales is two hits in two indexes', async () => {
        const vi = await search('khai sinh', { type: 'procedure' });
        const en = await engine.search({ q: 'birth', locale: 'en', type: 'procedure' });
        assert.equal(vi.hits.find((h) => h.documentId === 'proc-khai-sinh')?.title, 'Đăng ký khai sinh');
        assert.equal(en.hits.find((h) => h.documentId === 'proc-khai-sinh')?.title, 'Birth registration');
      });
    });

    describe('suggestions', () => {
      test('suggest completes a prefix with document titles', async () => {
        const titles = await engine.suggest('dang ky kh', 'vi');
        assert.ok(titles.includes('Đăng ký khai sinh'), JSON.stringify(titles));
      });

      test('suggest returns each title once and no more than the limit', async () => {
        const titles = await engine.suggest('dang ky', 'vi', 2);
        assert.ok(titles.length > 0 && titles.length <= 2, JSON.stringify(titles));
        assert.equal(new Set(titles).size, titles.length);
      });

      test('suggest searches only the requested locale', async () => {
        const titles = await engine.suggest('marr', 'en');
        assert.deepEqual(titles, ['Marriage registration']);
      });
    });

    describe('changes', () => {
      const replacement: SearchDocument = {
        ...byId('proc-ket-hon'),
        title: 'Đăng ký giám hộ',
        questions: [],
        body: 'Người được cử làm giám hộ nộp tờ khai đăng ký giám hộ và văn bản cử người giám hộ.',
      };

      test(
        'upserting an existing id makes the new title findable, also for a query asked before',
        withEngine(async (e) => {
          const before = await e.search({ q: 'giam ho', locale: 'vi' });
          assert.notEqual(before.hits.find((h) => h.documentId === 'proc-ket-hon')?.title, 'Đăng ký giám hộ');
          await e.upsert([replacement]);
          const result = await e.search({ q: 'giam ho', locale: 'vi' });
          assert.equal(result.hits.find((h) => h.documentId === 'proc-ket-hon')?.title, 'Đăng ký giám hộ');
        }),
      );

      test(
        'upserting an existing id makes the old title unfindable, also for a query asked before',
        withEngine(async (e) => {
          assert.ok(documentIds((await e.search({ q: 'ket hon', locale: 'vi', type: 'procedure', limit: 50 })).hits).includes('proc-ket-hon'));
          await e.upsert([replacement]);
          const result = await e.search({ q: 'ket hon', locale: 'vi', type: 'procedure', limit: 50 });
          assert.ok(!documentIds(result.hits).includes('proc-ket-hon'), JSON.stringify(result.hits));
        }),
      );

      test(
        'upserting an existing id keeps one document under it',
        withEngine(async (e) => {
          await e.upsert([replacement]);
          assert.deepEqual(sorted(await e.ids('vi')), sorted(idsOf('vi')));
        }),
      );

      test(
        'a removed document is no longer found, also by a query asked before',
        withEngine(async (e) => {
          assert.ok(documentIds((await e.search({ q: 'dang ky thuong tru', locale: 'vi', type: 'procedure', limit: 50 })).hits).includes('proc-thuong-tru'));
          await e.remove([byId('proc-thuong-tru').id]);
          const result = await e.search({ q: 'dang ky thuong tru', locale: 'vi', type: 'procedure', limit: 50 });
          assert.ok(!documentIds(result.hits).includes('proc-thuong-tru'));
          assert.ok(!(await e.ids('vi')).includes('proc-thuong-tru-vi'));
        }),
      );

      test(
        'removing a document in one locale keeps its translation',
        withEngine(async (e) => {
          await e.remove(['proc-khai-sinh-vi']);
          assert.ok((await e.ids('en')).includes('proc-khai-sinh-en'));
        }),
      );

      test(
        'versions gives the version each document was indexed with, and the new one after an upsert',
        withEngine(async (e) => {
          const versions = await e.versions('vi');
          assert.deepEqual(sorted([...versions.keys()]), sorted(idsOf('vi')));
          assert.ok([...versions.values()].every((v) => v === ''), 'the fixture carries no versions');
          await e.upsert([{ ...byId('proc-ket-hon'), version: 'v2' }]);
          assert.equal((await e.versions('vi')).get('proc-ket-hon-vi'), 'v2');
          await e.remove(['proc-ket-hon-vi']);
          assert.equal((await e.versions('vi')).has('proc-ket-hon-vi'), false);
        }),
      );

      test(
        'removing an id that is not indexed changes nothing',
        withEngine(async (e) => {
          await e.remove(['does-not-exist-vi']);
          assert.deepEqual(sorted(await e.ids('vi')), sorted(idsOf('vi')));
        }),
      );

      test(
        'clearing a locale empties it and leaves the other',
        withEngine(async (e) => {
          assert.ok((await e.search({ q: 'khai sinh', locale: 'vi' })).total > 0);
          await e.clear('vi');
          assert.deepEqual(await e.ids('vi'), []);
          assert.equal((await e.search({ q: 'khai sinh', locale: 'vi' })).total, 0);
          assert.deepEqual(sorted(await e.ids('en')), sorted(idsOf('en')));
        }),
      );

      test(
        'clearing without a locale empties every locale',
        withEngine(async (e) => {
          await e.clear();
          assert.deepEqual(await e.ids('vi'), []);
          assert.deepEqual(await e.ids('en'), []);
        }),
      );

      test(
        'documents upserted after a clear are found',
        withEngine(async (e) => {
          await e.clear();
          await e.upsert([byId('proc-ket-hon')]);
          const result = await e.search({ q: 'ket hon', locale: 'vi' });
          assert.deepEqual(documentIds(result.hits), ['proc-ket-hon']);
        }),
      );
    });
  });
}
