import { settings } from '../lib/settings';

export default () => ({
  'users-permissions': {
    config: { jwtSecret: settings().secrets.jwtSecret },
  },
});
