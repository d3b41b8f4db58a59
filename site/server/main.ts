/**
 * Runs the site server from the environment (parsed once, config.ts: SITE_PORT, HOST, DATA_DIR,
 * CMS_URL / CMS_PORT, BOT_URL / BOT_PORT, SITE_REBUILD_TOKEN, TRUSTED_PROXIES, LOG_LEVEL; see the
 * README) and stops it cleanly on Ctrl-C / SIGTERM, a running build included.
 *
 *   node --import tsx site/server/main.ts
 *
 * At start it serves the last build at once and rebuilds in the background, so that what changed
 * in the CMS while the server was down is published too; with no build yet it answers 503 until
 * the first build is served.
 */
import { siteConfig } from './config';
import { startSiteServer } from './serve';

async function main(): Promise<void> {
  const site = await startSiteServer({ config: siteConfig(), buildOnStart: 'always' });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[site] ${signal} received: stopping the site server`);
    await site.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
