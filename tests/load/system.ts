/**
 * The whole system as `npm start` runs it (CMS, site server, assistant), on the full sample content
 * in a temporary data folder, on free loopback ports: for the load benchmark. Seeding the full
 * content takes about a minute, the first site build about another.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../support/net';

const root = path.resolve(import.meta.dirname, '../..');

export type RunningSystem = { cms: string; site: string; bot: string; dataDir: string; output: () => string; stop: () => Promise<void> };

async function until(what: string, timeoutMs: number, check: () => Promise<boolean>, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}) before ${what}:\n${output().slice(-3000)}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what} after ${timeoutMs / 1000} s:\n${output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/**
 * Starts `scripts/start.ts` with `env` on top of the current environment and waits until the portal
 * serves the procedure page and the assistant has loaded its content.
 */
export async function startSystem(env: Record<string, string>, log: (line: string) => void = () => {}): Promise<RunningSystem> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-load-'));
  const [cmsPort, sitePort, botPort] = [await freePort(), await freePort(), await freePort()];
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, CMS_PORT: String(cmsPort), SITE_PORT: String(sitePort), BOT_PORT: String(botPort), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-200_000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const system: RunningSystem = {
    cms: `http://127.0.0.1:${cmsPort}`,
    site: `http://127.0.0.1:${sitePort}`,
    bot: `http://127.0.0.1:${botPort}`,
    dataDir,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    log('starting npm start on an empty data folder (seeds the full sample content: about a minute)');
    await until('the running banner', 600_000, async () => output.includes('running ───'), child, system.output);
    log('waiting for the first site build');
    await until('the portal', 600_000, async () => (await fetch(`${system.site}/thu-tuc/dang-ky-khai-sinh`)).status === 200, child, system.output);
    await until('the assistant', 300_000, async () => ((await (await fetch(`${system.bot}/health`)).json()) as { ready: boolean }).ready, child, system.output);
    return system;
  } catch (error) {
    await system.stop();
    throw error;
  }
}
