import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { portalLimiter, tooManyRequests } from '../portal/limits';

/**
 * Failed admin logins allowed in 15 minutes per account (from any address: a password guessed
 * from many addresses) and per address (many accounts tried from one address). Strapi's own limit
 * (5 per e-mail and address) stays in front of the login route; these catch what it cannot see.
 */
const windowSeconds = 15 * 60;
const perAccount = 10;
const perAddress = 20;
const message = 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.';

/** Counts every attempt at POST /admin/login and gives the count back when the login succeeds. */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const accounts = portalLimiter(strapi, { keyPrefix: 'admin-login-account', points: perAccount, durationSeconds: windowSeconds });
  const addresses = portalLimiter(strapi, { keyPrefix: 'admin-login-address', points: perAddress, durationSeconds: windowSeconds });
  return async (ctx: Context, next: Next) => {
    if (ctx.method !== 'POST' || ctx.path !== '/admin/login') return void (await next());
    const email = (ctx.request as { body?: { email?: unknown } }).body?.email;
    const account = typeof email === 'string' ? email.trim().toLowerCase() : '';
    const decisions = await Promise.all([accounts.consume(account), addresses.consume(ctx.ip)]);
    const refused = decisions.filter((d) => !d.allowed);
    if (refused.length > 0) return tooManyRequests(ctx, message, Math.max(...refused.map((d) => d.retryAfterSeconds)));
    await next();
    if (ctx.status === 200) await Promise.all([accounts.refund(account), addresses.refund(ctx.ip)]);
  };
};
