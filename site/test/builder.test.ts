/**
 * SiteBuilder: builds into a new folder, swaps `current` atomically, keeps the last good build on
 * failure, debounces and coalesces requests, precompresses, prunes. The build command is the
 * stand-in from support/stand-in-build.ts (a real child process writing a fixture site).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import zlib from 'node:zlib';
import { SiteBuilder, type Logger, type SiteBuilderOptions } from '../server/builder';
import { siteConfig } from '../server/config';
import { standInBuild, standInRuns, type StandInPlan } from './support/stand-in-build';

type Lines = { info: string[]; warn: string[]; error: string[] };
const recordingLog = (): Logger & { lines: Lines } => {
  const lines: Lines = { info: [], warn: [], error: [] };
  return { lines, info: (m) => lines.info.push(m), warn: (m) => lines.warn.push(m), error: (m) => lines.error.push(m) };
};

describe('SiteBuilder', () => {
  let tmp: string;
  let dir: string;
  let runLog: string;
  let plan: StandInPlan;
  let log: ReturnType<typeof recordingLog>;
  let builder: SiteBuilder | undefined;
  let dataDir: string;

  const make = (options: Partial<SiteBuilderOptions> = {}) =>
    (builder = new SiteBuilder({ dir, config: siteConfig({ DATA_DIR: dataDir, CMS_PORT: '1999' }), command: standInBuild(runLog, () => plan), log, debounceMs: 50, ...options }));
  const builds = () => fs.readdirSync(path.join(dir, 'builds')).sort();
  const servedLabel = () => /<p class="label">([^<]*)<\/p>/.exec(fs.readFileSync(path.join(dir, 'current', 'index.html'), 'utf8'))?.[1];

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-site-builder-'));
    dir = path.join(tmp, 'site');
    runLog = path.join(tmp, 'runs.jsonl');
    plan = {};
    log = recordingLog();
    // Where the seed step writes the site's API token.
    dataDir = path.join(tmp, 'data');
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, 'site-api-token'), 'token-from-the-seed\n');
  });

  afterEach(async () => {
    await builder?.close();
    builder = undefined;
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('a successful build is swapped in: current links to it, the swap is announced, the log gives time and pages', async () => {
    const b = make();
    const swaps: string[] = [];
    b.onSwap((build) => void swaps.push(build.id));
    assert.equal(b.current(), undefined);
    const build = await b.buildNow('test');
    assert.ok(fs.lstatSync(path.join(dir, 'current')).isSymbolicLink());
    assert.equal(fs.readlinkSync(path.join(dir, 'current')), path.join('builds', build.id), 'a relative link, so the data folder can move');
    assert.equal(b.current(), fs.realpathSync(path.join(dir, 'builds', build.id)));
    assert.equal(b.currentId(), build.id);
    assert.deepEqual(swaps, [build.id]);
    assert.equal(build.pages, 3, 'index.html, en/index.html, thu-tuc/dang-ky-khai-sinh/index.html');
    assert.equal(servedLabel(), 'bản dựng 1');
    assert.ok(log.lines.info.some((l) => /^Site built in \d+\.\d s \(3 pages\)/.test(l)), log.lines.info.join('\n'));
    assert.deepEqual(fs.readdirSync(dir).sort(), ['builds', 'current'], 'no temporary link left behind');
  });

  test('the build command gets CMS_URL (else from CMS_PORT) and CMS_TOKEN (else the seed’s token file)', async () => {
    await make().buildNow();
    await builder!.close();
    await make({ config: siteConfig({ DATA_DIR: dataDir, CMS_URL: 'http://cms.internal:8080', CMS_TOKEN: 'given-token' }) }).buildNow();
    const [first, second] = standInRuns(runLog);
    assert.equal(first!.cmsUrl, 'http://127.0.0.1:1999');
    assert.equal(first!.cmsToken, 'token-from-the-seed');
    assert.equal(second!.cmsUrl, 'http://cms.internal:8080');
    assert.equal(second!.cmsToken, 'given-token');
  });

  test('a failing build is deleted, the previous one stays served, and the log shows the tail of its output', async () => {
    const b = make();
    const good = await b.buildNow();
    plan = { fail: true, label: 'bản dựng hỏng' };
    const failures: Error[] = [];
    b.onFailure((e) => void failures.push(e));
    await assert.rejects(b.buildNow(), /exited with code 1/);
    assert.equal(b.currentId(), good.id);
    assert.equal(servedLabel(), 'bản dựng 1');
    assert.deepEqual(builds(), [good.id], 'the half-written build folder is gone');
    assert.equal(failures.length, 1);
    const message = log.lines.error.join('\n');
    assert.match(message, /Site build failed/);
    assert.match(message, /cannot reach the CMS at http:\/\/127\.0\.0\.1:1999/);
    assert.match(message, new RegExp(`Still serving builds/${good.id}`));
  });

  test('a build that exits 0 without an index.html is not swapped in', async () => {
    const b = make();
    const good = await b.buildNow();
    plan = { files: { 'robots.txt': 'User-agent: *' } };
    await assert.rejects(b.buildNow(), /without an index\.html/);
    assert.equal(b.currentId(), good.id);
    assert.deepEqual(builds(), [good.id]);
  });

  test('requests during a running build lead to exactly one follow-up build', async () => {
    const b = make({ debounceMs: 30 });
    plan = { delayMs: 500, label: 'first' };
    const first = b.buildNow();
    await new Promise((r) => setTimeout(r, 100));
    plan = { label: 'follow-up' };
    for (let i = 0; i < 5; i++) {
      b.request(`publish ${i}`);
      await new Promise((r) => setTimeout(r, 40));
    }
    assert.equal(standInRuns(runLog).length, 1, 'nothing starts while a build runs');
    await first;
    await b.idle();
    assert.equal(standInRuns(runLog).length, 2);
    assert.equal(servedLabel(), 'follow-up');
  });

  test('debounce merges a burst of requests into one build', async () => {
    const b = make({ debounceMs: 200 });
    for (let i = 0; i < 6; i++) {
      b.request(`publish ${i}`);
      await new Promise((r) => setTimeout(r, 30));
    }
    assert.equal(standInRuns(runLog).length, 0, 'still waiting for the burst to end');
    await b.idle();
    assert.equal(standInRuns(runLog).length, 1);
    assert.ok(log.lines.info.some((l) => l.includes('publish 0; publish 1; publish 2; 3 more')), log.lines.info.join('\n'));
  });

  test('a steady stream of requests still builds after maxWaitMs', async () => {
    const b = make({ debounceMs: 200, maxWaitMs: 300 });
    const started = Date.now();
    while (standInRuns(runLog).length === 0 && Date.now() - started < 2000) {
      b.request('keeps coming');
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(Date.now() - started < 1000, `the first build started after ${Date.now() - started} ms`);
  });

  test('text files of 1 KB or more get .br and .gz copies that decompress to the original', async () => {
    const build = await make().buildNow();
    const root = build.dir;
    for (const file of ['index.html', 'thu-tuc/dang-ky-khai-sinh/index.html', '404.html', '_astro/app.B7x9Qk2a.js']) {
      const original = fs.readFileSync(path.join(root, file));
      assert.ok(original.length >= 1024, file);
      assert.deepEqual(zlib.brotliDecompressSync(fs.readFileSync(path.join(root, `${file}.br`))), original, `${file}.br`);
      assert.deepEqual(zlib.gunzipSync(fs.readFileSync(path.join(root, `${file}.gz`))), original, `${file}.gz`);
      assert.ok(fs.statSync(path.join(root, `${file}.br`)).size < original.length / 2);
    }
    assert.equal(fs.existsSync(path.join(root, '_astro/tiny.css.br')), false, 'under 1 KB: not compressed');
    assert.equal(fs.existsSync(path.join(root, 'favicon.png.gz')), false, 'not a text file');
  });

  test('keeps the served build and the previous one, and deletes older ones', async () => {
    const b = make();
    const ids: string[] = [];
    for (let i = 1; i <= 4; i++) {
      plan = { label: `bản dựng ${i}` };
      ids.push((await b.buildNow()).id);
    }
    assert.deepEqual(builds(), [ids[2], ids[3]]);
    assert.equal(b.currentId(), ids[3]);
    assert.equal(servedLabel(), 'bản dựng 4');
  });

  test('at start-up, a folder left by an interrupted build is removed and the served one kept', async () => {
    const good = await make().buildNow();
    await builder!.close();
    const interrupted = path.join(dir, 'builds', '9999-interrupted');
    fs.mkdirSync(interrupted);
    fs.writeFileSync(path.join(interrupted, 'index.html'), 'half');
    const restarted = make();
    assert.deepEqual(builds(), [good.id]);
    assert.equal(restarted.currentId(), good.id);
  });

  test('close() stops a running build and removes its folder', async () => {
    const b = make();
    plan = { delayMs: 10_000 };
    const running = b.buildNow();
    while (standInRuns(runLog).length === 0) await new Promise((r) => setTimeout(r, 20));
    const started = Date.now();
    await b.close();
    await assert.rejects(running);
    assert.ok(Date.now() - started < 3000, 'did not wait for the build to end');
    assert.deepEqual(builds(), []);
    assert.equal(b.current(), undefined);
  });
});
