import { settings } from '../lib/settings';

export default () => {
  const s = settings();
  return {
    auth: { secret: s.secrets.adminJwtSecret },
    apiToken: { salt: s.secrets.apiTokenSalt },
    transfer: { token: { salt: s.secrets.transferTokenSalt } },
    secrets: { encryptionKey: s.secrets.encryptionKey },
    serveAdminPanel: s.serveAdmin,
    flags: { nps: false, promoteEE: false },
  };
};
