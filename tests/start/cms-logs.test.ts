/**
 * The CMS's own log, read from a real CMS process (`cms/scripts/serve.ts`, as `npm start` runs it):
 * one line per request at LOG_LEVEL=http with the request id, nothing per request at info, no
 * stack trace when a client goes away, no query strings (searches may hold personal data).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { stripVTControlCharacters } from 'node:util';
import { freePort } from '../support/net';

const root = path.resolve(import.meta.dirname, '../..');

type Cms = { url: string; port: number; output: () => string; stop: () => Promise<void> };

async function serveCms(env: Record<string, string>): Promise<Cms> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-logs-'));
  const port = await freePort();
  const { DATABASE_URL: _postgres, ...inherited } = process.env; // logs are the same on either database: SQLite
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'cms/scripts/serve.ts'], {
    cwd: root,
    env: { ...inherited, DATA_DIR: dataDir, CMS_PORT: String(port), HOST: '127.0.0.1', SERVE_ADMIN: 'false', SITE_REBUILD_URL: 'off', ADMIN_PASSWORD: 'Test-admin-2026', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const deadline = Date.now() + 120_000;
  while (!output.includes('CMS listening')) {
    if (child.exitCode !== null || Date.now() > deadline) assert.fail(`the CMS did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Sends `text` on a raw connection and closes it after `ms`, as a client that gives up. */
const abandon = (port: number, text: string, ms: number) =>
  new Promise<void>((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(text);
      setTimeout(() => {
        socket.destroy();
        resolve();
      }, ms);
    });
  });

/** The log lines written after `mark` (an offset in the output) once `done` holds, or after 5 s. */
async function linesAfter(cms: Cms, mark: number, done: (text: string) => boolean): Promise<string> {
  const deadline = Date.now() + 5000;
  while (!done(cms.output().slice(mark)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return cms.output().slice(mark);
}


describe('CMS logs at LOG_LEVEL=http', () => {
  let cms: Cms;
  after(async () => {
    await cms?.stop();
  });

  test('one line per request with its path, status and the request id a trusted proxy passed on, returned in the response', async () => {
    cms = await serveCms({ LOG_LEVEL: 'http' });
    const mark = cms.output().length;
    const response = await fetch(`${cms.url}/api/faqs?locale=vi`, { headers: { 'x-request-id': 'site-7f3a.42' } });
    assert.equal(response.headers.get('x-request-id'), 'site-7f3a.42');
    const log = stripVTControlCharacters(await linesAfter(cms, mark, (t) => t.includes('site-7f3a.42')));
    assert.match(log, /http: GET \/api\/faqs 200 \d+ ms id=site-7f3a\.42\n/);
    assert.equal(log.match(/GET \/api\/faqs/g)?.length, 1, 'one line per request');
  });

  test('a request without an id, or with a malformed one, gets a generated id', async () => {
    for (const headers of [{}, { 'x-request-id': 'bad id\twith spaces' }] as Record<string, string>[]) {
      const id = (await fetch(`${cms.url}/_health`, { headers })).headers.get('x-request-id');
      assert.match(id ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });

  test('never logs the query string: what citizens search for stays out of the log', async () => {
    const mark = cms.output().length;
    await fetch(`${cms.url}/api/search?q=${encodeURIComponent('tôi tên Nguyễn Văn An 0912345678')}`);
    const log = stripVTControlCharacters(await linesAfter(cms, mark, (t) => t.includes('GET /api/search')));
    assert.match(log, /GET \/api\/search 200 /);
    assert.doesNotMatch(log, /Nguy|0912345678|q=/);
  });

  test('a client that closes the connection mid-request is one line, with no error and no stack trace', async () => {
    const mark = cms.output().length;
    await abandon(cms.port, 'POST /admin/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":', 100);
    await abandon(cms.port, 'GET /api/procedures?populate=*&pagination[pageSize]=100 HTTP/1.1\r\nHost: x\r\n\r\n', 0);
    await abandon(cms.port, 'GET http://[/ HTTP/1.1\r\nHost: x\r\n\r\n', 50);
    const log = stripVTControlCharacters(await linesAfter(cms, mark, (t) => t.includes('POST /admin/login') && t.includes('GET /api/procedures') && t.includes('(invalid target)')));
    assert.match(log, /POST \/admin\/login aborted by the client/);
    assert.match(log, /GET \(invalid target\) 400/);
    assert.doesNotMatch(log, /error|Error|\n\s+at /);
  });
});

describe('CMS logs at LOG_LEVEL=info, behind another proxy', () => {
  let cms: Cms;
  after(async () => {
    await cms?.stop();
  });

  test('writes no line per request, and does not take a request id from a peer that is not a trusted proxy', async () => {
    cms = await serveCms({ LOG_LEVEL: 'info', TRUSTED_PROXIES: '10.255.255.1' });
    const mark = cms.output().length;
    const response = await fetch(`${cms.url}/api/faqs`, { headers: { 'x-request-id': 'forged-id' } });
    assert.equal(response.status, 200);
    assert.notEqual(response.headers.get('x-request-id'), 'forged-id');
    await new Promise((r) => setTimeout(r, 500));
    assert.doesNotMatch(cms.output().slice(mark), /GET \/api\/faqs/);
  });
});
