/**
 * A stand-in for `astro build` in tests: a small Node program, run by the real SiteBuilder as its
 * build command, that writes a fixture site into the output folder (or fails, or waits) as the
 * test's plan says. It records each run in a log file, with the CMS_URL and CMS_TOKEN it was given.
 */
import fs from 'node:fs';
import type { BuildCommand } from '../../server/builder';

export type StandInPlan = {
  /** Files to write, by path inside the build; the default is `fixtureSite(label)`. */
  files?: Record<string, string>;
  /** Written into every page of the default fixture, to tell builds apart. */
  label?: string;
  /** Print to stderr and exit 1 after writing part of the site. */
  fail?: boolean;
  delayMs?: number;
  /** Wait until this file exists before writing anything. */
  waitForFile?: string;
};

/** An inline script like Astro's island loader: the CSP must allow it by hash. */
export const inlineScript = '(()=>{(self.Astro||(self.Astro={})).load=async t=>{await(await t())()};window.dispatchEvent(new Event("astro:load"))})();';

const filler = (words: string) => Array.from({ length: 40 }, (_, i) => `<p>${words} (${i + 1})</p>`).join('\n');

/** A small portal: Vietnamese pages over 1 KB, a hashed asset, a small stylesheet, an image, a 404 page. */
export function fixtureSite(label = 'bản dựng 1'): Record<string, string> {
  const page = (title: string) =>
    `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="/_astro/tiny.css"></head>` +
    `<body><h1>${title}</h1><p class="label">${label}</p><script>${inlineScript}</script>${filler('Thủ tục hành chính: đăng ký khai sinh, kết hôn, thường trú')}</body></html>`;
  return {
    'index.html': page('Cổng dịch vụ công'),
    'thu-tuc/dang-ky-khai-sinh/index.html': page('Đăng ký khai sinh'),
    'en/index.html': page('Public service portal'),
    '404.html': `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Không tìm thấy trang</title></head><body><h1>Không tìm thấy trang</h1>${filler('Trang bạn tìm không có.')}</body></html>`,
    '_astro/app.B7x9Qk2a.js': `export const messages = ${JSON.stringify(Array.from({ length: 60 }, (_, i) => `Tìm kiếm thủ tục ${i}`))};\n`,
    '_astro/tiny.css': 'body{font-family:system-ui}',
    'favicon.png': '\u0089PNG\r\n\u001a\n not really a picture',
  };
}

const program = `
const fs = require('node:fs');
const path = require('node:path');
const [outDir, planJson, logFile] = process.argv.slice(1);
const plan = JSON.parse(planJson);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
(async () => {
  fs.appendFileSync(logFile, JSON.stringify({ outDir, cmsUrl: process.env.CMS_URL ?? null, cmsToken: process.env.CMS_TOKEN ?? null, cwd: process.cwd() }) + '\\n');
  console.log('stand-in build: starting');
  if (plan.waitForFile) while (!fs.existsSync(plan.waitForFile)) await sleep(20);
  if (plan.delayMs) await sleep(plan.delayMs);
  const entries = Object.entries(plan.files);
  for (const [i, [name, content]] of entries.entries()) {
    if (plan.fail && i === 1) {
      console.error('stand-in build: cannot reach the CMS at ' + process.env.CMS_URL);
      console.error('stand-in build: giving up');
      process.exit(1);
    }
    fs.mkdirSync(path.dirname(path.join(outDir, name)), { recursive: true });
    fs.writeFileSync(path.join(outDir, name), content);
    console.log('  ├─ /' + name + ' (+1ms)');
  }
})();
`;

/**
 * The build command for `new SiteBuilder({ command })`. `plan` is read at each build, so a test can
 * change what the next build does; each run appends one JSON line to `logFile`.
 */
export function standInBuild(logFile: string, plan: () => StandInPlan = () => ({})): BuildCommand {
  return (outDir) => {
    const current = plan();
    const full = { ...current, files: current.files ?? fixtureSite(current.label) };
    return { command: process.execPath, args: ['-e', program, outDir, JSON.stringify(full), logFile] };
  };
}

/** The runs recorded by `standInBuild` in `logFile`. */
export function standInRuns(logFile: string): { outDir: string; cmsUrl: string | null; cmsToken: string | null; cwd: string }[] {
  if (!fs.existsSync(logFile)) return [];
  return fs
    .readFileSync(logFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}
