/**
 * `npm start`: the whole system on the embedded defaults, from a fresh clone.
 *   1. builds the CMS (server and admin panel) when its sources changed since the last build;
 *   2. creates the database and seeds it when it has no content yet;
 *   3. runs the CMS on CMS_PORT and prints where everything is;
 *   4. on Ctrl-C (SIGINT) or SIGTERM, stops every process it started and exits.
 * Later issues add the site and the assistant as further processes here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { settings } from '@portal/cms';
import { ensureCmsBuilt } from './lib/cms-build';
import { root, runStep } from './lib/run-step';

const config = settings();
// Production mode: no content-type builder (the model is code), no development warnings.
process.env.NODE_ENV ??= 'production';

ensureCmsBuilt();
runStep('Preparing the database (seeded with the sample content when empty)', process.execPath, ['--import', 'tsx', 'seeds/src/cli.ts', '--if-empty']);

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
async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      if ((await fetch(url)).status === 204) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

if (await waitForHealth(`http://127.0.0.1:${config.port}/_health`, 120_000)) {
  const password = config.admin.password
    ? 'the ADMIN_PASSWORD from your environment'
    : 'the one-time password printed above when the account was created';
  console.log(`
┌ Cổng dịch vụ công — running ───────────────────────────────
│ CMS admin panel : ${cmsUrl}/admin
│   log in as ${config.admin.email} with ${password}
│ REST API        : ${cmsUrl}/api/procedures?locale=vi
│                   ${cmsUrl}/api/faqs?locale=vi   ${cmsUrl}/api/news?locale=en
│ Search          : ${cmsUrl}/api/search?q=lam%20giay%20khai%20sinh
│ Health          : ${cmsUrl}/_health
│ Data folder     : ${config.dataDir}${config.database.client === 'postgres' ? '  (database: PostgreSQL from DATABASE_URL)' : ''}
│ Stop with Ctrl-C.
└────────────────────────────────────────────────────────────`);
} else if (!stopping) {
  console.error(`✖ The CMS did not answer on ${cmsUrl}/_health within 2 minutes.`);
  await stopAll(1);
}
