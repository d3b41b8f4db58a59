/**
 * The site server as a Fastify app (`@portal/platform`), not listening: `serve.ts` starts it, tests
 * `inject` into it, and `app.swagger()` gives its OpenAPI document.
 */
import type { TrustedProxies } from '@portal/cms/client-address';
import type { LogLevel } from '@portal/cms/environment';
import { createServer, type Server } from '@portal/platform';
import { botPrefixes, proxies, type Upstreams } from './proxy';
import { refuseOtherMethods, siteRoutes, type RoutesOptions } from './routes';
import type { ServedBuild } from './served';
import { staticSite } from './static';

export type SiteAppOptions = Omit<RoutesOptions, 'buildId'> & {
  logLevel: LogLevel;
  /** TRUSTED_PROXIES: the only peers whose X-Forwarded-For and X-Request-Id are believed. */
  trustedProxies: TrustedProxies;
  /** The build to answer from. */
  served: Pick<ServedBuild, 'now'>;
  upstreams: Upstreams;
  /** Where log lines go. @default standard error */
  logStream?: NodeJS.WritableStream;
};

export async function buildSiteApp(options: SiteAppOptions): Promise<Server> {
  const app = await createServer({
    name: 'site',
    logLevel: options.logLevel,
    trustedProxies: options.trustedProxies,
    // The assistant's questions are the largest bodies the portal takes.
    bodyLimit: 64 * 1024,
    // Our own: the pages' Content-Security-Policy changes with each build (static.ts).
    securityHeaders: false,
    ...(options.logStream ? { logStream: options.logStream } : {}),
  });
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
  });
  siteRoutes(app, { ...options, buildId: () => options.served.now()?.id ?? null });
  await proxies(app, options.upstreams);
  await staticSite(app, options.served);
  refuseOtherMethods(app, ['/*'], ['GET', 'HEAD']);
  refuseOtherMethods(app, ['/_rebuild', ...botPrefixes.flatMap((p) => [p, `${p}/*`])], ['POST']);
  return app;
}
