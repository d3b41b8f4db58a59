/**
 * The site server's own endpoints as OpenAPI paths, for docs/openapi.json (`npm run openapi`): the
 * app is built before any build is served and with no upstream, since only its routes are read.
 */
import { parseTrustedProxies } from '@portal/cms/client-address';
import { buildSiteApp } from './app';

export async function siteOpenApiPaths(): Promise<Record<string, Record<string, unknown>>> {
  const app = await buildSiteApp({
    logLevel: 'error',
    trustedProxies: parseTrustedProxies(''),
    served: { now: () => undefined },
    builder: { request: () => undefined, building: false },
    rebuildToken: () => '',
    upstreams: { cms: () => 'http://127.0.0.1:9', bot: () => 'http://127.0.0.1:9' },
  });
  await app.ready();
  const { paths } = app.swagger() as { paths: Record<string, Record<string, unknown>> };
  await app.close();
  return paths;
}
