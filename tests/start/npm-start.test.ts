import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { freePort } from '../support/net';
import { fixtureSeedDir } from '../support/cms';

const root = path.resolve(import.meta.dirname, '../..');

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Runs the real start script (as `npm start` does) and waits for its "running" banner. */
async function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 180_000;
  while (!output.includes('running ───')) {
    if (child.exitCode !== null || Date.now() > deadline) assert.fail(`npm start did not come up:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, output: () => output, exited };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-start-'));
let port: number;
let sitePort: number;
let botPort: number;
let env: Record<string, string>;
let first: Started;

before(async () => {
  port = await freePort();
  sitePort = await freePort();
  botPort = await freePort();
  env = { DATA_DIR: dataDir, CMS_PORT: String(port), SITE_PORT: String(sitePort), BOT_PORT: String(botPort), SEED_DIR: fixtureSeedDir, ADMIN_EMAIL: 'quantri@test.local' };
  delete process.env.ADMIN_PASSWORD;
  delete process.env.NODE_ENV; // as on a fresh machine: npm start chooses production itself
  delete process.env.DATABASE_URL;
  first = await start(env);
});

after(() => {
  first?.child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('npm start on an empty data folder seeds it, serves the API, search and the admin panel, and prints a one-time password', async () => {
  assert.match(first.output(), /One-time password \(shown only now\): \S{12,}/);
  assert.match(first.output(), new RegExp(`CMS admin panel : http://localhost:${port}/admin`));
  const faqs = await fetch(`http://127.0.0.1:${port}/api/faqs?locale=vi`).then((r) => r.json());
  assert.equal(faqs.meta.pagination.total, 4);
  assert.equal((await fetch(`http://127.0.0.1:${port}/admin`)).status, 200);
  assert.equal((await fetch(`http://127.0.0.1:${port}/api/faqs`, { method: 'POST' })).status, 403);
  const search = await fetch(`http://127.0.0.1:${port}/api/search?q=lam%20giay%20khai%20sinh`).then((r) => r.json());
  assert.equal(search.hits[0].code, '1.001193.000.00.00.H36');
});

/** The processes below `pid` (Linux /proc), with their command line and environment. */
function descendants(pid: number): { pid: number; command: string; env: string[] }[] {
  const all = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name)).flatMap((name) => {
    try {
      const ppid = Number(fs.readFileSync(`/proc/${name}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
      return [{ pid: Number(name), ppid, command: fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' '), env: fs.readFileSync(`/proc/${name}/environ`, 'utf8').split('\0') }];
    } catch {
      return []; // exited meanwhile
    }
  });
  const below = (parent: number): typeof all => all.filter((p) => p.ppid === parent).flatMap((p) => [p, ...below(p.pid)]);
  return below(pid);
}

test('npm start runs in production mode: every process it starts, the CMS’s own report, no development warnings', async () => {
  const processes = descendants(first.child.pid!).filter((p) => /serve\.ts|main\.ts/.test(p.command));
  assert.equal(processes.length, 3, JSON.stringify(processes.map((p) => p.command)));
  for (const p of processes) assert.ok(p.env.includes('NODE_ENV=production'), `${p.command}: ${p.env.filter((e) => e.startsWith('NODE_ENV')).join(' ')}`);
  const password = /One-time password \(shown only now\): (\S+)/.exec(first.output())![1];
  const login = await fetch(`http://127.0.0.1:${port}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'quantri@test.local', password }) });
  const token = ((await login.json()) as { data: { token: string } }).data.token;
  const information = await fetch(`http://127.0.0.1:${port}/admin/information`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
  assert.equal(information.data.currentEnvironment, 'production');
  assert.equal(information.data.autoReload, false, 'no content-type builder editing: the model is code');
  assert.doesNotMatch(first.output(), /development/i);
});

test('npm start keeps the data private: DATA_DIR 0700, the database, its journal files, secrets and the site token 0600', () => {
  const mode = (file: string) => (fs.statSync(path.join(dataDir, file)).mode & 0o777).toString(8);
  assert.equal(mode('.'), '700');
  const files = ['portal.db', 'portal.db-wal', 'portal.db-shm', 'secrets.json', 'site-api-token'].filter((f) => fs.existsSync(path.join(dataDir, f)));
  assert.ok(files.includes('portal.db') && files.includes('secrets.json') && files.includes('site-api-token'), files.join(', '));
  for (const file of files) assert.equal(mode(file), '600', file);
});

test('npm start builds and serves the portal: the birth registration page under the official headings, and /en/ in English', async () => {
  assert.match(first.output(), new RegExp(`Portal {10}: http://localhost:${sitePort}/`));
  const deadline = Date.now() + 180_000;
  let page: Response;
  for (;;) {
    page = await fetch(`http://127.0.0.1:${sitePort}/thu-tuc/dang-ky-khai-sinh/`);
    if (page.status === 200 || Date.now() > deadline) break;
    assert.equal(page.status, 503, 'until the first build is in, the site says it is being built');
    await new Promise((r) => setTimeout(r, 1000));
  }
  assert.equal(page.status, 200, first.output());
  assert.match(page.headers.get('content-type') ?? '', /text\/html; charset=utf-8/);
  const html = await page.text();
  for (const heading of ['Trình tự thực hiện', 'Cách thức thực hiện', 'Thành phần hồ sơ', 'Căn cứ pháp lý']) assert.ok(html.includes(`>${heading}</h2>`), heading);
  assert.match(html, /Tờ khai đăng ký khai sinh/);
  const english = await fetch(`http://127.0.0.1:${sitePort}/en/`);
  assert.equal(english.status, 200);
  assert.match(await english.text(), /<html lang="en"/);
});

test('npm start runs the assistant: a birth registration question is answered with its source, the weather is refused', async () => {
  const ask = async (question: string, base = `http://127.0.0.1:${botPort}`) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const response = await fetch(`${base}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
      if (response.status !== 503 || Date.now() > deadline) return { status: response.status, body: (await response.json()) };
      await new Promise((r) => setTimeout(r, 500)); // content still loading
    }
  };
  const birth = await ask('làm giấy khai sinh cần gì');
  assert.equal(birth.status, 200, JSON.stringify(birth.body));
  assert.equal(birth.body.kind, 'answer');
  assert.ok(birth.body.sources.some((s: any) => s.code === '1.001193.000.00.00.H36'), JSON.stringify(birth.body.sources));
  const weather = await ask('thời tiết mai thế nào');
  assert.equal(weather.body.kind, 'refuse');
  const throughSite = await ask('làm giấy khai sinh cần gì', `http://127.0.0.1:${sitePort}`);
  assert.equal(throughSite.body.kind, 'answer', 'the portal passes the chat widget’s questions to the assistant');
});

test('Ctrl-C stops the CMS, the site server and the assistant cleanly and frees their ports; a restart keeps the data and prints no password', async () => {
  first.child.kill('SIGINT');
  assert.equal(await first.exited, 0);
  await assert.rejects(fetch(`http://127.0.0.1:${port}/_health`));
  await assert.rejects(fetch(`http://127.0.0.1:${sitePort}/_health`), 'the site server stopped too');
  await assert.rejects(fetch(`http://127.0.0.1:${botPort}/health`), 'the assistant stopped too');

  const second = await start(env);
  try {
    assert.doesNotMatch(second.output(), /One-time password/);
    assert.match(second.output(), /already has content .*not seeding/);
    const faqs = await fetch(`http://127.0.0.1:${port}/api/faqs?locale=vi`).then((r) => r.json());
    assert.equal(faqs.meta.pagination.total, 4);
  } finally {
    second.child.kill('SIGTERM');
    assert.equal(await second.exited, 0);
  }
});
