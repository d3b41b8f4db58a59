import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { clientAddress, isTrustedPeer } from '../../lib/client-address';
import { settings } from '../../lib/settings';

/** Headers only a trusted proxy may set; from anyone else they are dropped before Koa reads them. */
const forwardedHeaders = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-request-id'];
/** A request id passed on by the site server or another trusted proxy: short, no spaces or control characters. */
const requestIdPattern = /^[\w.:@-]{1,128}$/;
const errorBody = (status: number, name: string, message: string) => ({ data: null, error: { status, name, message, details: {} } });
/** The admin panel and its API, which set the admin's session cookies. */
const adminPath = /^\/admin(\/|$)/;

/** The path to log, or nothing when the request target cannot be parsed (`GET http://[/`). */
function safePath(ctx: Context): string | undefined {
  try {
    return ctx.path;
  } catch {
    return undefined;
  }
}

/** The client closed the connection before the answer was sent. */
const clientGone = (ctx: Context) => ctx.req.socket.destroyed && !ctx.res.writableFinished;

/**
 * First of the CMS's own middlewares, for every request:
 * - a request target that is not a URL gets 400 (it used to reach Strapi's security middleware and fail with 500);
 * - `ctx.ip` becomes the client's address: X-Forwarded-For counts only from TRUSTED_PROXIES, so rate
 *   limits (ours and Strapi's admin login limit, which keys on e-mail and `ctx.request.ip`) count clients;
 * - the request id comes from a trusted proxy's X-Request-Id or is generated, and goes back in the
 *   response, so the site server's, the assistant's and the CMS's logs can be tied together;
 * - one log line per request at the `http` level (LOG_LEVEL=http) with method, path (never the query
 *   string: searches may hold personal data), status, time and request id;
 * - a client that goes away mid-request is one such line, not an error with a stack trace;
 * - with an https PUBLIC_URL, the admin answers only requests that came over https (via a trusted proxy).
 * `/favicon.ico` answers 204: the CMS has no icon of its own, and a browser asking should not cause an error.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const { app } = strapi.server;
  // Koa prints every error that reaches it with a stack trace, including sockets the client closed
  // mid-request; report real errors through Strapi's logger instead, and the rest not at all.
  app.silent = true;
  app.on('error', (error: Error, ctx?: Context) => {
    if (ctx && clientGone(ctx)) return; // its request line says so
    strapi.log.error(error);
  });

  return async (ctx: Context, next: Next) => {
    const started = performance.now();
    const { trustedProxies, publicUrl } = settings();
    const peer = ctx.req.socket.remoteAddress;
    const trusted = isTrustedPeer(peer, trustedProxies);
    const claimedId = trusted ? ctx.get('x-request-id') : '';
    if (!trusted) for (const header of forwardedHeaders) delete ctx.req.headers[header];
    ctx.request.ip = clientAddress(peer, ctx.req.headers['x-forwarded-for'], trustedProxies);
    const requestId = requestIdPattern.test(claimedId) ? claimedId : crypto.randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);

    ctx.res.once('close', () => {
      const ms = Math.round(performance.now() - started);
      const outcome = ctx.res.writableFinished ? String(ctx.status) : 'aborted by the client';
      strapi.log.http(`${ctx.method} ${safePath(ctx) ?? '(invalid target)'} ${outcome} ${ms} ms id=${requestId}`);
    });

    const path = safePath(ctx);
    if (path === undefined) {
      ctx.status = 400;
      ctx.body = errorBody(400, 'BadRequestError', 'Địa chỉ yêu cầu không hợp lệ.');
      return;
    }
    // Served over https (PUBLIC_URL): the admin's cookies are Secure, and a login over plain http
    // (not through the TLS proxy) is refused here rather than failing when the cookie is set.
    if (publicUrl?.startsWith('https:') && !ctx.secure && adminPath.test(path)) {
      ctx.status = 403;
      ctx.body = errorBody(403, 'ForbiddenError', `Trang quản trị chỉ dùng qua https: ${publicUrl}`);
      return;
    }
    if (path === '/favicon.ico') {
      ctx.status = 204;
      return;
    }
    try {
      await next();
    } catch (error) {
      // A body cut short by the client ("request aborted") is not the server's fault: nothing to report.
      if (clientGone(ctx)) {
        ctx.status = 400;
        return;
      }
      throw error;
    }
  };
};
