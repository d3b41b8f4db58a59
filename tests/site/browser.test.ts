/// <reference lib="dom" />
/**
 * The portal in a real browser (Debian's chromium driven by playwright-core): a real CMS seeded with
 * the fixture content, the real Astro build, served by the real site server.
 * Runs on the first database of TEST_DATABASES (the site does not depend on which one).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { seed } from '@portal/seeds';
import { startSiteServer, type RunningSiteServer } from '@portal/site/server';
import { startBot, type RunningBot } from '@portal/bot';
import { freePort } from '../support/net';
import { fixtureSeedDir, request, startCms, testAdmin, type RunningCms } from '../support/cms';
import { databaseRequested, type TestDatabase } from '../support/databases';

const database: TestDatabase = databaseRequested('sqlite') === 'no' ? 'postgres' : 'sqlite';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const rebuildToken = 'browser-test-rebuild-token';

/** Every page template, in both languages where the page exists in both. */
const templates = [
  '/',
  '/en/',
  '/thu-tuc/',
  '/thu-tuc/dang-ky-khai-sinh/',
  '/en/procedures/dang-ky-khai-sinh/',
  '/thu-tuc/dang-ky-lai-khai-tu/',
  '/en/procedures/dang-ky-lai-khai-tu/',
  '/thu-tuc/cap/cap-xa/',
  '/thu-tuc/chu-cai/t/',
  '/linh-vuc/ho-tich/',
  '/en/fields/ho-tich/',
  '/su-kien/co-con-nho/',
  '/hoi-dap/',
  '/hoi-dap/linh-vuc/ho-tich/',
  '/hoi-dap/khai-sinh-can-giay-to-gi/',
  '/en/faq/khai-sinh-mat-bao-nhieu-tien/',
  '/tin-tuc/',
  '/tin-tuc/dang-ky-khai-sinh-truc-tuyen-tai-nha/',
  '/tim-kiem/',
  '/tim-kiem/?q=khai%20sinh',
  '/tim-kiem/?q=xyzzy%20quux',
  '/en/search/?q=birth',
  '/nop-ho-so/',
  '/tra-cuu-ho-so/',
  '/khong-co-trang-nay/',
];

describe(`the portal in a browser (CMS on ${database})`, () => {
  let cms: RunningCms;
  let site: RunningSiteServer;
  let bot: RunningBot;
  let browser: Browser;
  let context: BrowserContext;
  let siteDir: string;
  let cmsUrl = '';
  let botUrl = '';

  before(async () => {
    assert.ok(fs.existsSync(chromiumPath), `Chromium is needed at ${chromiumPath} (apt-get install chromium); .ci/run installs it`);
    siteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-site-'));
    const sitePort = await freePort();
    cms = await startCms(database, { SITE_REBUILD_URL: `http://127.0.0.1:${sitePort}/_rebuild`, SITE_REBUILD_TOKEN: rebuildToken, SEARCH_RATE_LIMIT: '1000' });
    cmsUrl = cms.url;
    process.env.CMS_URL = cms.url;
    site = await startSiteServer({
      port: sitePort,
      host: '127.0.0.1',
      dir: siteDir,
      cmsUrl: () => cmsUrl,
      botUrl: () => botUrl,
      rebuildToken,
      buildOnStart: 'never',
      builder: { debounceMs: 500 },
      log: { info: () => undefined, warn: (m) => console.warn(m), error: (m) => console.error(m) },
    });
    await seed(cms.strapi, fixtureSeedDir);
    // The fixture has no one-stop centre; the assistant's handoff needs its hotline.
    await seed(cms.strapi, path.resolve(import.meta.dirname, '../bot/fixtures/handoff-agency'));
    bot = await startBot({
      config: { port: 0, host: '127.0.0.1', cmsUrl: cms.url, ratePerMinute: 1000, refreshSeconds: 3600 },
      waitForContent: true,
      log: () => undefined,
    });
    botUrl = bot.url;
    await site.builder.buildNow();
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    context = await browser.newContext({ locale: 'vi-VN' });
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await bot?.close();
    await cms?.stop();
    if (siteDir) fs.rmSync(siteDir, { recursive: true, force: true });
  });

  const open = async (pathname: string, page?: Page): Promise<Page> => {
    const p = page ?? (await context.newPage());
    const response = await p.goto(`${site.url}${pathname}`);
    assert.ok(response, pathname);
    return p;
  };

  test('a citizen searches "lam giay khai sinh", opens the procedure and sees its documents and fee', async () => {
    const page = await open('/');
    const box = page.locator('#header-search-input');
    await box.click();
    await box.fill('lam giay khai sinh');
    await box.press('Enter');
    await page.waitForURL(/\/tim-kiem\/?\?q=lam/);
    const result = page.getByRole('link', { name: 'Thủ tục đăng ký khai sinh', exact: true }).first();
    await result.click();
    await page.waitForURL(/\/thu-tuc\/dang-ky-khai-sinh\/?$/);
    assert.equal(await page.locator('h1').innerText(), 'Thủ tục đăng ký khai sinh');
    const documents = page.locator('section', { has: page.getByRole('heading', { name: 'Thành phần hồ sơ' }) });
    assert.match(await documents.innerText(), /Tờ khai đăng ký khai sinh[\s\S]*1 bản chính/);
    const channels = page.locator('section', { has: page.getByRole('heading', { name: 'Cách thức thực hiện' }) });
    const text = await channels.innerText();
    assert.match(text, /Trực tiếp[\s\S]*1 ngày làm việc[\s\S]*Không mất phí/);
    for (const heading of ['Trình tự thực hiện', 'Cách thức thực hiện', 'Thành phần hồ sơ', 'Yêu cầu, điều kiện', 'Kết quả', 'Căn cứ pháp lý']) {
      assert.equal(await page.getByRole('heading', { level: 2, name: heading, exact: true }).count(), 1, heading);
    }
    assert.equal(await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).count(), 1);
    const form = documents.getByRole('link', { name: /Tải mẫu/ }).first();
    const download = await fetch(new URL((await form.getAttribute('href'))!, site.url));
    assert.equal(download.status, 200);
    assert.equal(Buffer.from(await download.arrayBuffer()).subarray(0, 2).toString(), 'PK', 'the form is a .docx (zip) file');
    await page.close();
  });

  test('suggestions appear as you type and are chosen with the keyboard (ARIA combobox)', async () => {
    const page = await open('/');
    await page.locator('#header-search-input').click();
    const box = page.getByRole('combobox', { name: 'Tìm thủ tục, hỏi đáp, tin tức' });
    await box.waitFor();
    assert.equal(await box.getAttribute('aria-expanded'), 'false', 'collapsed until there are suggestions');
    await box.pressSequentially('khai', { delay: 30 });
    const listbox = page.getByRole('listbox', { name: 'Gợi ý tìm kiếm' });
    await listbox.waitFor();
    assert.equal(await box.getAttribute('aria-expanded'), 'true');
    assert.equal(await box.getAttribute('aria-controls'), await listbox.getAttribute('id'));
    assert.ok((await page.getByRole('option').count()) > 0);
    assert.match(await page.getByRole('status').first().innerText(), /gợi ý/, 'the number of suggestions is announced');
    await box.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    assert.ok(active, 'ArrowDown highlights an option');
    const option = page.locator(`[id="${active}"]`);
    assert.equal(await option.getAttribute('aria-selected'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'header-search-input', 'focus stays in the box');
    await box.press('Escape');
    assert.equal(await box.getAttribute('aria-expanded'), 'false', 'Escape closes the list');
    assert.equal(await box.inputValue(), 'khai', '…and keeps the text');
    await box.press('ArrowDown');
    const again = await box.getAttribute('aria-activedescendant');
    assert.ok(again);
    const chosen = (await page.locator(`[id="${again}"]`).innerText()).trim();
    await box.press('Enter');
    await page.waitForURL(/\/tim-kiem\/?\?q=/);
    assert.equal(new URL(page.url()).searchParams.get('q'), chosen);
    await page.close();
  });

  test('the search page by keyboard: a filter is chosen with Enter and marked current, Back restores the search', async () => {
    const page = await open('/tim-kiem/?q=khai%20sinh');
    const heading = page.getByRole('heading', { level: 2, name: /Tìm thấy \d+ kết quả cho “khai sinh”/ });
    await heading.waitFor();
    const before = await heading.innerText();
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => {
        const el = document.activeElement;
        return !!el?.closest('fieldset') && el.closest('fieldset')!.querySelector('legend')?.textContent === 'Loại nội dung' && /^Thủ tục/.test(el.textContent ?? '');
      });
    }
    assert.ok(reached, 'the filter "Thủ tục" is reachable with Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-current')), null);
    await page.keyboard.press('Enter');
    await page.waitForURL(/type=procedure/);
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-current') === 'true');
    const group = page.getByRole('group', { name: 'Loại nội dung' });
    assert.equal(await group.getByRole('link', { name: 'Tất cả' }).getAttribute('aria-current'), null);
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('type='));
    await page.waitForFunction((text) => document.querySelector('.search-heading')?.textContent === text, before);
    assert.equal(await group.getByRole('link', { name: 'Tất cả' }).getAttribute('aria-current'), 'true');
    await page.close();
  });

  test('browsing a field leads to its procedures', async () => {
    const page = await open('/thu-tuc/');
    await page.getByRole('link', { name: 'Hộ tịch', exact: true }).first().click();
    await page.waitForURL(/\/linh-vuc\/ho-tich\/?$/);
    assert.equal(await page.locator('h1').innerText(), 'Hộ tịch');
    await page.getByRole('link', { name: 'Thủ tục đăng ký kết hôn' }).click();
    await page.waitForURL(/\/thu-tuc\/dang-ky-ket-hon\/?$/);
    await page.close();
  });

  test('the language switch keeps the page, and English falls back to Vietnamese where untranslated, saying so', async () => {
    const page = await open('/thu-tuc/dang-ky-khai-sinh/');
    await page.getByRole('link', { name: 'Xem trang này bằng tiếng Anh' }).click();
    await page.waitForURL(/\/en\/procedures\/dang-ky-khai-sinh\/?$/);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.notEqual(await page.locator('h1').innerText(), 'Thủ tục đăng ký khai sinh');
    await page.getByRole('link', { name: 'Xem trang này bằng tiếng Việt' }).click();
    await page.waitForURL(/\/thu-tuc\/dang-ky-khai-sinh\/?$/);
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');

    await open('/en/procedures/dang-ky-lai-khai-tu/', page);
    assert.match(await page.locator('main').innerText(), /not been translated into English yet/);
    assert.equal(await page.locator('main').getAttribute('lang'), 'vi');
    await page.close();
  });

  test('keyboard only: skip link, search, suggestions, results, procedure', async () => {
    const page = await open('/');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Bỏ qua, đến nội dung chính');
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle), 'none', 'focus is visible');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    // The next stop after the skip link is the search box on the home page.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'home-search-input');
    // Focus loads the search box's code; it then becomes a combobox.
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'combobox');
    await page.keyboard.type('dang ky ket hon', { delay: 20 });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/tim-kiem\/?\?q=dang/);
    await page.getByRole('link', { name: 'Thủ tục đăng ký kết hôn', exact: true }).first().waitFor();
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Thủ tục đăng ký kết hôn');
    }
    assert.ok(reached, 'the first result is reachable with Tab');
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle), 'none', 'focus is visible');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/thu-tuc\/dang-ky-ket-hon\/?$/);
    await page.close();
  });

  test('every page template passes axe-core (WCAG 2.1 A and AA) with zero violations', async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    for (const pathname of templates) {
      await open(pathname, page);
      if (pathname.includes('?q=')) await page.locator('.search-heading').waitFor();
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      for (const v of violations) problems.push(`${pathname}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}: ${v.help}`);
    }
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the procedure page reads at 320 px wide without sideways scrolling', async () => {
    const narrow = await browser.newContext({ viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 });
    const page = await narrow.newPage();
    await page.goto(`${site.url}/thu-tuc/dang-ky-khai-sinh/`);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 320, 'no horizontal scroll');
    const heading = await page.locator('h1').boundingBox();
    assert.ok(heading && heading.x >= 0 && heading.x + heading.width <= 320, 'the title fits');
    const fee = page.getByText('Không mất phí').first();
    await fee.scrollIntoViewIfNeeded();
    const box = await fee.boundingBox();
    assert.ok(box && box.x + box.width <= 320, 'the fee is on screen');
    const shot = await page.screenshot({ fullPage: true });
    assert.equal(shot.subarray(1, 4).toString(), 'PNG');
    const width = shot.readUInt32BE(16);
    assert.equal(width, 320, 'the full-page screenshot is 320 px wide');
    await narrow.close();
  });

  test('without JavaScript, pages work and the search form leads to browse pages', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${site.url}/thu-tuc/dang-ky-khai-sinh/`);
    assert.match(await page.locator('main').innerText(), /Thành phần hồ sơ/);
    const box = page.locator('#header-search-input');
    await box.fill('khai sinh');
    await box.press('Enter');
    await page.waitForURL(/\/tim-kiem\/?\?q=khai/);
    assert.match(await page.locator('body').innerText(), /Tìm kiếm cần JavaScript/);
    await page.getByRole('link', { name: 'Hộ tịch', exact: true }).click();
    await page.waitForURL(/\/linh-vuc\/ho-tich\/?$/);
    assert.ok((await page.getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).count()) > 0);
    await noJs.close();
  });

  test('content pages load no JavaScript until the search box is used; the search page ships at most 80 KB gzipped', async () => {
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await open('/thu-tuc/dang-ky-khai-sinh/', page);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(scripts, [], 'no script files on load');
    await page.locator('#header-search-input').focus();
    await page.waitForLoadState('networkidle');
    assert.ok(scripts.length > 0, 'the search box loads its code when focused');

    const searchPage = await context.newPage();
    let gzipped = 0;
    const loaded: string[] = [];
    searchPage.on('response', async (r) => {
      if (r.request().resourceType() !== 'script') return;
      const size = zlib.gzipSync(await r.body(), { level: 9 }).length;
      loaded.push(`${r.url()} ${size}`);
      gzipped += size;
    });
    await open('/tim-kiem/?q=khai%20sinh', searchPage);
    await searchPage.waitForLoadState('networkidle');
    const inline = await searchPage.evaluate(() => Array.from(document.querySelectorAll('script:not([src])')).map((s) => s.textContent ?? '').join(''));
    gzipped += zlib.gzipSync(inline, { level: 9 }).length;
    console.log(`# search page JavaScript: ${gzipped} bytes gzipped (level 9), inline scripts included`);
    assert.ok(gzipped > 10_000 && gzipped <= 80 * 1024, `search page JavaScript: ${gzipped} bytes gzipped:\n${loaded.join('\n')}`);
    await page.close();
    await searchPage.close();
  });

  test('the assistant widget: opens from the launcher, answers with a cited source, follows the link, hands off to a person', async () => {
    const page = await open('/thu-tuc');
    const launcher = page.locator('#open-assistant');
    await launcher.click();
    const dialog = page.getByRole('dialog', { name: 'Trợ lý ảo' });
    await dialog.waitFor();
    const question = dialog.getByRole('textbox', { name: 'Câu hỏi của bạn' });
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TEXTAREA', 'opening moves focus to the question box');
    await question.fill('làm giấy khai sinh cần gì');
    await question.press('Enter');
    const sources = dialog.locator('.assistant-sources').last();
    await sources.waitFor();
    const link = sources.getByRole('link').first();
    const href = await link.getAttribute('href');
    assert.match(href ?? '', /^\/(hoi-dap|thu-tuc)\//, 'the source links to a portal page');
    assert.match(await dialog.locator('[role="log"]').innerText(), /Giấy chứng sinh|Tờ khai/);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.help}`), [], 'the open widget passes axe-core');
    await link.click();
    await page.waitForURL(new RegExp(`${href}/?$`));

    // The conversation survives the navigation; a person is one button away.
    await page.locator('#open-assistant').click();
    const again = page.getByRole('dialog', { name: 'Trợ lý ảo' });
    await again.waitFor();
    assert.match(await again.locator('[role="log"]').innerText(), /làm giấy khai sinh cần gì/);
    await again.getByRole('button', { name: 'Gặp nhân viên' }).click();
    await again.getByRole('link', { name: /\d{4}/ }).first().waitFor();
    const log = await again.locator('[role="log"]').innerText();
    assert.match(log, /0263 3555 036/, 'the handoff gives the hotline');
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'open-assistant', 'Escape returns focus to the launcher');
    await page.close();
  });

  test('the assistant by keyboard only: open with Enter, ask, vote with Space, close with Escape', async () => {
    const page = await open('/nop-ho-so/');
    const launcher = page.getByRole('button', { name: 'Hỏi trợ lý ảo' });
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'open-assistant');
    }
    assert.ok(reached, 'the launcher is reachable with Tab');
    assert.equal(await launcher.getAttribute('aria-expanded'), 'false');
    // Focus loads the widget's code; wait for it before pressing.
    await page.waitForFunction(() => !document.querySelector('astro-island:has(#open-assistant)')?.hasAttribute('ssr'));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Trợ lý ảo' });
    await dialog.waitFor();
    const question = dialog.getByRole('textbox', { name: 'Câu hỏi của bạn' });
    assert.equal(await question.evaluate((el) => el === document.activeElement), true, 'focus is in the question box');
    await page.keyboard.type('khai sinh cần giấy tờ gì');
    await page.keyboard.press('Enter');
    const feedback = dialog.getByRole('group', { name: 'Câu trả lời này có hữu ích không?' }).last();
    await feedback.waitFor();
    const up = feedback.getByRole('button', { name: 'Hữu ích', exact: true });
    let onThumb = false;
    for (let i = 0; i < 20 && !onThumb; i++) {
      await page.keyboard.press('Shift+Tab');
      onThumb = await up.evaluate((el) => el === document.activeElement);
    }
    assert.ok(onThumb, 'the thumb is reachable with Shift+Tab from the question box');
    assert.equal(await up.getAttribute('aria-pressed'), 'false');
    await page.keyboard.press('Space');
    await feedback.getByText('Cảm ơn bạn đã góp ý.').waitFor();
    assert.equal(await up.getAttribute('aria-pressed'), 'true');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'open-assistant', 'Escape returns focus to the launcher');
    assert.equal(await launcher.getAttribute('aria-expanded'), 'false');
    await page.close();
  });

  test('a change published in the CMS is live on the site within 2 minutes', async () => {
    const admin = (await request(cms, 'POST', '/admin/login', { body: testAdmin })).body.data.token;
    const faqs = '/content-manager/collection-types/api::faq.faq';
    const [faq] = await cms.strapi.documents('api::faq.faq').findMany({ locale: 'vi', status: 'published', filters: { slug: 'khai-sinh-can-giay-to-gi' } });
    const question = 'Đăng ký khai sinh cho trẻ cần chuẩn bị những giấy tờ nào?';
    const started = Date.now();
    const updated = await request(cms, 'PUT', `${faqs}/${faq!.documentId}?locale=vi`, { token: admin, body: { question } });
    assert.equal(updated.status, 200, JSON.stringify(updated.body));
    await request(cms, 'POST', `${faqs}/${faq!.documentId}/actions/publish?locale=vi`, { token: admin, body: {} });
    let live = false;
    while (!live && Date.now() - started < 120_000) {
      await new Promise((r) => setTimeout(r, 1000));
      const html = await (await fetch(`${site.url}/hoi-dap/khai-sinh-can-giay-to-gi/`)).text();
      live = html.includes(question);
    }
    assert.ok(live, 'the new question is on the FAQ page within 2 minutes');
    console.log(`# published change live after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});
