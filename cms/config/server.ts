import { settings } from '../lib/settings';

export default () => {
  const s = settings();
  return {
    host: s.host,
    port: s.port,
    // Behind a proxy (PUBLIC_URL set) the client address comes from X-Forwarded-For: rate limits count clients, not the proxy.
    ...(s.publicUrl ? { url: s.publicUrl, proxy: { koa: true } } : {}),
    app: { keys: s.secrets.appKeys.split(',') },
  };
};
