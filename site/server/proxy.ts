/**
 * The APIs the portal's pages call on its own origin, proxied by prefix (`@fastify/http-proxy`):
 * the search API and the uploaded files to the CMS, the assistant's endpoints to the bot.
 *
 * - The upstream sees the client's address (`request.ip`, which believes X-Forwarded-For only from
 *   TRUSTED_PROXIES) as the only X-Forwarded-For value, never the client's own claim: the CMS and
 *   the bot count their rate limits per address. X-Request-Id ties their log lines to ours.
 * - Only the headers a call needs go up and come back (no cookies, no credentials, no upstream
 *   server banners).
 * - An upstream that does not answer gives 502 in the error envelope, with a Vietnamese message.
 * - Answers are streamed through as they come: the assistant's Server-Sent Events are not buffered.
 */
import proxy from '@fastify/http-proxy';
import type { FastifyReply, FastifyRequest, RawServerBase, RequestGenericInterface } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { errorEnvelope } from '@portal/cms/contracts';
import type { Server } from '@portal/platform';
import { uploadPolicy } from './csp';

export type Upstreams = {
  /** The CMS: /api/search…, /uploads/… */
  cms: () => string;
  /** The assistant: /api/ask…, /api/feedback…, /api/handoff… */
  bot: () => string;
};

/** The assistant's endpoints (POST only). */
export const botPrefixes = ['/api/ask', '/api/feedback', '/api/handoff'];

const cmsDown = 'Không kết nối được máy chủ tìm kiếm. Vui lòng thử lại sau.';
const uploadDown = 'Không tải được tệp lúc này. Vui lòng thử lại sau.';
const botDown = 'Trợ lý ảo đang tạm ngừng. Vui lòng thử lại sau hoặc gọi đường dây nóng.';

/** What a browser may display in the page rather than download: raster images and PDF. Everything else (SVG, HTML, office files…) is an attachment. */
const inlineTypes = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'application/pdf']);

/** As @fastify/reply-from hands them to its hooks (any server type). */
type ProxiedRequest = FastifyRequest<RequestGenericInterface, RawServerBase>;
type ProxiedReply = FastifyReply<RequestGenericInterface, RawServerBase>;

const requestHeaders = ['accept', 'accept-language', 'content-type', 'content-length', 'if-none-match', 'if-modified-since', 'range', 'if-range'];

/** Dual-stack sockets give IPv4 clients as ::ffff:a.b.c.d; the upstream counts them by their IPv4 address. */
export const clientAddress = (request: ProxiedRequest): string => request.ip.replace(/^::ffff:/, '');

function upstreamRequestHeaders(request: ProxiedRequest, headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const kept: IncomingHttpHeaders = { host: headers.host };
  for (const name of requestHeaders) if (headers[name] !== undefined) kept[name] = headers[name];
  return { ...kept, 'x-forwarded-for': clientAddress(request), 'x-request-id': request.id };
}

const pick = (headers: IncomingHttpHeaders, names: string[]) => Object.fromEntries(names.filter((n) => headers[n] !== undefined).map((n) => [n, headers[n]]));

type Route = {
  prefix: string;
  upstream: () => string;
  methods: string[];
  /** Upstream answer headers passed on. */
  answerHeaders: string[];
  /** Headers of our own on every answer (upstream or 502). */
  ownHeaders?: Record<string, string>;
  down: string;
  /** Seconds to wait for the upstream's headers, and between two chunks of its body. */
  timeoutSeconds: number;
};

async function proxied(app: Server, route: Route): Promise<void> {
  const badGateway = (reply: ProxiedReply) => reply.code(502).headers(route.ownHeaders ?? {}).send(errorEnvelope(502, 'BadGatewayError', route.down));
  await app.register(async (scope) => {
    // The CMS's and the assistant's OpenAPI documents describe these paths; ours would repeat them.
    scope.addHook('onRoute', (options) => {
      options.schema = { ...options.schema, hide: true };
    });
    await scope.register(proxy, {
      prefix: route.prefix,
      rewritePrefix: route.prefix,
      upstream: '',
      httpMethods: route.methods,
      // Bodies (the assistant's JSON) are parsed and size-checked here (bodyLimit, 400/413/415 in the envelope), then sent on.
      proxyPayloads: false,
      disableRequestLogging: true,
      undici: { headersTimeout: route.timeoutSeconds * 1000, bodyTimeout: route.timeoutSeconds * 1000 },
      replyOptions: {
        getUpstream: () => route.upstream(),
        rewriteRequestHeaders: upstreamRequestHeaders,
        rewriteHeaders: (headers) => ({ ...pick(headers, route.answerHeaders), ...route.ownHeaders }),
        // No retries: a search or a question is asked once (reply-from would retry a GET answered 503).
        retryDelay: () => null,
        onError: (reply) => void badGateway(reply),
      },
    });
  });
}

/**
 * Uploaded files are whatever an editor (or anyone holding an upload permission) put in the media
 * library: an SVG or HTML file with a script must never run on the portal's origin. So every answer
 * is sandboxed and never sniffed, and only raster images and PDF are shown inline.
 */
function uploadHeaders(reply: FastifyReply): void {
  reply.header('content-security-policy', uploadPolicy);
  reply.header('cache-control', reply.statusCode < 400 ? 'public, max-age=86400' : 'no-store');
  // A 304 updates the cached answer's headers: it keeps the disposition decided on the 200.
  if (reply.statusCode === 304) return;
  const type = String(reply.getHeader('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!inlineTypes.has(type)) reply.header('content-disposition', 'attachment');
}

export async function proxies(app: Server, upstreams: Upstreams): Promise<void> {
  const answerHeaders = ['content-type', 'content-length', 'retry-after'];
  await proxied(app, { prefix: '/api/search', upstream: upstreams.cms, methods: ['GET', 'HEAD'], answerHeaders, ownHeaders: { 'cache-control': 'no-store' }, down: cmsDown, timeoutSeconds: 10 });
  await app.register(async (uploads) => {
    uploads.addHook('onSend', async (_request, reply, payload) => {
      uploadHeaders(reply);
      return payload;
    });
    const fileHeaders = [...answerHeaders, 'etag', 'last-modified', 'accept-ranges', 'content-range'];
    await proxied(uploads, { prefix: '/uploads', upstream: upstreams.cms, methods: ['GET', 'HEAD'], answerHeaders: fileHeaders, down: uploadDown, timeoutSeconds: 30 });
  });
  const ownHeaders = { 'cache-control': 'no-store', 'x-accel-buffering': 'no' };
  for (const prefix of botPrefixes) {
    await proxied(app, { prefix, upstream: upstreams.bot, methods: ['POST'], answerHeaders, ownHeaders, down: botDown, timeoutSeconds: 60 });
  }
}
