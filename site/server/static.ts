/**
 * The pages: every GET/HEAD no other route takes is answered from the served build with
 * `@fastify/static` (its precompressed .br/.gz copies by Accept-Encoding, ETag and 304), the
 * build's Content-Security-Policy, cache headers and UTF-8 text types; unknown paths get the
 * build's 404 page, and before the first build a "being built" page answers 503.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import type { Server } from '@portal/platform';
import { fileFor, notFoundPage, type ServedBuild } from './served';

const immutableCache = 'public, max-age=31536000, immutable';
const revalidateCache = 'public, max-age=0, must-revalidate';

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

/**
 * UTF-8 on every text type (a page or script without it shows Vietnamese as mojibake in some
 * browsers), and JavaScript as text/javascript (RFC 9239) where the mime table says application/.
 */
export function withCharset(type: string): string {
  const bare = type.split(';')[0]!.trim().replace(/^application\/javascript$/, 'text/javascript');
  if (/^(text\/|application\/(json|xml|manifest\+json)$|image\/svg\+xml$)/.test(bare)) return `${bare}; charset=utf-8`;
  return type;
}

async function textCharset(_request: unknown, reply: FastifyReply, payload: unknown) {
  const type = reply.getHeader('content-type');
  if (typeof type === 'string') reply.header('content-type', withCharset(type));
  return payload;
}

export async function staticSite(app: Server, served: Pick<ServedBuild, 'now'>): Promise<void> {
  // No route of its own (serve: false): the catch-all below picks the build for each request, so a swap is atomic.
  await app.register(fastifyStatic, { serve: false, preCompressed: true, cacheControl: false, dotfiles: 'ignore' });

  app.route({
    method: ['GET', 'HEAD'],
    url: '/*',
    schema: { hide: true },
    onSend: textCharset,
    handler: (request, reply) => {
      const build = served.now();
      if (!build) {
        return reply.code(503).headers({ 'cache-control': 'no-store', 'retry-after': '10' }).type('text/html; charset=utf-8').send(buildingPage);
      }
      const pathname = `/${(request.params as { '*': string })['*']}`;
      // Vary also on a 304, which @fastify/static answers before adding it.
      reply.headers({ 'content-security-policy': build.csp, vary: 'Accept-Encoding' });
      const file = fileFor(build, pathname);
      if (file) return reply.header('cache-control', pathname.startsWith('/_astro/') ? immutableCache : revalidateCache).sendFile(file, build.root);
      reply.code(404).header('cache-control', revalidateCache);
      const page = notFoundPage(build, pathname);
      if (!page) return reply.type('text/plain; charset=utf-8').send('Không tìm thấy trang. / Page not found.');
      // No validators: a 304 would turn the 404 into an empty answer.
      return reply.sendFile(page, build.root, { etag: false, lastModified: false });
    },
  });
}
