import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

type Config = { perMinute: number; message: string };

/**
 * At most `perMinute` requests per client address in a sliding minute; then 429 with Retry-After,
 * in Strapi's error envelope. Kept in memory: each CMS instance counts for itself.
 */
export default (config: Config, _: { strapi: Core.Strapi }) => {
  const seen = new Map<string, number[]>();
  let sweep = Date.now();
  return async (ctx: Context, next: () => Promise<void>) => {
    const now = Date.now();
    if (now - sweep > 60_000) {
      for (const [ip, times] of seen) if (times[times.length - 1]! < now - 60_000) seen.delete(ip);
      sweep = now;
    }
    const times = (seen.get(ctx.ip) ?? []).filter((t) => t > now - 60_000);
    if (times.length >= config.perMinute) {
      const retryAfter = Math.ceil((times[0]! + 60_000 - now) / 1000);
      ctx.set('Retry-After', String(retryAfter));
      ctx.status = 429;
      ctx.body = { data: null, error: { status: 429, name: 'TooManyRequestsError', message: config.message, details: { retryAfterSeconds: retryAfter } } };
      return;
    }
    times.push(now);
    seen.set(ctx.ip, times);
    await next();
  };
};
