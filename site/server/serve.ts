/**
 * The portal's HTTP server: serves the current build (see builder.ts) with precompressed files,
 * cache and security headers; proxies the search API to the CMS; takes rebuild requests from the CMS.
 *
 * With no build yet it listens at once and answers 503 with a "being built" page until the first
 * build is swapped in. That keeps `npm start` simple: the site server starts right after the CMS,
 * is reachable (and accepts rebuild requests) at once, and the first build (about a minute and a
 * half for the full content) shows its progress in the log while the browser page reloads itself.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv, { type RequestHandler } from 'sirv';
import { consoleLogger, settings, SiteBuilder, type Logger, type SiteBuilderOptions } from './builder';

export type SiteServerOptions = {
  /** @default settings().site.port (SITE_PORT, 4321); 0 picks a free port */
  port?: number;
  /** @default settings().host (HOST, 0.0.0.0) */
  host?: string;
  /** Folder with builds/ and current. @default settings().site.dir (DATA_DIR/site) */
  dir?: string;
  /** A builder to use (not closed by `close()`), or options for the one the server makes. */
  builder?: SiteBuilder | Omit<SiteBuilderOptions, 'dir' | 'log'>;
  /** Where /api/search goes. @default CMS_URL, else http://127.0.0.1:CMS_PORT */
  cmsUrl?: string | (() => string);
  /** Where the assistant's /api/ask, /api/ask/stream, /api/feedback, /api/handoff go. @default BOT_URL, else http://127.0.0.1:BOT_PORT (3001) */
  botUrl?: string | (() => string);
  /**
   * Bearer token of POST /_rebuild, read at each request.
   * @default settings().secrets.siteRebuildToken: SITE_REBUILD_TOKEN, else the one generated in DATA_DIR/secrets.json that the CMS sends
   */
  rebuildToken?: string | (() => string);
  /**
   * At start: build only when there is no build yet (`if-missing`), also rebuild in the background while
   * serving the last build (`always`: picks up what changed while the server was down), or `never`.
   * @default 'if-missing'
   */
  buildOnStart?: 'if-missing' | 'always' | 'never';
  /** While there is no build to serve, a failed build is retried after this delay. @default 30000 */
  retryMs?: number;
  log?: Logger;
};

export type RunningSiteServer = {
  /** e.g. http://127.0.0.1:4321 */
  url: string;
  builder: SiteBuilder;
  /** Resolves once a build is served (at once when one exists). */
  ready: Promise<void>;
  close(): Promise<void>;
};

/** One build as served: a sirv handler on its folder, its 404 pages and its Content-Security-Policy. */
type Served = { id: string; root: string; handler: RequestHandler; notFound: Map<string, Variants>; csp: string };
type Variants = { identity: Buffer; br?: Buffer; gzip?: Buffer };

const searchPaths = new Set(['/api/search', '/api/search/suggest']);
const botPaths = new Set(['/api/ask', '/api/ask/stream', '/api/feedback', '/api/handoff']);
const immutableCache = 'public, max-age=31536000, immutable';
const revalidateCache = 'public, max-age=0, must-revalidate';
const cmsDown = 'Không kết nối được máy chủ tìm kiếm. Vui lòng thử lại sau.';
/** Beyond this many distinct inline scripts, hashes would make a huge header: the policy leaves scripts unrestricted. */
const maxScriptHashes = 64;

const buildingPage = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="10">
<title>Trang đang được xây dựng…</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}</style>
</head>
<body>
<main>
<h1>Trang đang được xây dựng…</h1>
<p>Cổng dịch vụ công đang được chuẩn bị. Trang này sẽ tự tải lại sau ít giây.</p>
<p lang="en">The portal is being built. This page reloads by itself.</p>
</main>
</body>
</html>
`;

/** text/html;charset=utf-8 (as sirv writes it) → text/html; charset=utf-8, and UTF-8 for the other text types. */
function withCharset(type: string): string {
  const bare = type.split(';')[0]!.trim();
  if (/^(text\/|application\/(javascript|xml)$|image\/svg\+xml$)/.test(bare)) return `${bare}; charset=utf-8`;
  return type;
}

const clientAddress = (req: http.IncomingMessage) => (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');

const sameToken = (given: string, expected: string) =>
  crypto.timingSafeEqual(crypto.createHash('sha256').update(given).digest(), crypto.createHash('sha256').update(expected).digest());

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Strapi's error envelope, as the search API uses it (docs/openapi.json, Error). */
const errorBody = (status: number, name: string, message: string) => ({ data: null, error: { status, name, message } });

function pickEncoding(req: http.IncomingMessage, variants: Variants): { body: Buffer; encoding?: string } {
  const accepted = req.headers['accept-encoding'] ?? '';
  if (variants.br && /\bbr\b/.test(accepted)) return { body: variants.br, encoding: 'br' };
  if (variants.gzip && /\bgzip\b/.test(accepted)) return { body: variants.gzip, encoding: 'gzip' };
  return { body: variants.identity };
}

function readVariants(file: string): Variants | undefined {
  if (!fs.existsSync(file)) return undefined;
  const optional = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f) : undefined);
  return { identity: fs.readFileSync(file), br: optional(`${file}.br`), gzip: optional(`${file}.gz`) };
}

async function htmlFiles(root: string): Promise<string[]> {
  const entries = await fs.promises.readdir(root, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? htmlFiles(path.join(root, e.name)) : Promise.resolve(e.isFile() && e.name.endsWith('.html') ? [path.join(root, e.name)] : []))),
  );
  return nested.flat();
}

/** Script types a browser runs (and CSP governs); JSON data blocks such as ld+json are not run. */
const runnableScript = /^(|module|importmap|speculationrules|(text|application)\/(java|ecma)script)$/i;

/**
 * The Content-Security-Policy for one build. Astro puts small inline scripts in the pages (the
 * `astro-island` element that hydrates React islands and one per `client:*` directive), so
 * `script-src 'self'` alone would break hydration: the policy allows exactly the inline scripts of
 * this build by their SHA-256 hash, computed when the build is swapped in. Styles, images and
 * connections are left unrestricted (Astro inlines small styles and style attributes; images may
 * come from the CMS's uploads; islands may call other services). If the build has inline event
 * handlers, or too many distinct inline scripts for one header, scripts are left unrestricted
 * rather than broken, and the log says so.
 */
export async function contentSecurityPolicy(root: string, log: Logger = consoleLogger): Promise<string> {
  const hashes = new Set<string>();
  let handlers = false;
  for (const file of await htmlFiles(root)) {
    const html = await fs.promises.readFile(file, 'utf8');
    for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
      const attributes = match[1]!;
      if (/\ssrc\s*=/i.test(attributes)) continue;
      const type = /\stype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1] ?? '';
      if (!runnableScript.test(type)) continue;
      // Browsers hash the script text after the parser's newline normalisation.
      const text = match[2]!.replace(/\r\n?/g, '\n');
      hashes.add(`'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`);
    }
    handlers ||= /<[a-z][^>]*\son[a-z]+\s*=/i.test(html);
  }
  const fixed = "object-src 'none'; base-uri 'self'; frame-ancestors 'self'";
  if (handlers) {
    log.warn('The build has inline event handlers (on…= attributes): the Content-Security-Policy leaves scripts unrestricted.');
    return fixed;
  }
  if (hashes.size > maxScriptHashes) {
    log.warn(`The build has ${hashes.size} distinct inline scripts: the Content-Security-Policy leaves scripts unrestricted.`);
    return fixed;
  }
  return [`script-src 'self' ${[...hashes].sort().join(' ')}`.trim(), fixed].join('; ');
}

/** Everything needed to answer from one build, prepared before it replaces the one being served. */
async function prepare(root: string, log: Logger): Promise<Served> {
  const handler = sirv(root, {
    etag: true,
    brotli: true,
    gzip: true,
    dotfiles: false,
  });
  const notFound = new Map<string, Variants>();
  for (const prefix of ['/en/', '/']) {
    const page = readVariants(path.join(root, prefix, '404.html'));
    if (page) notFound.set(prefix, page);
  }
  return { id: path.basename(root), root, handler, notFound, csp: await contentSecurityPolicy(root, log) };
}

/** Starts the site server; see the options for the defaults from the environment. */
export async function startSiteServer(options: SiteServerOptions = {}): Promise<RunningSiteServer> {
  const config = settings();
  const log = options.log ?? consoleLogger;
  const dir = path.resolve(options.dir ?? config.site.dir);
  const ownBuilder = !(options.builder instanceof SiteBuilder);
  const builder = options.builder instanceof SiteBuilder ? options.builder : new SiteBuilder({ ...options.builder, dir, log });
  const rebuildToken = () => {
    const given = typeof options.rebuildToken === 'function' ? options.rebuildToken() : options.rebuildToken;
    return given ?? settings().secrets.siteRebuildToken;
  };
  const cmsUrl = () => {
    const given = typeof options.cmsUrl === 'function' ? options.cmsUrl() : options.cmsUrl;
    return given ?? process.env.CMS_URL ?? `http://127.0.0.1:${config.port}`;
  };
  const botUrl = () => {
    const given = typeof options.botUrl === 'function' ? options.botUrl() : options.botUrl;
    return given ?? process.env.BOT_URL ?? `http://127.0.0.1:${process.env.BOT_PORT ?? 3001}`;
  };
  const retryMs = options.retryMs ?? 30_000;

  let served: Served | undefined;
  let lastCheck = 0;
  let refreshing: Promise<void> | undefined;
  let refreshAgain = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  /** Serves whatever `current` points at now (after a swap, or a rollback done by hand). */
  const refresh = (): Promise<void> => {
    if (refreshing) {
      refreshAgain = true;
      return refreshing;
    }
    refreshing = (async () => {
      do {
        refreshAgain = false;
        const root = builder.current();
        if (!root || root === served?.root) continue;
        try {
          served = await prepare(root, log);
          markReady();
        } catch (error) {
          log.error(`Could not serve ${root}: ${(error as Error).message}`);
        }
      } while (refreshAgain);
    })().finally(() => (refreshing = undefined));
    return refreshing;
  };

  const stopSwaps = builder.onSwap(() => refresh());
  const stopFailures = builder.onFailure(() => {
    if (served || retryMs <= 0) return;
    clearTimeout(retryTimer);
    log.warn(`No build to serve yet: trying again in ${Math.round(retryMs / 1000)} s.`);
    retryTimer = setTimeout(() => builder.request('retry of the first build'), retryMs);
  });

  function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    if (Date.now() - lastCheck > 1000) {
      lastCheck = Date.now();
      void refresh();
    }
    const build = served;
    if (!build) {
      res.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': '10' });
      res.end(buildingPage);
      return;
    }
    res.setHeader('Content-Security-Policy', build.csp);
    res.setHeader('Cache-Control', pathname.startsWith('/_astro/') ? immutableCache : revalidateCache);
    res.setHeader('Vary', 'Accept-Encoding'); // also on a 304, which sirv answers before setting it
    // sirv picks the Content-Type from the file it found (after .br/.gz and index.html lookups);
    // this adds the charset there, where the type is known.
    const writeHead = res.writeHead.bind(res) as (status: number, headers?: http.OutgoingHttpHeaders) => http.ServerResponse;
    res.writeHead = ((status: number, headers?: http.OutgoingHttpHeaders) => {
      const type = headers?.['Content-Type'];
      if (typeof type === 'string' && type) headers!['Content-Type'] = withCharset(type);
      return writeHead(status, headers);
    }) as typeof res.writeHead;
    build.handler(req, res, () => {
      res.writeHead = writeHead as typeof res.writeHead;
      const page = build.notFound.get(pathname.startsWith('/en/') && build.notFound.has('/en/') ? '/en/' : '/');
      if (!page) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Không tìm thấy trang. / Page not found.');
        return;
      }
      const { body, encoding } = pickEncoding(req, page);
      res.writeHead(404, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': body.length,
        Vary: 'Accept-Encoding',
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
      });
      res.end(body);
    });
  }

  /** GET /api/search[/suggest]?… → the CMS, with the client's address in X-Forwarded-For (the CMS counts its rate limit per address). */
  /** The search API, and the CMS's uploaded files (form templates, covers) that pages link to. */
  async function proxyToCms(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const upload = url.pathname.startsWith('/uploads/');
    const target = new URL(url.pathname + url.search, cmsUrl());
    let upstream: Response;
    let body: Buffer;
    try {
      upstream = await fetch(target, {
        headers: {
          accept: upload ? '*/*' : 'application/json',
          // Overwrites what the client sent: the CMS trusts the first entry, so it must not be the client's own claim.
          'x-forwarded-for': clientAddress(req),
          ...(req.headers['accept-language'] ? { 'accept-language': req.headers['accept-language'] } : {}),
        },
        signal: AbortSignal.timeout(10_000),
      });
      body = Buffer.from(await upstream.arrayBuffer());
    } catch (error) {
      log.warn(`Search proxy: ${target.origin} unreachable (${(error as Error).message})`);
      sendJson(res, 502, errorBody(502, 'BadGatewayError', upload ? 'Không tải được tệp lúc này. Vui lòng thử lại sau.' : cmsDown));
      return;
    }
    const headers: http.OutgoingHttpHeaders = { 'Cache-Control': upload && upstream.ok ? 'public, max-age=86400' : 'no-store', 'Content-Length': body.length };
    for (const name of ['content-type', 'retry-after', ...(upload ? ['last-modified', 'etag'] : [])]) {
      const value = upstream.headers.get(name);
      if (value) headers[name] = value;
    }
    res.writeHead(upstream.status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /**
   * The assistant's endpoints, proxied to the bot with the body passed on and the answer streamed
   * back as it comes (Server-Sent Events must not be buffered).
   */
  async function proxyToBot(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > 64 * 1024) return sendJson(res, 413, errorBody(413, 'PayloadTooLargeError', 'Câu hỏi quá dài.'));
      chunks.push(chunk);
    }
    let upstream: Response;
    try {
      upstream = await fetch(new URL(url.pathname + url.search, botUrl()), {
        method: req.method,
        headers: {
          'content-type': req.headers['content-type'] ?? 'application/json',
          accept: req.headers.accept ?? 'application/json',
          'x-forwarded-for': clientAddress(req),
        },
        body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
        signal: AbortSignal.timeout(60_000),
      });
    } catch (error) {
      log.warn(`Assistant proxy: ${botUrl()} unreachable (${(error as Error).message})`);
      return sendJson(res, 502, errorBody(502, 'BadGatewayError', 'Trợ lý ảo đang tạm ngừng. Vui lòng thử lại sau hoặc gọi đường dây nóng.'));
    }
    const headers: http.OutgoingHttpHeaders = { 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' };
    for (const name of ['content-type', 'retry-after', 'content-length']) {
      const value = upstream.headers.get(name);
      if (value) headers[name] = value;
    }
    res.writeHead(upstream.status, headers);
    if (!upstream.body) return void res.end();
    for await (const chunk of upstream.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
    res.end();
  }

  /** POST /_rebuild from the CMS (Authorization: Bearer <SITE_REBUILD_TOKEN>) → 202 and a debounced build. */
  async function rebuild(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const given = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    if (!given || !sameToken(given, rebuildToken())) {
      req.resume();
      sendJson(res, 401, errorBody(401, 'UnauthorizedError', 'Thiếu hoặc sai mã xác thực. / Missing or wrong token.'), { 'WWW-Authenticate': 'Bearer' });
      return;
    }
    let text = '';
    req.setEncoding('utf8');
    for await (const chunk of req) if (text.length < 64 * 1024) text += chunk;
    let reason = 'rebuild requested';
    try {
      const parsed = JSON.parse(text) as { reason?: unknown };
      if (typeof parsed.reason === 'string' && parsed.reason.trim()) reason = parsed.reason.trim().slice(0, 200);
    } catch {
      // no body, or not JSON: a plain request
    }
    builder.request(reason);
    sendJson(res, 202, { status: 'accepted', building: builder.building });
  }

  const server = http.createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://site.invalid');
    } catch {
      sendJson(res, 400, errorBody(400, 'BadRequestError', 'Bad request'));
      return;
    }
    const method = req.method ?? 'GET';
    const allow = (methods: string) => {
      if (methods.split(', ').includes(method)) return true;
      sendJson(res, 405, errorBody(405, 'MethodNotAllowedError', 'Method not allowed'), { Allow: methods });
      return false;
    };
    const failed = (error: unknown) => {
      log.error(`${method} ${url.pathname}: ${(error as Error).message}`);
      if (!res.headersSent) sendJson(res, 500, errorBody(500, 'InternalServerError', 'Internal error'));
      else res.destroy();
    };
    if (url.pathname === '/_health') {
      if (allow('GET, HEAD')) sendJson(res, 200, { status: 'ok', build: served?.id ?? null });
    } else if (url.pathname === '/_rebuild') {
      if (allow('POST')) rebuild(req, res).catch(failed);
    } else if (botPaths.has(url.pathname)) {
      if (allow('POST')) proxyToBot(req, res, url).catch(failed);
    } else if (searchPaths.has(url.pathname) || url.pathname.startsWith('/uploads/')) {
      if (allow('GET, HEAD')) proxyToCms(req, res, url).catch(failed);
    } else if (allow('GET, HEAD')) {
      try {
        serveStatic(req, res, url.pathname);
      } catch (error) {
        failed(error);
      }
    }
  });

  await refresh();
  const initial = builder.current();
  const buildOnStart = options.buildOnStart ?? 'if-missing';
  if (buildOnStart !== 'never' && (!initial || buildOnStart === 'always')) {
    log.info(initial ? `Serving builds/${path.basename(initial)}; rebuilding in the background to pick up recent changes.` : 'No build yet: building the site now (the server answers 503 until it is ready).');
    builder.buildNow(initial ? 'start-up' : 'first build').catch(() => undefined); // failures are logged by the builder
  }

  const listenOn = { port: options.port ?? config.site.port, host: options.host ?? config.host };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenOn.port, listenOn.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = ['0.0.0.0', '::', ''].includes(listenOn.host) ? '127.0.0.1' : listenOn.host.includes(':') ? `[${listenOn.host}]` : listenOn.host;
  const url = `http://${shownHost}:${port}`;
  log.info(`Site server listening on ${url}${served ? ` (serving builds/${served.id})` : ''}`);

  return {
    url,
    builder,
    ready,
    close: async () => {
      clearTimeout(retryTimer);
      stopSwaps();
      stopFailures();
      if (ownBuilder) await builder.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
