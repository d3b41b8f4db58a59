/**
 * `npm start --workspace bot`: the assistant on BOT_PORT (3001), reading the CMS at CMS_URL
 * (default http://127.0.0.1:CMS_PORT) and keeping conversations in the shared database.
 */
import { startBot } from './app';

const bot = await startBot();
console.log(`Assistant listening on ${bot.url} (POST /api/ask, /api/ask/stream, GET /health); content from ${bot.config.cmsUrl}, refreshed every ${bot.config.refreshSeconds} s`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void bot.close().then(() => process.exit(0));
  });
}
