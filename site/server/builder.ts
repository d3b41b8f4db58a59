/**
 * Builds the static portal into a fresh folder and swaps it in atomically.
 *
 *   <dir>/builds/<id>/   one complete build each (the served one, the previous one for rollback)
 *   <dir>/current        symlink to builds/<id>: what is served; replaced by renaming a new symlink over it
 *
 * A build runs the build command (Astro by default) into a new folder, precompresses the text
 * files to .br and .gz, then swaps. A build that fails is deleted and never served; the last good
 * build stays. Requests are debounced and coalesced: a burst of publishes makes one build, and
 * requests that arrive during a build make exactly one follow-up build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { siteConfig, type SiteConfig } from './config';

/** The site workspace: where `astro build` runs. */
export const siteDir = path.resolve(import.meta.dirname, '..');

export type Logger = { info(message: string): void; warn(message: string): void; error(message: string): void };

export const consoleLogger: Logger = {
  info: (m) => console.log(`[site] ${m}`),
  warn: (m) => console.warn(`[site] ${m}`),
  error: (m) => console.error(`[site] ${m}`),
};

/** How to build the site into `outDir`: a program, its arguments and the folder to run it in. */
export type BuildCommand = (outDir: string) => { command: string; args: string[]; cwd?: string };

/**
 * `astro build --outDir <folder>` in the site workspace. The locally installed Astro is run with
 * this Node directly (what `npx astro` would run, without npm's start-up or any registry look-up).
 */
export const astroBuild: BuildCommand = (outDir) => {
  const astroPackage = createRequire(path.join(siteDir, 'package.json')).resolve('astro/package.json');
  return { command: process.execPath, args: [path.join(path.dirname(astroPackage), 'astro.js'), 'build', '--outDir', outDir], cwd: siteDir };
};

export type SiteBuilderOptions = {
  /** Folder holding `builds/` and `current`. @default siteConfig().siteDir (DATA_DIR/site) */
  dir?: string;
  /**
   * Where the build reads the content (passed to it as CMS_URL) and the CMS's read-only token
   * (CMS_TOKEN, read at each build: the seed step may write it later).
   * @default siteConfig(), from the environment
   */
  config?: Pick<SiteConfig, 'siteDir' | 'urls' | 'cmsToken'>;
  /** @default astroBuild */
  command?: BuildCommand;
  /** Quiet time after the last request before a build starts. @default 3000 */
  debounceMs?: number;
  /** A steady stream of requests still builds at least this often. @default 30000 */
  maxWaitMs?: number;
  /** How often a running build reports progress in the log. @default 15000 */
  progressMs?: number;
  log?: Logger;
  onSwap?: SwapListener;
};

/** Called after each swap; the builder waits for it (e.g. the server switching to the new build) before deleting old builds. */
export type SwapListener = (build: SiteBuild) => void | Promise<void>;

export type SiteBuild = {
  id: string;
  /** Absolute path of the build folder. */
  dir: string;
  /** Number of index.html files: one per page. */
  pages: number;
  seconds: number;
  reasons: string[];
};

/** A build that failed: its exit status and the last lines it printed. */
export class SiteBuildError extends Error {
  constructor(
    message: string,
    readonly outputTail: string,
  ) {
    super(message);
    this.name = 'SiteBuildError';
  }
}

/** Files served compressed: text formats. Smaller files gain nothing worth a second request header. */
const compressible = /\.(html|css|js|mjs|svg|json|xml|txt|webmanifest)$/i;
const minCompressBytes = 1024;
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Astro leaves these content-layer manifests at the root of an outDir outside the project: build internals, not pages. */
const astroLeftovers = ['content-assets.mjs', 'content-modules.mjs'];

/** Keeps the last `limit` bytes a process printed. */
class OutputTail {
  private chunks: Buffer[] = [];
  private size = 0;
  constructor(private readonly limit = 64 * 1024) {}
  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size - this.chunks[0]!.length >= this.limit) this.size -= this.chunks.shift()!.length;
  }
  lines(count: number): string {
    return Buffer.concat(this.chunks).toString('utf8').trimEnd().split(/\r?\n/).slice(-count).join('\n');
  }
}

const formatCount = (n: number) => n.toLocaleString('en-US');

export class SiteBuilder {
  readonly dir: string;
  readonly buildsDir: string;
  private readonly command: BuildCommand;
  private readonly config: Pick<SiteConfig, 'siteDir' | 'urls' | 'cmsToken'>;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly progressMs: number;
  private readonly log: Logger;
  private readonly swapListeners = new Set<SwapListener>();
  private readonly failureListeners = new Set<(error: Error) => void>();

  private pending: string[] = [];
  private firstPendingAt: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SiteBuild> | undefined;
  private child: ChildProcess | undefined;
  private closed = false;
  private lastId = '';

  constructor(options: SiteBuilderOptions = {}) {
    this.config = options.config ?? siteConfig();
    this.dir = path.resolve(options.dir ?? this.config.siteDir);
    this.buildsDir = path.join(this.dir, 'builds');
    this.command = options.command ?? astroBuild;
    this.debounceMs = options.debounceMs ?? 3000;
    this.maxWaitMs = options.maxWaitMs ?? 30_000;
    this.progressMs = options.progressMs ?? 15_000;
    this.log = options.log ?? consoleLogger;
    if (options.onSwap) this.swapListeners.add(options.onSwap);
    fs.mkdirSync(this.buildsDir, { recursive: true });
    // Folders left by an interrupted build (never swapped in) and builds older than the previous one.
    this.prune(undefined);
  }

  /** Absolute path of the served build, or undefined before the first build. */
  current(): string | undefined {
    try {
      return fs.realpathSync(path.join(this.dir, 'current'));
    } catch {
      return undefined;
    }
  }

  /** Id of the served build (its folder name), or undefined. */
  currentId(): string | undefined {
    const current = this.current();
    return current ? path.basename(current) : undefined;
  }

  /** Whether a build is running now. */
  get building(): boolean {
    return this.running !== undefined;
  }

  /** Calls `listener` after each swap; returns a function that stops it. */
  onSwap(listener: SwapListener): () => void {
    this.swapListeners.add(listener);
    return () => this.swapListeners.delete(listener);
  }

  /** Calls `listener` after each failed build (already logged); returns a function that stops it. */
  onFailure(listener: (error: Error) => void): () => void {
    this.failureListeners.add(listener);
    return () => this.failureListeners.delete(listener);
  }

  /**
   * Asks for a build `debounceMs` after the last request (at most `maxWaitMs` after the first).
   * During a build, requests are kept and make one follow-up build once it ends.
   */
  request(reason: string): void {
    if (this.closed) return;
    this.pending.push(reason);
    this.firstPendingAt ??= Date.now();
    if (!this.running) this.schedule();
  }

  /** Builds now (after the running build, if any) and resolves once the new build is served; rejects if it fails. */
  async buildNow(reason = 'build requested'): Promise<SiteBuild> {
    while (this.running) await this.running.catch(() => undefined);
    if (this.closed) throw new Error('The site builder is closed');
    clearTimeout(this.timer);
    this.timer = undefined;
    return this.start([...this.takePending(), reason]);
  }

  /** Resolves when no build is running or waiting. */
  async idle(): Promise<void> {
    while (this.running || this.timer) {
      if (this.running) await this.running.catch(() => undefined);
      else await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Cancels waiting requests and stops a running build (its folder is removed). */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
    const child = this.child;
    if (child?.pid && child.exitCode === null) {
      const group = process.platform === 'win32' ? child.pid : -child.pid;
      const kill = (signal: NodeJS.Signals) => {
        try {
          process.kill(group, signal);
        } catch {
          child.kill(signal);
        }
      };
      kill('SIGTERM');
      const force = setTimeout(() => kill('SIGKILL'), 5000);
      child.once('exit', () => clearTimeout(force));
    }
    await this.running?.catch(() => undefined);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.debounceMs, (this.firstPendingAt ?? Date.now()) + this.maxWaitMs - Date.now()));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.start(this.takePending()).catch(() => undefined); // logged and reported in run()
    }, wait);
  }

  private takePending(): string[] {
    const reasons = this.pending;
    this.pending = [];
    this.firstPendingAt = undefined;
    return reasons;
  }

  private start(reasons: string[]): Promise<SiteBuild> {
    const build = this.run(reasons).finally(() => {
      this.running = undefined;
      if (this.pending.length > 0 && !this.closed) this.schedule();
    });
    this.running = build;
    return build;
  }

  private newId(): string {
    let id = new Date().toISOString().replace(/[:.]/g, '-');
    if (id <= this.lastId) id = `${this.lastId}+`; // same millisecond, or a clock set back: ids stay in order
    this.lastId = id;
    return id;
  }

  private async run(reasons: string[]): Promise<SiteBuild> {
    const id = this.newId();
    const out = path.join(this.buildsDir, id);
    const started = performance.now();
    const distinct = [...new Set(reasons)];
    const why = distinct.length === 0 ? '' : ` (${distinct.slice(0, 3).join('; ')}${distinct.length > 3 ? `; ${distinct.length - 3} more` : ''})`;
    this.log.info(`Building the site into builds/${id}${why}…`);
    let pages: number;
    let built: number;
    let previous: string | undefined;
    try {
      fs.mkdirSync(out, { recursive: true });
      await this.runCommand(out, started);
      if (this.closed) throw new SiteBuildError('The build was stopped', '');
      if (!fs.existsSync(path.join(out, 'index.html'))) throw new SiteBuildError('The build finished without an index.html', '');
      for (const leftover of astroLeftovers) fs.rmSync(path.join(out, leftover), { force: true });
      built = performance.now();
      pages = await precompress(out);
      previous = this.currentId();
      this.swap(id);
    } catch (error) {
      fs.rmSync(out, { recursive: true, force: true });
      const failure = error instanceof Error ? error : new Error(String(error));
      if (this.closed) {
        this.log.info(`Site build into builds/${id} stopped: the builder is closing.`);
        throw failure;
      }
      const tail = failure instanceof SiteBuildError && failure.outputTail ? `\n--- last lines of the build output ---\n${failure.outputTail}\n---` : '';
      const served = this.currentId();
      this.log.error(
        `Site build failed after ${((performance.now() - started) / 1000).toFixed(1)} s: ${failure.message}. ` +
          `${served ? `Still serving builds/${served}.` : 'No build to serve yet.'}${tail}`,
      );
      for (const listener of this.failureListeners) listener(failure);
      throw failure;
    }
    // Swapped: from here on the build is served, whatever happens.
    const seconds = (performance.now() - started) / 1000;
    this.log.info(
      `Site built in ${seconds.toFixed(1)} s (${formatCount(pages)} pages): build ${((built - started) / 1000).toFixed(1)} s, ` +
        `compression ${((performance.now() - built) / 1000).toFixed(1)} s; now serving builds/${id}`,
    );
    const result: SiteBuild = { id, dir: out, pages, seconds, reasons };
    await this.notifySwap(result);
    try {
      this.prune(previous);
    } catch (error) {
      this.log.warn(`Could not delete old builds: ${(error as Error).message}`);
    }
    return result;
  }

  private async notifySwap(build: SiteBuild): Promise<void> {
    const results = await Promise.allSettled([...this.swapListeners].map(async (listener) => listener(build)));
    for (const result of results) {
      if (result.status === 'rejected') this.log.error(`After the swap to builds/${build.id}: ${result.reason instanceof Error ? result.reason.message : String(result.reason)}`);
    }
  }

  /** Runs the build command into `out`; resolves when it exits 0, rejects with the output tail otherwise. */
  private runCommand(out: string, started: number): Promise<void> {
    const { command, args, cwd } = this.command(out);
    // Always a production build: under `node --test` NODE_ENV is "test", which gives React's development build (50 % larger).
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', CMS_URL: this.config.urls.cms };
    const token = this.config.cmsToken();
    if (token) env.CMS_TOKEN = token;
    else this.log.warn('No CMS API token: set CMS_TOKEN, or seed the CMS (npm run seed writes DATA_DIR/site-api-token); building without it');
    env.ASTRO_TELEMETRY_DISABLED ??= '1';
    return new Promise<void>((resolve, reject) => {
      const tail = new OutputTail();
      let pages = 0;
      const child = spawn(command, args, {
        cwd: cwd ?? siteDir,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group, so that stopping the server stops the whole build (npx, astro, workers).
        detached: process.platform !== 'win32',
      });
      this.child = child;
      const collect = (chunk: Buffer) => {
        tail.push(chunk);
        // Astro prints one line per generated page: "├─ /thu-tuc/…/index.html (+12ms)".
        pages += chunk.toString('utf8').match(/\.html \(\+/g)?.length ?? 0;
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      const progress = setInterval(() => {
        this.log.info(`Still building the site: ${formatCount(pages)} pages so far (${Math.round((performance.now() - started) / 1000)} s)`);
      }, this.progressMs);
      progress.unref();
      child.on('error', (error) => {
        clearInterval(progress);
        this.child = undefined;
        reject(new SiteBuildError(`Could not run ${command}: ${error.message}`, tail.lines(30)));
      });
      child.on('close', (code, signal) => {
        clearInterval(progress);
        this.child = undefined;
        if (code === 0) resolve();
        else reject(new SiteBuildError(`The build command exited with ${signal ?? `code ${code}`}`, tail.lines(30)));
      });
    });
  }

  /** Points `current` at builds/<id>: a new symlink renamed over the old one, so there is never a moment without one. */
  private swap(id: string): void {
    const link = path.join(this.dir, 'current');
    if (fs.existsSync(link) && !fs.lstatSync(link).isSymbolicLink()) {
      throw new Error(`${link} is a folder, not the symlink the site server manages; move it away`);
    }
    const temporary = path.join(this.dir, `.current-${process.pid}-${Date.now()}`);
    const target = path.join('builds', id);
    if (process.platform === 'win32') fs.symlinkSync(path.join(this.dir, target), temporary, 'junction');
    else fs.symlinkSync(target, temporary);
    fs.renameSync(temporary, link);
  }

  /**
   * Deletes every build but the served one and `previous` (kept for rollback). Without `previous`
   * (at start-up), the newest build older than the served one is kept; newer ones were never finished.
   */
  private prune(previous: string | undefined): void {
    const current = this.currentId();
    const ids = fs.readdirSync(this.buildsDir).sort();
    const keep = new Set([current, previous ?? ids.filter((id) => current !== undefined && id < current).at(-1)]);
    for (const id of ids) {
      if (!keep.has(id)) fs.rmSync(path.join(this.buildsDir, id), { recursive: true, force: true });
    }
    for (const entry of fs.readdirSync(this.dir)) {
      if (entry.startsWith('.current-')) fs.rmSync(path.join(this.dir, entry), { force: true });
    }
  }
}

/** Every file below `root`, as absolute paths. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await fs.promises.readdir(root, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(root, entry.name);
      if (entry.isDirectory()) return listFiles(full);
      return Promise.resolve(entry.isFile() ? [full] : []);
    }),
  );
  return nested.flat();
}

/**
 * Writes `<file>.br` (quality 9: close to the best size at a fraction of quality 11's time) and
 * `<file>.gz` next to each text file of at least 1 KB, when they are smaller. Returns the number of pages.
 */
export async function precompress(root: string): Promise<number> {
  const files = await listFiles(root);
  const queue = files.filter((f) => compressible.test(f));
  const worker = async () => {
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      const content = await fs.promises.readFile(file);
      if (content.length < minCompressBytes) continue;
      const [br, gz] = await Promise.all([
        brotli(content, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
            // A window no larger than the file: the default 4 MB window made compressing 4,400 pages 12 times slower.
            [zlib.constants.BROTLI_PARAM_LGWIN]: Math.min(22, Math.max(16, Math.ceil(Math.log2(content.length + 1)))),
          },
        }),
        gzip(content, { level: 9 }),
      ]);
      if (br.length < content.length) await fs.promises.writeFile(`${file}.br`, br);
      if (gz.length < content.length) await fs.promises.writeFile(`${file}.gz`, gz);
    }
  };
  await Promise.all(Array.from({ length: Math.max(2, os.availableParallelism()) }, worker));
  return files.filter((f) => path.basename(f) === 'index.html').length;
}
