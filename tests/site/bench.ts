/**
 * npm run bench:site
 * 1. Builds the whole portal from the CMS (the running one on CMS_URL / CMS_PORT, or one started
 *    here on the local data, seeded first when empty) and prints the page count and build time.
 * 2. Serves that build with the site server and runs Lighthouse (npm `lighthouse`, Debian's
 *    chromium, default mobile emulation and throttling) on the home page, a procedure page and the
 *    search page, printing the four category scores of each.
 *
 * npm run bench:site -- --load [portal URL]: only the load on a running portal instead (load.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { SiteBuilder, siteConfig, startSiteServer } from '@portal/site/server';
import { loadBench } from './load';

const pages = [
  { name: 'home', path: '/' },
  { name: 'procedure 1.001193', path: '/thu-tuc/dang-ky-khai-sinh/' },
  { name: 'search "khai sinh"', path: '/tim-kiem/?q=khai%20sinh' },
];
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const quiet = { info: () => undefined, warn: (m: string) => console.warn(m), error: (m: string) => console.error(m) };

const root = path.resolve(import.meta.dirname, '../..');

/** Runs one preparation step with its output shown; stops the benchmark if it fails. */
function step(title: string, command: string, args: string[]): void {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, SITE_REBUILD_URL: 'off' } });
  if (result.status !== 0) throw new Error(`${title} failed (exit code ${result.status})`);
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/_health`)).status === 204;
  } catch {
    return false;
  }
}

const config = siteConfig();
const cmsUrl = config.urls.cms;
const load = process.argv.indexOf('--load');
if (load >= 0) {
  await loadBench(process.argv[load + 1] ?? `http://127.0.0.1:${config.ports.site}`);
  process.exit(0);
}
let cms: ChildProcess | undefined;
if (!(await healthy(cmsUrl))) {
  process.env.NODE_ENV ??= 'production';
  step('Building the CMS when its sources changed', 'npm', ['run', 'build']);
  step('Preparing the database (seeded with the sample content when empty)', process.execPath, ['--import', 'tsx', 'seeds/src/cli.ts', '--if-empty']);
  console.log(`\n▶ Starting the CMS on ${cmsUrl}`);
  cms = spawn(process.execPath, ['--import', 'tsx', 'cms/scripts/serve.ts'], { cwd: root, stdio: 'ignore', env: { ...process.env, SITE_REBUILD_URL: 'off' } });
  const deadline = Date.now() + 120_000;
  while (!(await healthy(cmsUrl))) {
    if (Date.now() > deadline) throw new Error(`The CMS did not answer on ${cmsUrl}/_health within 2 minutes`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-site-'));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  console.log('\n▶ Building every page of the portal');
  const builder = new SiteBuilder({ dir, config, log: quiet });
  const build = await builder.buildNow('bench');
  console.log(`Site build: ${build.pages.toLocaleString('en-US')} pages in ${build.seconds.toFixed(1)} s (build, precompression and swap)`);

  const server = await startSiteServer({ config: { ...config, logLevel: 'warn' }, port: 0, host: '127.0.0.1', dir, builder, buildOnStart: 'never', log: quiet });
  await server.ready;
  console.log('\n▶ Lighthouse, mobile emulation');
  const rows: string[][] = [];
  for (const page of pages) {
    const result = await lighthouse(`${server.url}${page.path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
    rows.push([page.name, ...categories.map((c) => String(Math.round((result.lhr.categories[c]?.score ?? 0) * 100)))]);
  }
  const header = ['page', ...categories];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  await server.close();
  await builder.close();
} finally {
  chrome.kill();
  fs.rmSync(dir, { recursive: true, force: true });
  cms?.kill('SIGTERM');
}
