/**
 * npm run build:site — one build of the portal from the CMS (CMS_URL / CMS_PORT, token from
 * DATA_DIR/site-api-token), swapped into DATA_DIR/site/current: for hosting the static files
 * behind nginx or a CDN without the site server.
 */
import { SiteBuilder } from './builder';

const builder = new SiteBuilder();
try {
  const build = await builder.buildNow('npm run build:site');
  console.log(`Served folder: ${builder.current()} (${build.pages} pages, ${build.seconds.toFixed(1)} s)`);
} finally {
  await builder.close();
}
