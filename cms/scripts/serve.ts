/**
 * Runs the compiled CMS and stops it cleanly on Ctrl-C / SIGTERM (connections closed, database
 * released). `npm run build` first; the root `npm start` does both.
 */
import { loadCms, listen, settings } from '../lib';

async function main() {
  const app = await loadCms();
  const { port, host } = settings();
  await listen(app, port, host);
  app.log.info(`CMS listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal} received: stopping the CMS`);
    await app.destroy();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
