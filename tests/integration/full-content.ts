/**
 * The real content (seeds/data) loaded into an empty CMS and read back the way the public reads it,
 * including whatever the public might send it (the property tests need the full content for their
 * size and time bounds to mean something).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { seed, sampleDataDir } from '@portal/seeds';
import { request, startCms, type RunningCms } from '../support/cms';
import { describeOnDatabase, type TestDatabase } from '../support/databases';
import { publicApiProperties } from './public-api-properties';

const coreCodes = fs
  .readFileSync(path.join(sampleDataDir, 'core-procedures.csv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((line) => line.slice(0, 8));

export function fullContentSuite(database: TestDatabase): void {
  describeOnDatabase('full content', database, () => {
    let cms: RunningCms;
    before(async () => {
      cms = await startCms(database);
      await seed(cms.strapi);
      // The index follows the seed after its commit; wait for that to finish.
      await (cms.strapi.service('api::search.search') as any).flush();
    });
    after(async () => {
      await cms?.stop();
    });

    const total = async (pathname: string) => (await request(cms, 'GET', pathname)).body.meta.pagination.total as number;

    test('publishes the whole catalogue listing, one procedure per code', async () => {
      assert.equal(await total('/api/procedures?locale=vi'), 1294);
    });

    test('publishes at least 500 Vietnamese and 100 English FAQs', async () => {
      assert.ok((await total('/api/faqs?locale=vi')) >= 500);
      assert.ok((await total('/api/faqs?locale=en')) >= 100);
    });

    test('publishes at least 40 news items and announcements', async () => {
      assert.ok((await total('/api/news?locale=vi')) >= 40);
    });

    test('finds every core procedure by its national code in Vietnamese and in English', async () => {
      for (const locale of ['vi', 'en']) {
        const found = new Set<string>();
        for (let page = 1; found.size < coreCodes.length && page <= 2; page++) {
          const codes = coreCodes.map((c, i) => `filters[nationalCode][$in][${i}]=${c}`).join('&');
          const query = `locale=${locale}&${codes}&fields[0]=nationalCode&pagination[pageSize]=100&pagination[page]=${page}`;
          for (const p of (await request(cms, 'GET', `/api/procedures?${query}`)).body.data) found.add(p.nationalCode);
        }
        assert.deepEqual(coreCodes.filter((c) => !found.has(c)), [], `core procedures missing in ${locale}`);
      }
    });

    test('search answers the acceptance queries with the right document first', async () => {
      const first = async (q: string, locale = 'vi') =>
        (await request(cms, 'GET', `/api/search?q=${encodeURIComponent(q)}&locale=${locale}`)).body.hits[0];
      for (const q of ['khai sinh', 'lam giay khai sinh']) assert.equal((await first(q)).code, '1.001193.000.00.00.H36', q);
      assert.equal((await first('cap doi so do')).code, '1.012783.H36');
      assert.equal((await first('GPLX')).key, 'thu-tuc-quoc-gia-giay-phep-lai-xe');
      assert.equal((await first('birth registration', 'en')).url, '/en/procedures/dang-ky-khai-sinh');
    });

    test('the index kept in step while seeding holds exactly the published documents', async () => {
      const search = cms.strapi.service('api::search.search') as any;
      await search.flush();
      for (const r of await search.check()) {
        assert.deepEqual([r.missing.length, r.extra.length], [0, 0], r.locale);
        assert.ok(r.expected >= (r.locale === 'vi' ? 1294 + 500 + 40 : 60 + 100), `${r.locale}: ${r.expected} documents`);
      }
    });

    publicApiProperties(() => cms);

    test('serves a listed procedure without details as a page-worthy record', async () => {
      const { body } = await request(cms, 'GET', '/api/procedures?locale=vi&filters[nationalCode][$eq]=1.005461&populate[field]=true&populate[agencies]=true');
      const p = body.data[0];
      assert.equal(p.name, 'Đăng ký lại khai tử');
      assert.equal(p.serviceLevel, 'mot-phan');
      assert.deepEqual(p.levels, ['cap-xa']);
      assert.equal(p.field.name, 'Hộ tịch');
      assert.equal(p.agencies[0].name, 'Ủy ban nhân dân cấp xã');
    });
  });
}
