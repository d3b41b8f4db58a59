import { settings } from '../../../../lib/settings';

const rateLimit = () => ({
  name: 'global::rate-limit',
  config: {
    keyPrefix: 'search',
    perMinute: settings().search.ratePerMinute,
    message: 'Bạn tìm kiếm quá nhiều lần trong một phút. Vui lòng thử lại sau ít giây.',
  },
});

/** Public search: no token, no role permission (auth: false), limited per address. */
export default {
  routes: [
    { method: 'GET', path: '/search', handler: 'search.search', config: { auth: false, middlewares: [rateLimit()] } },
    { method: 'GET', path: '/search/suggest', handler: 'search.suggest', config: { auth: false, middlewares: [rateLimit()] } },
  ],
};
