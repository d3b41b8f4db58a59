/**
 * The site server with the real CMS: the search API through the site (the CMS's answers, the
 * client's address in X-Forwarded-For for its rate limit, forged addresses not believed), uploaded
 * files served so that none runs on the portal's origin, and a publish in the CMS asking the site
 * server for a rebuild. The site server is real; its build command is the stand-in from
 * site/test/support (it writes a small fixture site), so no Astro build runs here.
 *
 * The site server trusts only 127.0.0.1 as a proxy (a pretend nginx): clients come from other
 * loopback addresses (127.0.0.0/8 is all loopback on Linux), each its own rate-limit counter.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { readSecrets } from '@portal/cms/environment';
import { seed } from '@portal/seeds';
import { siteConfig, startSiteServer, uploadPolicy, type RunningSiteServer } from '@portal/site/server';
import { standInBuild, standInRuns } from '@portal/site/testing';
import { fixtureSeedDir, request, startCms, testAdmin, type RunningCms } from '../support/cms';
import { describeOnDatabase } from '../support/databases';
import { openApiProblems } from '../support/openapi';

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: any; text: string };

/** GET through the site server from a given loopback source address. */
function getFrom(base: string, pathname: string, localAddress = '127.0.0.1', headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get(new URL(pathname, base), { localAddress, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        const json = /json/.test(String(res.headers['content-type']));
        resolve({ status: res.statusCode!, headers: res.headers, body: json && text ? JSON.parse(text) : null, text });
      });
    });
    req.on('error', reject);
  });
}

/** Forty-one searches (SEARCH_RATE_LIMIT is 40 here): the statuses, each request with its own headers. */
async function fortyOneSearches(base: string, localAddress: string, headers: (i: number) => Record<string, string> = () => ({})): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < 41; i++) statuses.push((await getFrom(base, `/api/search?q=ket%20hon%20${i}`, localAddress, headers(i))).status);
  return statuses;
}

async function until<T>(what: string, probe: () => T | Promise<T>, ok: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) assert.fail(`${what}: not within ${timeoutMs} ms (last: ${JSON.stringify(value)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeOnDatabase('site server with the CMS', 'sqlite', () => {
  /** What the site server expects; by default the CMS's own token (DATA_DIR/secrets.json, shared by both in this process). */
  let expectedToken: string | undefined;
  let tmp: string;
  let runLog: string;
  let cms: RunningCms;
  let site: RunningSiteServer;
  let admin: string;
  const siteLog: string[] = [];
  const faqs = '/content-manager/collection-types/api::faq.faq';
  const runs = () => standInRuns(runLog).length;
  const uploaded: number[] = [];

  /** Uploads a file to the media library the way the admin panel does; returns its /uploads/… path. */
  async function upload(name: string, type: string, content: string | Buffer): Promise<string> {
    const form = new FormData();
    form.append('files', new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type }), name);
    const response = await fetch(`${cms.url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: form });
    const body = (await response.json()) as { id: number; url: string }[];
    assert.equal(response.status, 201, JSON.stringify(body));
    uploaded.push(body[0]!.id);
    return body[0]!.url;
  }

  async function createFaq(slug: string, question: string): Promise<string> {
    const created = await request(cms, 'POST', `${faqs}?locale=vi`, {
      token: admin,
      body: { question, slug, answer: 'Tại bộ phận một cửa.', alternativeQuestions: [slug.replaceAll('-', ' '), `${question} ở đâu`, `hỏi ${slug}`] },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body.data.documentId;
  }
  const publish = (id: string) => request(cms, 'POST', `${faqs}/${id}/actions/publish?locale=vi`, { token: admin, body: {} });

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-site-cms-'));
    runLog = path.join(tmp, 'runs.jsonl');
    site = await startSiteServer({
      config: siteConfig({ DATA_DIR: path.join(tmp, 'data'), TRUSTED_PROXIES: '127.0.0.1', LOG_LEVEL: 'error' }),
      port: 0,
      host: '127.0.0.1',
      dir: path.join(tmp, 'site'),
      builder: { command: standInBuild(runLog), debounceMs: 200 },
      rebuildToken: () => expectedToken ?? readSecrets(cms.dataDir).siteRebuildToken,
      cmsUrl: () => cms.url,
      log: { info: (m) => void siteLog.push(m), warn: (m) => void siteLog.push(m), error: (m) => void siteLog.push(m) },
    });
    await site.ready;
    cms = await startCms('sqlite', { SITE_REBUILD_URL: `${site.url}/_rebuild` });
    await seed(cms.strapi, fixtureSeedDir);
    admin = (await request(cms, 'POST', '/admin/login', { body: testAdmin })).body.data.token;
    await until('the search index', async () => (await request(cms, 'GET', '/api/search?q=khai%20sinh')).body.total, (n) => n > 0, 5000);
  });

  after(async () => {
    // The upload plugin writes into the CMS app's public/uploads folder, not the test's data folder.
    for (const id of uploaded) await request(cms, 'DELETE', `/upload/files/${id}`, { token: admin });
    await cms?.stop();
    await site?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('a seed run (many writes in one transaction) asks for one rebuild', async () => {
    await until('the rebuild after the seed', runs, (n) => n === 2, 5000);
    await sleep(1500);
    assert.equal(runs(), 2, 'the first build and one after the seed');
    assert.ok(siteLog.some((l) => /^Building the site .*CMS: (create|update) /.test(l)), siteLog.join('\n'));
  });

  test('publishing a FAQ in the admin makes the site server rebuild within seconds; saving a draft does not', async () => {
    await site.builder.idle();
    const before = runs();
    const id = await createFaq('the-thu-vien-o-dau', 'Làm thẻ thư viện tỉnh ở đâu?');
    await sleep(1800);
    assert.equal(runs(), before, 'a draft is not on the portal: no rebuild');

    const published = Date.now();
    assert.equal((await publish(id)).status, 200);
    await until('a rebuild after the publish', runs, (n) => n === before + 1, 5000);
    await site.builder.idle();
    const seconds = (Date.now() - published) / 1000;
    assert.ok(seconds < 5, `built ${seconds} s after the publish`);
    assert.ok(siteLog.some((l) => l.includes('CMS: publish faq')), siteLog.join('\n'));
    const health = (await (await fetch(`${site.url}/_health`)).json()) as { build: string };
    assert.equal(health.build, site.builder.currentId());
  });

  test('a site server that is down, or refuses the token: the publish succeeds, one warning until it answers again, no build', async () => {
    const warnings: string[] = [];
    const warn = cms.strapi.log.warn.bind(cms.strapi.log);
    cms.strapi.log.warn = ((message: string) => {
      warnings.push(message);
      return warn(message);
    }) as typeof cms.strapi.log.warn;
    const server = http.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const closedPort = (server.address() as AddressInfo).port;
    await new Promise((r) => server.close(r));
    try {
      process.env.SITE_REBUILD_URL = `http://127.0.0.1:${closedPort}/_rebuild`;
      for (const slug of ['xin-ban-sao-1', 'xin-ban-sao-2']) {
        assert.equal((await publish(await createFaq(slug, `Xin bản sao ${slug}?`))).status, 200);
        await sleep(1300);
      }
      assert.equal(warnings.filter((w) => w.includes('Could not ask the site server')).length, 1, warnings.join('\n'));
      assert.match(warnings[0]!, /ECONNREFUSED/);

      // Back up: the next publish gets through (and resets the warning).
      process.env.SITE_REBUILD_URL = `${site.url}/_rebuild`;
      const before = runs();
      assert.equal((await publish(await createFaq('xin-ban-sao-3', 'Xin bản sao lần ba?'))).status, 200);
      await until('a rebuild once the site server is back', runs, (n) => n === before + 1, 5000);

      warnings.length = 0;
      expectedToken = 'a-token-the-cms-does-not-have';
      assert.equal((await publish(await createFaq('xin-ban-sao-4', 'Xin bản sao lần bốn?'))).status, 200);
      await until('the warning', () => warnings.length, (n) => n > 0, 3000);
      assert.match(warnings[0]!, /answered 401/);
      await sleep(500);
      assert.equal(runs(), before + 1, 'no build for a request with the wrong token');
    } finally {
      process.env.SITE_REBUILD_URL = `${site.url}/_rebuild`;
      expectedToken = undefined;
      cms.strapi.log.warn = warn;
    }
  });

  test('GET /api/search and /api/search/suggest through the site server answer as the CMS does', async () => {
    const direct = await request(cms, 'GET', '/api/search?q=khai%20sinh');
    const proxied = await getFrom(site.url, '/api/search?q=khai%20sinh');
    assert.equal(proxied.status, 200);
    assert.match(String(proxied.headers['content-type']), /^application\/json/);
    assert.deepEqual(openApiProblems('SearchResult', proxied.body), []);
    assert.ok(proxied.body.total > 0);
    assert.deepEqual(proxied.body.hits, direct.body.hits);
    assert.equal(proxied.body.hits[0].code, '1.001193.000.00.00.H36');

    const suggest = await getFrom(site.url, '/api/search/suggest?q=dang%20ky%20ket');
    assert.deepEqual(suggest.body, (await request(cms, 'GET', '/api/search/suggest?q=dang%20ky%20ket')).body);

    const empty = await getFrom(site.url, '/api/search?q=');
    assert.equal(empty.status, 400);
    assert.match(empty.body.error.message, /Hãy nhập từ khóa/);
  });

  test('the CMS counts its rate limit per client of the site server (X-Forwarded-For), with Retry-After passed on', async () => {
    const statuses = await fortyOneSearches(site.url, '127.0.0.2');
    assert.deepEqual(statuses.slice(0, 40), Array(40).fill(200));
    assert.equal(statuses[40], 429);
    const limited = await getFrom(site.url, '/api/search?q=ket%20hon', '127.0.0.2');
    assert.equal(limited.status, 429);
    const retryAfter = Number(limited.headers['retry-after']);
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After: ${limited.headers['retry-after']}`);
    assert.match(limited.body.error.message, /quá nhiều lần/);

    // The CMS saw the forwarded address, not the site server's own 127.0.0.1 …
    assert.equal((await request(cms, 'GET', '/api/search?q=ket%20hon', { clientIp: '127.0.0.2' })).status, 429);
    assert.equal((await request(cms, 'GET', '/api/search?q=ket%20hon')).status, 200);
    // … and another client is not limited, and cannot borrow an address through the site server.
    assert.equal((await getFrom(site.url, '/api/search?q=ket%20hon', '127.0.0.3')).status, 200);
    assert.equal((await getFrom(site.url, '/api/search?q=ket%20hon', '127.0.0.3', { 'x-forwarded-for': '127.0.0.2' })).status, 200);
  });

  test('a client forging a new X-Forwarded-For on every request is still counted by its own address: 429 through the portal', async () => {
    const statuses = await fortyOneSearches(site.url, '127.0.0.4', (i) => ({ 'x-forwarded-for': `203.0.113.${i + 1}` }));
    assert.deepEqual(statuses.slice(0, 40), Array(40).fill(200));
    assert.equal(statuses[40], 429);
  });

  test('behind a trusted proxy, the client it names is counted, never an address the client put before it', async () => {
    // From 127.0.0.1 (trusted): "<forged by the client>, <the client as the proxy saw it>".
    const statuses = await fortyOneSearches(site.url, '127.0.0.1', (i) => ({ 'x-forwarded-for': `203.0.113.${i + 1}, 127.0.0.5` }));
    assert.deepEqual(statuses.slice(0, 40), Array(40).fill(200));
    assert.equal(statuses[40], 429);
    assert.equal((await request(cms, 'GET', '/api/search?q=ket%20hon', { clientIp: '127.0.0.5' })).status, 429);
    assert.equal((await getFrom(site.url, '/api/search?q=ket%20hon', '127.0.0.1')).status, 200, 'the proxy itself is another client');
  });

  test('an uploaded SVG with a script and an uploaded HTML page are downloads in a sandbox, never pages of the portal', async () => {
    const files = [
      ['logo-xa.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'],
      ['thong-bao.html', 'text/html', '<!doctype html><title>Thông báo</title><script>fetch("/api/ask")</script>'],
    ] as const;
    for (const [name, type, content] of files) {
      const url = await upload(name, type, content);
      const answer = await getFrom(site.url, url);
      assert.equal(answer.status, 200, url);
      assert.equal(answer.text, content, 'the file itself, to download');
      assert.match(String(answer.headers['content-disposition']), /^attachment\b/, url);
      assert.equal(answer.headers['content-security-policy'], uploadPolicy, url);
      assert.equal(answer.headers['x-content-type-options'], 'nosniff', url);
    }
  });

  test('uploaded images and PDF files stay inline, still sandboxed and never sniffed, cached for a day', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    const pdf = '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n';
    for (const [name, type, content] of [['con-dau.png', 'image/png', png], ['huong-dan.pdf', 'application/pdf', pdf]] as const) {
      const url = await upload(name, type, content);
      const answer = await getFrom(site.url, url);
      assert.equal(answer.status, 200, url);
      assert.match(String(answer.headers['content-type']), new RegExp(`^${type}`), url);
      assert.equal(answer.headers['content-disposition'], undefined, url);
      assert.equal(answer.headers['content-security-policy'], uploadPolicy, url);
      assert.equal(answer.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(answer.headers['cache-control'], 'public, max-age=86400', url);
    }
  });
});
