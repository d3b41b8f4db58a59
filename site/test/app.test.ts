/**
 * The site server's app without listening (app.ts), as the OpenAPI generator and `inject` use it:
 * its own endpoints are documented, the proxied and static ones are not (the CMS's and the
 * assistant's documents describe theirs).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTrustedProxies } from '@portal/cms/client-address';
import { buildSiteApp } from '../server/app';

/** The app before any build, its upstreams nowhere: what the document generator has at hand. */
const bareApp = () =>
  buildSiteApp({
    logLevel: 'error',
    trustedProxies: parseTrustedProxies(''),
    served: { now: () => undefined },
    builder: { request: () => undefined, building: false },
    rebuildToken: () => 'unused',
    upstreams: { cms: () => 'http://127.0.0.1:9', bot: () => 'http://127.0.0.1:9' },
  });

test('the OpenAPI document has the site server’s own endpoints only: /_health and /_rebuild', async () => {
  const app = await bareApp();
  await app.ready();
  const document = app.swagger() as { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };
  assert.deepEqual(Object.keys(document.paths).sort(), ['/_health', '/_rebuild']);
  assert.deepEqual(Object.keys(document.paths['/_rebuild']!), ['post']);
  assert.ok(document.paths['/_rebuild']!.post!.responses!['202']);
  assert.ok(document.paths['/_health']!.get!.responses!['200']);
  await app.close();
});

test('built without listening, it answers by inject: 503 and the Vietnamese "being built" page before the first build', async () => {
  const app = await bareApp();
  const answer = await app.inject({ method: 'GET', url: '/thu-tuc/dang-ky-khai-sinh' });
  assert.equal(answer.statusCode, 503);
  assert.match(answer.body, /Trang đang được xây dựng…/);
  assert.deepEqual((await app.inject({ method: 'GET', url: '/_health' })).json(), { status: 'ok', build: null });
  await app.close();
});
