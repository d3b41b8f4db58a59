/**
 * What the proxies send upstream and pass back, against a real HTTP server standing in for the CMS
 * and the assistant that records what it receives: the client's address as the only
 * X-Forwarded-For, the request id, no cookies or credentials, no upstream banners, and the
 * assistant's Server-Sent Events streamed as they come. The same with the real CMS and its rate
 * limit: tests/site/site-server.test.ts.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SiteBuilder } from '../server/builder';
import { siteConfig } from '../server/config';
import { startSiteServer, type RunningSiteServer } from '../server/serve';

type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };

/** GET or POST from a given loopback source address; resolves with the status, headers and body. */
function send(base: string, pathname: string, options: { localAddress?: string; method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const req = http.request(new URL(pathname, base), { method: options.method ?? 'GET', localAddress: options.localAddress ?? '127.0.0.1', headers: options.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the proxies', () => {
  let tmp: string;
  let upstream: http.Server;
  let site: RunningSiteServer;
  const seen: Seen[] = [];
  let releaseSecondEvent: () => void = () => undefined;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-site-proxy-'));
    upstream = http.createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        const banners = { 'x-powered-by': 'Strapi <strapi.io>', 'set-cookie': 'koa.sess=abc', server: 'upstream/1.0' };
        if (req.url === '/api/ask/stream') {
          res.writeHead(200, { 'content-type': 'text/event-stream', ...banners });
          res.write('event: answer\ndata: {"part":1}\n\n');
          releaseSecondEvent = () => res.end('event: done\ndata: {}\n\n');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...banners });
        res.end(JSON.stringify({ ok: true }));
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const config = siteConfig({ DATA_DIR: path.join(tmp, 'data'), TRUSTED_PROXIES: '127.0.0.1', LOG_LEVEL: 'error' });
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    site = await startSiteServer({
      config,
      port: 0,
      host: '127.0.0.1',
      builder: new SiteBuilder({ dir: path.join(tmp, 'site'), config, log }),
      buildOnStart: 'never',
      cmsUrl: upstreamUrl,
      botUrl: upstreamUrl,
      rebuildToken: 'x',
      log,
    });
  });

  after(async () => {
    releaseSecondEvent();
    await site?.close();
    await new Promise((resolve) => upstream?.close(resolve));
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('a client’s own X-Forwarded-For and X-Request-Id are replaced by its address and our id; cookies and credentials stay here', async () => {
    seen.length = 0;
    const answer = await send(site.url, '/api/search/suggest?q=k%E1%BA%BFt%20h%C3%B4n&locale=vi', {
      localAddress: '127.0.0.7',
      headers: { 'x-forwarded-for': '203.0.113.9', 'x-request-id': 'chosen-by-the-client', cookie: 'sid=1', authorization: 'Bearer stolen', 'accept-language': 'vi' },
    });
    assert.equal(answer.status, 200);
    const [request] = seen;
    assert.equal(request!.url, '/api/search/suggest?q=k%E1%BA%BFt%20h%C3%B4n&locale=vi');
    assert.equal(request!.headers['x-forwarded-for'], '127.0.0.7');
    assert.notEqual(answer.headers['x-request-id'], 'chosen-by-the-client');
    assert.equal(request!.headers['x-request-id'], answer.headers['x-request-id']);
    assert.equal(request!.headers['accept-language'], 'vi');
    for (const name of ['cookie', 'authorization']) assert.equal(request!.headers[name], undefined, name);
    for (const name of ['x-powered-by', 'set-cookie', 'server']) assert.equal(answer.headers[name], undefined, name);
    assert.equal(answer.headers['cache-control'], 'no-store');
  });

  test('from a trusted proxy, the client it names and its request id go upstream, alone', async () => {
    seen.length = 0;
    await send(site.url, '/api/search?q=a', { headers: { 'x-forwarded-for': '203.0.113.9, 198.51.100.4', 'x-request-id': 'nginx-7f3a' } });
    assert.equal(seen[0]!.headers['x-forwarded-for'], '198.51.100.4');
    assert.equal(seen[0]!.headers['x-request-id'], 'nginx-7f3a');
  });

  test('the assistant’s answer is streamed through as it comes, unbuffered, with its JSON question passed on', async () => {
    seen.length = 0;
    const first = await new Promise<{ headers: http.IncomingHttpHeaders; chunk: string; rest: Promise<string> }>((resolve, reject) => {
      const req = http.request(new URL('/api/ask/stream', site.url), { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' } }, (res) => {
        res.setEncoding('utf8');
        res.once('data', (chunk: string) => {
          let rest = '';
          const ended = new Promise<string>((done) => {
            res.on('data', (more: string) => (rest += more));
            res.on('end', () => done(rest));
          });
          resolve({ headers: res.headers, chunk, rest: ended });
        });
      });
      req.on('error', reject);
      // Only the first event has been written upstream: it must arrive before the second is.
      setTimeout(() => reject(new Error('the first event did not arrive while the stream was open')), 3000).unref();
      req.end(JSON.stringify({ question: 'làm giấy khai sinh cần gì' }));
    });
    assert.match(first.chunk, /event: answer/);
    assert.equal(first.headers['content-type'], 'text/event-stream');
    assert.equal(first.headers['x-accel-buffering'], 'no');
    assert.equal(first.headers['cache-control'], 'no-store');
    releaseSecondEvent();
    assert.match(await first.rest, /event: done/);
    assert.deepEqual(JSON.parse(seen[0]!.body), { question: 'làm giấy khai sinh cần gì' });
    assert.equal(seen[0]!.headers['x-forwarded-for'], '127.0.0.1');
  });
});
