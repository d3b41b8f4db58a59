/**
 * Starts the portal's site server: the app (app.ts) over the builds of a SiteBuilder, listening.
 *
 * With no build yet it listens at once and answers 503 with a "being built" page until the first
 * build is swapped in. That keeps `npm start` simple: the site server starts right after the CMS,
 * is reachable (and accepts rebuild requests) at once, and the first build shows its progress in
 * the log while the browser page reloads itself.
 */
import path from 'node:path';
import { buildSiteApp } from './app';
import { consoleLogger, SiteBuilder, type Logger, type SiteBuilderOptions } from './builder';
import { siteConfig, type SiteConfig } from './config';
import { ServedBuild } from './served';

export type SiteServerOptions = {
  /** The environment, parsed. @default siteConfig() */
  config?: SiteConfig;
  /** @default config.ports.site (SITE_PORT, 4321); 0 picks a free port */
  port?: number;
  /** @default config.host (HOST, 0.0.0.0) */
  host?: string;
  /** Folder with builds/ and current. @default config.siteDir (DATA_DIR/site) */
  dir?: string;
  /** A builder to use (not closed by `close()`), or options for the one the server makes. */
  builder?: SiteBuilder | Omit<SiteBuilderOptions, 'dir' | 'log'>;
  /** Where /api/search… and /uploads/… go, read at each request. @default config.urls.cms (CMS_URL, else http://127.0.0.1:CMS_PORT) */
  cmsUrl?: string | (() => string);
  /** Where /api/ask…, /api/feedback…, /api/handoff… go, read at each request. @default config.urls.bot (BOT_URL, else http://127.0.0.1:BOT_PORT) */
  botUrl?: string | (() => string);
  /** Bearer token of POST /_rebuild, read at each request. @default config.rebuildToken() (SITE_REBUILD_TOKEN, else DATA_DIR/secrets.json, which the CMS also reads) */
  rebuildToken?: string | (() => string);
  /**
   * At start: build only when there is no build yet (`if-missing`), also rebuild in the background while
   * serving the last build (`always`: picks up what changed while the server was down), or `never`.
   * @default 'if-missing'
   */
  buildOnStart?: 'if-missing' | 'always' | 'never';
  /** While there is no build to serve, a failed build is retried after this delay. @default 30000 */
  retryMs?: number;
  /** The builder's messages. @default the console, prefixed [site] */
  log?: Logger;
  /** Where the request log lines go (JSON, one per request at LOG_LEVEL=http). @default standard error */
  logStream?: NodeJS.WritableStream;
};

export type RunningSiteServer = {
  /** e.g. http://127.0.0.1:4321 */
  url: string;
  builder: SiteBuilder;
  /** Resolves once a build is served (at once when one exists). */
  ready: Promise<void>;
  close(): Promise<void>;
};

const reader = (value: string | (() => string) | undefined, fallback: () => string) => (typeof value === 'function' ? value : () => value ?? fallback());

/** Starts the site server; see the options for the defaults from the environment. */
export async function startSiteServer(options: SiteServerOptions = {}): Promise<RunningSiteServer> {
  const config = options.config ?? siteConfig();
  const log = options.log ?? consoleLogger;
  const dir = path.resolve(options.dir ?? config.siteDir);
  const ownBuilder = !(options.builder instanceof SiteBuilder);
  const builder = options.builder instanceof SiteBuilder ? options.builder : new SiteBuilder({ config, ...options.builder, dir, log });
  const retryMs = options.retryMs ?? 30_000;
  const served = new ServedBuild(builder, log);

  let retryTimer: NodeJS.Timeout | undefined;
  const stopSwaps = builder.onSwap(() => served.refresh());
  const stopFailures = builder.onFailure(() => {
    if (served.now() || retryMs <= 0) return;
    clearTimeout(retryTimer);
    log.warn(`No build to serve yet: trying again in ${Math.round(retryMs / 1000)} s.`);
    retryTimer = setTimeout(() => builder.request('retry of the first build'), retryMs);
  });

  const app = await buildSiteApp({
    logLevel: config.logLevel,
    trustedProxies: config.trustedProxies,
    served,
    builder,
    rebuildToken: reader(options.rebuildToken, config.rebuildToken),
    upstreams: { cms: reader(options.cmsUrl, () => config.urls.cms), bot: reader(options.botUrl, () => config.urls.bot) },
    ...(options.logStream ? { logStream: options.logStream } : {}),
  });

  await served.refresh();
  const initial = builder.current();
  const buildOnStart = options.buildOnStart ?? 'if-missing';
  if (buildOnStart !== 'never' && (!initial || buildOnStart === 'always')) {
    log.info(initial ? `Serving builds/${path.basename(initial)}; rebuilding in the background to pick up recent changes.` : 'No build yet: building the site now (the server answers 503 until it is ready).');
    builder.buildNow(initial ? 'start-up' : 'first build').catch(() => undefined); // failures are logged by the builder
  }

  const host = options.host ?? config.host;
  await app.listen({ port: options.port ?? config.ports.site, host });
  const { port } = app.server.address() as { port: number };
  const shownHost = ['0.0.0.0', '::', ''].includes(host) ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${port}`;
  const current = served.now();
  log.info(`Site server listening on ${url}${current ? ` (serving builds/${current.id})` : ''}`);

  return {
    url,
    builder,
    ready: served.ready,
    close: async () => {
      clearTimeout(retryTimer);
      stopSwaps();
      stopFailures();
      if (ownBuilder) await builder.close();
      app.server.closeAllConnections();
      await app.close();
    },
  };
}
