import { settings } from '../lib/settings';

/** Paths browsers on other origins may read: the content API and uploaded files. The admin panel is same-origin only. */
const crossOriginPaths = /^\/(api|uploads)(\/|$)/;

export default () => [
  'strapi::errors',
  'global::request-context',
  {
    name: 'strapi::security',
    config: {
      // Besides Strapi's defaults (CSP, HSTS, nosniff, frame and referrer policies): the admin panel
      // keeps its window to itself, and files are not embedded by other sites' pages.
      crossOriginOpenerPolicy: { policy: 'same-origin' },
      crossOriginResourcePolicy: { policy: 'same-site' },
    },
  },
  {
    name: 'strapi::cors',
    config: {
      // Never '*': Strapi's default reflects any origin, with credentials, on every route (admin
      // tokens included). Only the portal's origins (CORS_ORIGINS), only on public paths.
      origin: (ctx: { path: string }) => (crossOriginPaths.test(ctx.path) ? settings().corsOrigins : []),
      credentials: false,
    },
  },
  'strapi::query',
  'global::public-query',
  'strapi::body',
  'global::admin-login-limit',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
