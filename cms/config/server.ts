import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir } from '../lib/private-files';
import { settings } from '../lib/settings';

export default () => {
  const s = settings();
  // Uploaded files (form templates, news covers) live beside the database, in the data folder.
  ensurePrivateDir(s.dataDir);
  const publicDir = path.join(s.dataDir, 'public');
  fs.mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });
  return {
    dirs: { public: publicDir },
    host: s.host,
    port: s.port,
    ...(s.publicUrl ? { url: s.publicUrl } : {}),
    // Koa reads X-Forwarded-Proto and -Host (https behind a TLS proxy), but the request-context
    // middleware drops those headers unless the peer is in TRUSTED_PROXIES, and sets ctx.ip itself.
    proxy: { koa: true },
    app: { keys: s.secrets.appKeys.split(',') },
    // Scheduled jobs (the nightly purge of old search misses).
    cron: { enabled: true },
  };
};
