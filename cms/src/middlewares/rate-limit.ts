import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { portalLimiter, tooManyRequests } from '../portal/limits';

type Config = { keyPrefix: string; perMinute: number; message: string };

/**
 * At most `perMinute` requests per client address (`ctx.ip`, see request-context) in a minute that
 * starts at the address's first request; then 429 with Retry-After, in Strapi's error envelope.
 */
export default (config: Config, { strapi }: { strapi: Core.Strapi }) => {
  const limiter = portalLimiter(strapi, { keyPrefix: config.keyPrefix, points: config.perMinute, durationSeconds: 60 });
  return async (ctx: Context, next: Next) => {
    const { allowed, retryAfterSeconds } = await limiter.consume(ctx.ip);
    if (!allowed) return tooManyRequests(ctx, config.message, retryAfterSeconds);
    await next();
  };
};
