/**
 * The search index after a crash: a seed that commits its changes and is killed before the index
 * is written leaves an index that still has every id but old content. The next start must see
 * that (the index records the content version of each entry) and repair it.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { seed } from '@portal/seeds';
import { fixtureSeedDir, request, startCms } from '../support/cms';
import { describeOnDatabase, type TestDatabase } from '../support/databases';

const root = path.resolve(import.meta.dirname, '../..');

/** The fixture with one FAQ reworded, so that a seed run changes exactly that document. */
function rewordedFixture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-seed-'));
  fs.cpSync(fixtureSeedDir, dir, { recursive: true });
  const faqs = JSON.parse(fs.readFileSync(path.join(dir, 'faqs.json'), 'utf8'));
  faqs.find((f: any) => f.slug === 'ket-hon-bao-lau-co-giay').vi.question = 'Đăng ký kết hôn có phải phỏng vấn không?';
  fs.writeFileSync(path.join(dir, 'faqs.json'), JSON.stringify(faqs));
  return dir;
}

/** Runs the seed CLI on `dir` with the test hook that stops it after its commit, and SIGKILLs it there. */
async function seedAndKillBeforeIndexSave(dir: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'seeds/src/cli.ts', '--dir', dir], {
    cwd: root,
    env: { ...process.env, TEST_PAUSE_BEFORE_INDEX_SAVE: 'true', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  child.stdout.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the seed never reached the index save:\n${output}`)), 120_000);
    child.stderr.on('data', (chunk) => {
      output += chunk;
      if (output.includes('TEST_PAUSE_BEFORE_INDEX_SAVE')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', () => reject(new Error(`the seed exited before the index save:\n${output}`)));
  });
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL');
  return output;
}

export function searchRecoverySuite(database: TestDatabase): void {
  describeOnDatabase('search index after a crash', database, () => {
    test('a seed killed between its commit and the index save: the next start finds the stale entry and repairs it', async () => {
      const first = await startCms(database);
      let cms = first;
      try {
        await seed(first.strapi, fixtureSeedDir);
        await (first.strapi.service('api::search.search') as any).flush();
        await first.halt();

        await seedAndKillBeforeIndexSave(rewordedFixture());

        cms = await startCms(database, {}, first.data);
        const faq = (await request(cms, 'GET', '/api/faqs?locale=vi&filters[slug][$eq]=ket-hon-bao-lau-co-giay')).body.data[0];
        assert.equal(faq.question, 'Đăng ký kết hôn có phải phỏng vấn không?', 'the seed had committed');
        const service = cms.strapi.service('api::search.search') as any;
        assert.match(service.repairedAtStart ?? '', /0 missing, 0 not published, 1 out of date/);
        const { body } = await request(cms, 'GET', '/api/search?q=phong%20van&type=faq');
        assert.equal(body.hits[0]?.documentId, faq.documentId, JSON.stringify(body.hits));
        for (const r of await service.check()) assert.deepEqual([r.missing, r.extra, r.stale], [[], [], []], r.locale);
      } finally {
        await cms.stop();
      }
    });
  });
}
