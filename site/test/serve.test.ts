/**
 * The site server against fixture builds (written by the stand-in build command through the real
 * SiteBuilder): headers, compression, 404, health, rebuild requests, swaps, the proxies' answers
 * when the CMS or the assistant is down. The proxy with a real CMS is in tests/site/site-server.test.ts,
 * what the proxies send upstream in proxy.test.ts.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';
import type { Logger } from '../server/builder';
import { siteConfig } from '../server/config';
import { startSiteServer, type RunningSiteServer } from '../server/serve';
import { logLines } from './support/log-lines';
import { inlineScript, standInBuild, standInRuns, type StandInPlan } from './support/stand-in-build';

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; text: string };

/** One raw HTTP request (no automatic decompression, unlike fetch), so encodings can be checked. */
function get(base: string, pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(pathname, base), { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode!, headers: res.headers, body, text: body.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const label = (html: string) => /<p class="label">([^<]*)<\/p>/.exec(html)?.[1];

async function until<T>(what: string, probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) assert.fail(`${what}: not within ${timeoutMs} ms (last: ${JSON.stringify(value)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = http.createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

describe('site server', () => {
  const token = 'test-rebuild-token-5f1c';
  let tmp: string;
  let runLog: string;
  let release: string;
  let plan: StandInPlan;
  let site: RunningSiteServer;
  const log: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const requestLog = logLines();

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-site-serve-'));
    runLog = path.join(tmp, 'runs.jsonl');
    release = path.join(tmp, 'release-first-build');
    plan = { waitForFile: release, label: 'bản dựng 1' };
    site = await startSiteServer({
      config: siteConfig({ DATA_DIR: path.join(tmp, 'data') }),
      port: 0,
      host: '127.0.0.1',
      dir: path.join(tmp, 'site'),
      builder: { command: standInBuild(runLog, () => plan), debounceMs: 50 },
      rebuildToken: token,
      cmsUrl: `http://127.0.0.1:${await closedPort()}`,
      botUrl: `http://127.0.0.1:${await closedPort()}`,
      log,
      logStream: requestLog.stream,
    });
  });

  after(async () => {
    await site?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('before the first build: listens at once, answers 503 with a Vietnamese page, then serves the build', async () => {
    const waiting = await get(site.url, '/thu-tuc/dang-ky-khai-sinh');
    assert.equal(waiting.status, 503);
    assert.equal(waiting.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(waiting.headers['retry-after'], '10');
    assert.equal(waiting.headers['cache-control'], 'no-store');
    assert.match(waiting.text, /Trang đang được xây dựng…/);
    assert.deepEqual(JSON.parse((await get(site.url, '/_health')).text), { status: 'ok', build: null });

    fs.writeFileSync(release, '');
    await site.ready;
    const page = await get(site.url, '/thu-tuc/dang-ky-khai-sinh');
    assert.equal(page.status, 200);
    assert.match(page.text, /<h1>Đăng ký khai sinh<\/h1>/);
    plan = { label: 'bản dựng 1' };
  });

  test('sends HTML as text/html; charset=utf-8, with or without a trailing slash', async () => {
    for (const pathname of ['/', '/thu-tuc/dang-ky-khai-sinh', '/thu-tuc/dang-ky-khai-sinh/', '/en/']) {
      const page = await get(site.url, pathname);
      assert.equal(page.status, 200, pathname);
      assert.equal(page.headers['content-type'], 'text/html; charset=utf-8', pathname);
    }
    assert.equal((await get(site.url, '/_astro/app.B7x9Qk2a.js')).headers['content-type'], 'text/javascript; charset=utf-8');
  });

  test('hashed assets under /_astro/ are cached for a year; pages are revalidated with an ETag', async () => {
    const asset = await get(site.url, '/_astro/app.B7x9Qk2a.js');
    assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable');
    const page = await get(site.url, '/');
    assert.equal(page.headers['cache-control'], 'public, max-age=0, must-revalidate');
    assert.ok(page.headers.etag, 'ETag');
    const again = await get(site.url, '/', { headers: { 'if-none-match': page.headers.etag } });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
  });

  test('serves the precompressed file the client accepts: br, then gzip, else identity', async () => {
    const original = fs.readFileSync(path.join(site.builder.current()!, 'index.html'));
    const br = await get(site.url, '/', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers.vary, 'Accept-Encoding');
    assert.equal(br.headers['content-type'], 'text/html; charset=utf-8');
    assert.deepEqual(zlib.brotliDecompressSync(br.body), original);
    assert.ok(br.body.length < original.length / 2);
    const gz = await get(site.url, '/', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(zlib.gunzipSync(gz.body), original);
    const plain = await get(site.url, '/');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(plain.body, original);
  });

  test('unknown paths get the build’s 404 page with status 404', async () => {
    const missing = await get(site.url, '/thu-tuc/khong-co-thu-tuc-nay', { headers: { 'accept-encoding': 'br' } });
    assert.equal(missing.status, 404);
    assert.equal(missing.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(missing.headers['content-encoding'], 'br');
    assert.match(zlib.brotliDecompressSync(missing.body).toString('utf8'), /<h1>Không tìm thấy trang<\/h1>/);
  });

  test('sends security headers, and a CSP that allows the build’s inline scripts by hash only', async () => {
    const page = await get(site.url, '/');
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    assert.equal(page.headers['referrer-policy'], 'strict-origin-when-cross-origin');
    const csp = String(page.headers['content-security-policy']);
    const hash = crypto.createHash('sha256').update(inlineScript).digest('base64');
    assert.match(csp, new RegExp(`script-src 'self' 'sha256-${hash.replace(/[+/]/g, '\\$&')}'`));
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.match(csp, /object-src 'none'/);
  });

  test('GET /_health answers 200 with the served build', async () => {
    const health = await get(site.url, '/_health');
    assert.equal(health.status, 200);
    assert.deepEqual(JSON.parse(health.text), { status: 'ok', build: site.builder.currentId() });
  });

  test('other methods get 405 with Allow, in the envelope', async () => {
    for (const [method, pathname, allow] of [
      ['POST', '/', 'GET, HEAD'],
      ['DELETE', '/thu-tuc/dang-ky-khai-sinh', 'GET, HEAD'],
      ['POST', '/api/search/suggest', 'GET, HEAD'],
      ['GET', '/_rebuild', 'POST'],
      ['GET', '/api/ask/stream', 'POST'],
      ['PUT', '/api/feedback', 'POST'],
    ] as const) {
      const answer = await get(site.url, pathname, { method, body: method === 'POST' ? 'x' : undefined });
      assert.equal(answer.status, 405, `${method} ${pathname}`);
      assert.equal(answer.headers.allow, allow, `${method} ${pathname}`);
      assert.equal(JSON.parse(answer.text).error.name, 'MethodNotAllowedError');
    }
  });

  test('POST /_rebuild needs the bearer token; with it, 202 and the new build is served without a restart', async () => {
    const runs = standInRuns(runLog).length;
    assert.equal((await get(site.url, '/_rebuild', { method: 'POST' })).status, 401);
    const wrong = await get(site.url, '/_rebuild', { method: 'POST', headers: { authorization: 'Bearer not-the-token' } });
    assert.equal(wrong.status, 401);
    assert.equal(JSON.parse(wrong.text).error.status, 401);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(standInRuns(runLog).length, runs, 'no build for a request without the token');

    const before = label((await get(site.url, '/')).text);
    plan = { label: 'bản dựng 2' };
    const accepted = await get(site.url, '/_rebuild', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'CMS: publish faq' }),
    });
    assert.equal(accepted.status, 202);
    const after = await until('the new build served', async () => label((await get(site.url, '/')).text), (l) => l === 'bản dựng 2');
    assert.notEqual(after, before);
    assert.equal(standInRuns(runLog).length, runs + 1);
    assert.equal(JSON.parse((await get(site.url, '/_health')).text).build, site.builder.currentId());
  });

  test('a rollback by hand (current re-pointed at the previous build) is served within a second or two', async () => {
    const dir = path.join(tmp, 'site');
    const [previous] = fs.readdirSync(path.join(dir, 'builds')).sort();
    fs.symlinkSync(path.join('builds', previous!), path.join(dir, 'rollback'));
    fs.renameSync(path.join(dir, 'rollback'), path.join(dir, 'current'));
    await until('the previous build served', async () => label((await get(site.url, '/')).text), (l) => l === 'bản dựng 1');
  });

  test('the search API answers 502 in the envelope when the CMS is unreachable, and the log says so without the query', async () => {
    const answer = await get(site.url, '/api/search?q=khai%20sinh');
    assert.equal(answer.status, 502);
    assert.match(String(answer.headers['content-type']), /^application\/json/);
    assert.equal(answer.headers['cache-control'], 'no-store');
    assert.deepEqual(JSON.parse(answer.text), {
      error: { status: 502, name: 'BadGatewayError', message: 'Không kết nối được máy chủ tìm kiếm. Vui lòng thử lại sau.', details: {} },
    });
    assert.equal((await get(site.url, '/api/search/suggest?q=ket')).status, 502);
    const id = String(answer.headers['x-request-id']);
    assert.match(id, /^[0-9a-f-]{36}$/);
    const lines = requestLog.lines.filter((line) => line.reqId === id);
    assert.ok(lines.some((line) => line.level === 40 && /ECONNREFUSED/.test(JSON.stringify(line))), JSON.stringify(lines));
    assert.deepEqual(lines.filter((line) => line.msg === 'request').map((line) => [line.path, line.status]), [['/api/search', 502]]);
    assert.doesNotMatch(JSON.stringify(requestLog.lines), /q=|khai%20sinh|khai sinh/);
  });

  test('the assistant’s endpoints answer 502 in the envelope with a Vietnamese message when it is down', async () => {
    const answer = await get(site.url, '/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'làm giấy khai sinh' }) });
    assert.equal(answer.status, 502);
    assert.equal(JSON.parse(answer.text).error.message, 'Trợ lý ảo đang tạm ngừng. Vui lòng thử lại sau hoặc gọi đường dây nóng.');
    const tooLarge = await get(site.url, '/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'a'.repeat(70_000) }) });
    assert.equal(tooLarge.status, 413);
    assert.equal(JSON.parse(tooLarge.text).error.name, 'PayloadTooLargeError');
  });
});

describe('site server with a failing first build', () => {
  test('keeps answering 503 and retries the build', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-site-serve-'));
    const runLog = path.join(tmp, 'runs.jsonl');
    let plan: StandInPlan = { fail: true };
    const site = await startSiteServer({
      config: siteConfig({ DATA_DIR: path.join(tmp, 'data'), LOG_LEVEL: 'error' }),
      port: 0,
      host: '127.0.0.1',
      dir: path.join(tmp, 'site'),
      builder: { command: standInBuild(runLog, () => plan), debounceMs: 10 },
      rebuildToken: 'x',
      retryMs: 300,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    try {
      await until('the first build failed', async () => standInRuns(runLog).length, (n) => n >= 1);
      assert.equal((await get(site.url, '/')).status, 503);
      plan = { label: 'sau khi thử lại' };
      await site.ready;
      assert.ok(standInRuns(runLog).length >= 2);
      assert.equal(label((await get(site.url, '/')).text), 'sau khi thử lại');
    } finally {
      await site.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
