/**
 * `npm start`: the whole system on the embedded defaults, from a fresh clone.
 *   1. builds the CMS (server and admin panel) when its sources changed since the last build;
 *   2. creates the database and seeds it when it has no content yet;
 *   3. runs the CMS on CMS_PORT;
 *   4. runs the portal's site server on SITE_PORT, which builds the site from the CMS (answering
 *      "being built" until the first build is in) and rebuilds it when editors publish;
 *   5. runs the assistant on BOT_PORT (the site server proxies the chat widget's calls to it);
 *   6. prints where everything is; on Ctrl-C (SIGINT) or SIGTERM, stops every process it started.
 */
// First: production mode (no content-type builder, no development warnings) before anything loads Strapi.
import './lib/production';
import { spawn, type ChildProcess } from 'node:child_process';
import { ensureSecrets } from '@portal/cms/environment';
import { settings } from '@portal/cms/settings';
import { ensureCmsBuilt } from './lib/cms-build';
import { root, runStep } from './lib/run-step';

// The site server proxies the search API to the CMS from loopback, which the CMS trusts by default
// (TRUSTED_PROXIES): it reads the visitor's address from X-Forwarded-For, and nobody else can set it.
const config = settings();
// The secrets the environment lacks, generated once into the data folder before any process reads them.
ensureSecrets(config.dataDir);

ensureCmsBuilt();
runStep('Preparing the database (seeded with the sample content when empty)', process.execPath, ['--import', 'tsx', 'seeds/src/cli.ts', '--if-empty'], {
  env: { SITE_REBUILD_URL: 'off' }, // the site server is not running yet; it builds everything when it starts
});

const children: ChildProcess[] = [];
let stopping = false;

function startProcess(name: string, args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, stdio: 'inherit', env: process.env });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`✖ ${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping everything.`);
      void stopAll(1);
    }
  });
  children.push(child);
  return child;
}

async function stopAll(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  console.log('Stopped.');
  process.exit(exitCode);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

startProcess('CMS', ['cms/scripts/serve.ts']);

const cmsUrl = `http://localhost:${config.port}`;
const botPort = Number(process.env.BOT_PORT ?? 3001);
async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

if (await waitForHealth(`http://127.0.0.1:${config.port}/_health`, 120_000)) {
  startProcess('Site server', ['site/server/main.ts']);
  if (!(await waitForHealth(`http://127.0.0.1:${config.site.port}/_health`, 60_000)) && !stopping) {
    console.error(`✖ The site server did not answer on port ${config.site.port} within a minute.`);
    await stopAll(1);
  }
  startProcess('Assistant', ['bot/src/main.ts']);
  if (!(await waitForHealth(`http://127.0.0.1:${botPort}/health`, 120_000)) && !stopping) {
    console.error(`✖ The assistant did not answer on port ${botPort} within two minutes.`);
    await stopAll(1);
  }
  const password = config.admin.password
    ? 'the ADMIN_PASSWORD from your environment'
    : 'the one-time password printed above when the account was created';
  console.log(`
┌ Cổng dịch vụ công — running ───────────────────────────────
│ Portal          : http://localhost:${config.site.port}/   (English: http://localhost:${config.site.port}/en/)
│                   the first build takes about a minute; until then the page says it is being built
│ CMS admin panel : ${cmsUrl}/admin
│   log in as ${config.admin.email} with ${password}
│ REST API        : ${cmsUrl}/api/procedures?locale=vi
│                   ${cmsUrl}/api/faqs?locale=vi   ${cmsUrl}/api/news?locale=en
│ Search          : ${cmsUrl}/api/search?q=lam%20giay%20khai%20sinh
│ Assistant       : http://localhost:${botPort}/api/ask (POST {"question": "làm giấy khai sinh cần gì"}),
│                   and the chat button on every portal page
│ Health          : ${cmsUrl}/_health
│ Data folder     : ${config.dataDir}${config.database.client === 'postgres' ? '  (database: PostgreSQL from DATABASE_URL)' : ''}
│ Stop with Ctrl-C.
└────────────────────────────────────────────────────────────`);
} else if (!stopping) {
  console.error(`✖ The CMS did not answer on ${cmsUrl}/_health within 2 minutes.`);
  await stopAll(1);
}
