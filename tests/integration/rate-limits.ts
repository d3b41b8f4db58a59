/**
 * Client addresses the CMS can trust, and the limits that count them: X-Forwarded-For counts only
 * from TRUSTED_PROXIES (loopback by default, which these tests are); a test that plays an untrusted
 * peer sets TRUSTED_PROXIES to another address for its requests.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { createLimiter } from '@portal/cms/limits';
import { asUntrustedPeer, request, startCms, testAdmin, type RunningCms } from '../support/cms';
import { describeOnDatabase, type TestDatabase } from '../support/databases';
import { openApiProblems } from '../support/openapi';

const forged = (i: number) => `198.51.100.${i % 250}`;

export function rateLimitSuite(database: TestDatabase): void {
  describeOnDatabase('client addresses and rate limits', database, () => {
    let cms: RunningCms;
    before(async () => {
      cms = await startCms(database);
    });
    after(async () => {
      await cms?.stop();
    });
    const login = (email: string, password: string, clientIp?: string) => request(cms, 'POST', '/admin/login', { body: { email, password }, clientIp });

    describe('search', () => {
      test('an untrusted peer forging a new X-Forwarded-For on every request is still limited: 429 after 40', async () => {
        const statuses = await asUntrustedPeer(async () => {
          const seen: number[] = [];
          for (let i = 0; i < 41; i++) seen.push((await request(cms, 'GET', '/api/search?q=khai%20sinh', { clientIp: forged(i) })).status);
          return seen;
        });
        assert.deepEqual(statuses.slice(0, 40), Array(40).fill(200));
        assert.equal(statuses[40], 429);
      });

      test('behind a trusted proxy, each client forwarded is counted on its own, with Retry-After in the error envelope', async () => {
        for (let i = 0; i < 40; i++) assert.equal((await request(cms, 'GET', '/api/search/suggest?q=ket', { clientIp: '203.0.113.50' })).status, 200);
        const limited = await request(cms, 'GET', '/api/search?q=ket', { clientIp: '203.0.113.50' });
        assert.equal(limited.status, 429, 'search and suggest share one budget');
        assert.deepEqual(openApiProblems('Error', limited.body), []);
        assert.equal(limited.body.error.name, 'TooManyRequestsError');
        assert.equal(limited.body.error.details.retryAfterSeconds, Number(limited.headers.get('retry-after')));
        assert.equal((await request(cms, 'GET', '/api/search?q=ket', { clientIp: '203.0.113.51' })).status, 200);
        // A chain: the trusted proxy saw 203.0.113.52; what that client wrote before its own address
        // (203.0.113.50, which is limited) is its own claim and is ignored.
        assert.equal((await request(cms, 'GET', '/api/search?q=ket', { clientIp: '203.0.113.50, 203.0.113.52' })).status, 200);
      });
    });

    describe('admin login', () => {
      test('an untrusted peer rotating forged addresses gets 429 at the 6th wrong password (Strapi’s limit sees the real address)', async () => {
        const statuses = await asUntrustedPeer(async () => {
          const seen: number[] = [];
          for (let i = 0; i < 7; i++) seen.push((await login(testAdmin.email, `Wrong-password-${i}`, forged(i))).status);
          return seen;
        });
        assert.ok(statuses.slice(0, 5).every((s) => s !== 429), JSON.stringify(statuses));
        assert.deepEqual(statuses.slice(5), [429, 429]);
      });

      test('one account tried from many real addresses is limited after 10 failures, even with the right password', async () => {
        const email = 'dich.vu@test.local';
        for (let i = 0; i < 10; i++) assert.notEqual((await login(email, 'Wrong-pass-1', `203.0.113.${100 + i}`)).status, 429, `attempt ${i + 1}`);
        const limited = await login(email, 'Wrong-pass-1', '203.0.113.120');
        assert.equal(limited.status, 429);
        assert.match(limited.body.error.message, /Đăng nhập sai quá nhiều lần/);
        assert.ok(Number(limited.headers.get('retry-after')) > 60);
        assert.equal((await login(email.toUpperCase(), 'Wrong-pass-1', '203.0.113.121')).status, 429, 'the e-mail is compared in lower case');
      });

      test('one address trying many accounts is limited after 20 failures; successful logins do not count', async () => {
        const address = '203.0.113.200';
        for (let i = 0; i < 19; i++) assert.notEqual((await login(`nguoi${i}@test.local`, 'Wrong-pass-1', address)).status, 429, `attempt ${i + 1}`);
        for (let i = 0; i < 3; i++) assert.equal((await login(testAdmin.email, testAdmin.password, address)).status, 200);
        assert.notEqual((await login('nguoi19@test.local', 'Wrong-pass-1', address)).status, 429, 'the 20th failure is allowed');
        assert.equal((await login('nguoi20@test.local', 'Wrong-pass-1', address)).status, 429);
        assert.equal((await login(testAdmin.email, testAdmin.password, '203.0.113.201')).status, 200, 'another address is not limited');
      });
    });

    if (database === 'postgres') {
      test('on PostgreSQL, limiters share their counts through the database (as CMS instances would), and store no address', async () => {
        const postgres = { url: process.env.DATABASE_URL! };
        const first = createLimiter({ keyPrefix: 'test-shared', points: 3, durationSeconds: 60, postgres });
        for (let i = 0; i < 3; i++) assert.equal((await first.consume('203.0.113.77')).allowed, true);
        await first.close();
        const second = createLimiter({ keyPrefix: 'test-shared', points: 3, durationSeconds: 60, postgres });
        try {
          const decision = await second.consume('203.0.113.77');
          assert.equal(decision.allowed, false);
          assert.ok(decision.retryAfterSeconds >= 1 && decision.retryAfterSeconds <= 60);
        } finally {
          await second.close();
        }
        const client = new pg.Client({ connectionString: postgres.url });
        await client.connect();
        try {
          const rows = (await client.query(`SELECT key FROM portal_rate_limits`)).rows as { key: string }[];
          assert.ok(rows.some((r) => r.key.startsWith('test-shared:')));
          assert.ok(!rows.some((r) => /203\.0\.113|@/.test(r.key)), JSON.stringify(rows));
        } finally {
          await client.end();
        }
      });
    }
  });
}
