/**
 * The admin behind a TLS proxy (PUBLIC_URL https://…): its session cookies are Secure, and only a
 * trusted proxy can say a request came over https.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { asUntrustedPeer, request, startCms, testAdmin, type RunningCms } from '../support/cms';
import { describeOnDatabase, type TestDatabase } from '../support/databases';

export function adminHttpsSuite(database: TestDatabase): void {
  describeOnDatabase('admin behind https', database, () => {
    let cms: RunningCms;
    before(async () => {
      cms = await startCms(database, { PUBLIC_URL: 'https://cms.example.gov.vn' });
    });
    after(async () => {
      await cms?.stop();
    });

    test('a login through the trusted proxy over https gets Secure, HttpOnly cookies', async () => {
      const response = await request(cms, 'POST', '/admin/login', { body: testAdmin, headers: { 'x-forwarded-proto': 'https' } });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      const cookies = response.headers.getSetCookie();
      assert.ok(cookies.length > 0);
      for (const cookie of cookies) assert.match(cookie, /; secure/i, cookie);
      assert.ok(cookies.some((c) => /; httponly/i.test(c)));
    });

    test('a login over plain http, or from a peer that only claims https, is refused with 403', async () => {
      const plain = await request(cms, 'POST', '/admin/login', { body: testAdmin });
      assert.equal(plain.status, 403);
      assert.match(plain.body.error.message, /chỉ dùng qua https/);
      const claimed = await asUntrustedPeer(() => request(cms, 'POST', '/admin/login', { body: testAdmin, headers: { 'x-forwarded-proto': 'https' } }));
      assert.equal(claimed.status, 403);
    });
  });
}
