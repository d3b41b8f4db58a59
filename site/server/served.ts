/**
 * Which build the site server answers from. A build is prepared (its file list, 404 pages and
 * Content-Security-Policy) before it replaces the served one, so a request is answered wholly from
 * the old build or wholly from the new one, never a mix, and a failed build is never served (the
 * builder never points `current` at it). A rollback by hand (re-pointing `current`) is noticed on
 * the next request at most a second later.
 */
import path from 'node:path';
import { listFiles, type Logger, type SiteBuilder } from './builder';
import { contentSecurityPolicy } from './csp';

export type Build = {
  /** The build folder's name, e.g. 2026-12-05T11-07-06-786Z */
  id: string;
  /** Absolute path of the build folder. */
  root: string;
  /** Every file a request may name, as URL paths (`/thu-tuc/x/index.html`); the .br/.gz copies and dotfiles are only sent in their place. */
  files: Set<string>;
  csp: string;
};

/** Lists the build's files and computes its policy. */
export async function prepareBuild(root: string, log: Logger): Promise<Build> {
  const all = await listFiles(root);
  const urls = all.map((file) => `/${path.relative(root, file).split(path.sep).join('/')}`);
  const files = new Set(urls.filter((url) => !/\.(br|gz)$/.test(url) && !url.includes('/.')));
  const html = all.filter((file) => file.endsWith('.html'));
  return { id: path.basename(root), root, files, csp: await contentSecurityPolicy(html, log) };
}

/**
 * The file that answers `pathname` (decoded, starting with /): the file itself, the folder's
 * index.html, or `<path>.html` — what Astro's directory format and the nginx example's
 * `try_files $uri $uri/index.html $uri.html` serve.
 */
export function fileFor(build: Build, pathname: string): string | undefined {
  const candidates = pathname.endsWith('/') ? [`${pathname}index.html`] : [pathname, `${pathname}/index.html`, `${pathname}.html`];
  return candidates.find((candidate) => build.files.has(candidate));
}

/** The build's 404 page for `pathname`: the English one under /en/, else the Vietnamese one. */
export function notFoundPage(build: Build, pathname: string): string | undefined {
  if (pathname.startsWith('/en/') && build.files.has('/en/404.html')) return '/en/404.html';
  return build.files.has('/404.html') ? '/404.html' : undefined;
}

/** Follows the builder's `current` link. */
export class ServedBuild {
  private build: Build | undefined;
  private lastCheck = 0;
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;
  private markReady: () => void = () => undefined;
  /** Resolves once a build is served. */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  constructor(
    private readonly builder: SiteBuilder,
    private readonly log: Logger,
  ) {}

  /** The build to answer from now, or undefined before the first build; looks at `current` at most once a second. */
  now(): Build | undefined {
    if (Date.now() - this.lastCheck > 1000) {
      this.lastCheck = Date.now();
      void this.refresh();
    }
    return this.build;
  }

  /** Serves whatever `current` points at now (after a swap, or a rollback done by hand). */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        const root = this.builder.current();
        if (!root || root === this.build?.root) continue;
        try {
          this.build = await prepareBuild(root, this.log);
          this.markReady();
        } catch (error) {
          this.log.error(`Could not serve ${root}: ${(error as Error).message}`);
        }
      } while (this.refreshAgain);
    })().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }
}
