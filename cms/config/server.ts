import fs from 'node:fs';
import path from 'node:path';
import { settings } from '../lib/settings';

export default () => {
  const s = settings();
  // Uploaded files (form templates, news covers) live beside the database, in the data folder.
  const publicDir = path.join(s.dataDir, 'public');
  fs.mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });
  return {
    dirs: { public: publicDir },
    host: s.host,
    port: s.port,
    // Behind a proxy (PUBLIC_URL set) the client address comes from X-Forwarded-For: rate limits count clients, not the proxy.
    ...(s.publicUrl ? { url: s.publicUrl, proxy: { koa: true } } : {}),
    app: { keys: s.secrets.appKeys.split(',') },
  };
};
